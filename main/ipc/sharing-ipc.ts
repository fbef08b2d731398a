import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { LanSharingState } from '../../preload/desktop-api.ts';
import { SHARING_START_CHANNEL, SHARING_STATE_CHANNEL, SHARING_STOP_CHANNEL } from '../../preload/channel.ts';
import type { LanSharing } from '../sharing/lan-sharing.ts';
import { isTrustedSender } from './sender.ts';

/** Serves the preload's sharing calls, from the app's own top frame only; returns a function that stops. */
export function registerSharingIpc(sharing: LanSharing, appOrigin: string): () => void {
  const trusted = (event: IpcMainInvokeEvent) =>
    BrowserWindow.fromWebContents(event.sender) !== null && isTrustedSender(event.senderFrame, appOrigin);
  const refuse = (): never => {
    throw new Error('Sharing is controlled only from the app’s own window.');
  };
  ipcMain.handle(SHARING_STATE_CHANNEL, (event): LanSharingState => (trusted(event) ? sharing.state() : refuse()));
  ipcMain.handle(SHARING_START_CHANNEL, (event, writes: unknown) =>
    trusted(event) ? sharing.start(writes === true) : refuse(),
  );
  ipcMain.handle(SHARING_STOP_CHANNEL, (event) => (trusted(event) ? sharing.stop() : refuse()));
  return () => {
    for (const channel of [SHARING_STATE_CHANNEL, SHARING_START_CHANNEL, SHARING_STOP_CHANNEL]) {
      ipcMain.removeHandler(channel);
    }
  };
}
