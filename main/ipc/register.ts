import { BrowserWindow, ipcMain } from 'electron';
import type { ArchiveHost } from '../../archive/service/host.ts';
import { ARCHIVE_CALL_CHANNEL } from '../../preload/channel.ts';
import { answerArchiveCall } from './archive-call.ts';
import { isTrustedSender } from './sender.ts';

/** Serves the preload's archive calls from `host`; returns a function that stops serving them. */
export function registerArchiveIpc(host: Pick<ArchiveHost, 'call'>, appOrigin: string): () => void {
  ipcMain.handle(ARCHIVE_CALL_CHANNEL, (event, method: unknown, args: unknown) => {
    // fromWebContents excludes devtools and any contents that is not one of the app's windows.
    const trusted =
      BrowserWindow.fromWebContents(event.sender) !== null && isTrustedSender(event.senderFrame, appOrigin);
    return answerArchiveCall(host, { trusted, method, args });
  });
  return () => ipcMain.removeHandler(ARCHIVE_CALL_CHANNEL);
}
