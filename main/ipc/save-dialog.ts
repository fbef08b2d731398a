import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { SAVE_PATH_CHANNEL } from '../../preload/channel.ts';
import { saveDialogRequest } from './save-request.ts';
import { isTrustedSender } from './sender.ts';

/**
 * Serves the preload's "where should this be saved?" from the app's own top frame only, with the
 * system's save dialog; returns a function that stops serving it.
 */
export function registerSaveDialogIpc(appOrigin: string): () => void {
  ipcMain.handle(
    SAVE_PATH_CHANNEL,
    async (event: IpcMainInvokeEvent, title: unknown, defaultName: unknown, extension: unknown) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      if (!window || !isTrustedSender(event.senderFrame, appOrigin)) {
        throw new Error('Files are chosen only from the app’s own window.');
      }
      const request = saveDialogRequest(title, defaultName, extension);
      if (!request) throw new Error('A save dialog needs a title, a file name and a file ending.');
      const { canceled, filePath } = await dialog.showSaveDialog(window, {
        title: request.title,
        defaultPath: request.defaultName,
        filters: [{ name: request.extension, extensions: [request.extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return canceled || !filePath ? null : filePath;
    },
  );
  return () => ipcMain.removeHandler(SAVE_PATH_CHANNEL);
}
