import { BrowserWindow, ipcMain } from 'electron';
import type { ArchiveHost } from '../../archive/service/host.ts';
import type { ArchiveChange } from '../../preload/desktop-api.ts';
import { ARCHIVE_CALL_CHANNEL } from '../../preload/channel.ts';
import { answerArchiveCall, archiveChangeOf } from './archive-call.ts';
import { isTrustedSender } from './sender.ts';

/**
 * Serves the preload's archive calls from `host`, and reports each change a call made (an import
 * of dropped files, say) to `onChange`; returns a function that stops serving them.
 */
export function registerArchiveIpc(
  host: Pick<ArchiveHost, 'call'>,
  appOrigin: string,
  onChange: (change: ArchiveChange) => void,
): () => void {
  ipcMain.handle(ARCHIVE_CALL_CHANNEL, async (event, method: unknown, args: unknown) => {
    // fromWebContents excludes devtools and any contents that is not one of the app's windows.
    const trusted =
      BrowserWindow.fromWebContents(event.sender) !== null && isTrustedSender(event.senderFrame, appOrigin);
    const answer = await answerArchiveCall(host, { trusted, method, args });
    const change = archiveChangeOf(method, answer);
    if (change) onChange(change);
    return answer;
  });
  return () => ipcMain.removeHandler(ARCHIVE_CALL_CHANNEL);
}
