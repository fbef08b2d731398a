import { isAppPage } from '../policy/navigation.ts';

/** The parts of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: object | null;
}

/**
 * Whether an IPC message comes from a frame allowed to use the archive: the top frame showing one of
 * the app's own pages. A frame that has gone (null), an iframe (an article's content, say), a
 * stored media file or a page from anywhere else is refused, as VS Code's validatedIpcMain does.
 */
export function isTrustedSender(frame: SenderFrame | null, appOrigin: string): boolean {
  if (frame === null) return false;
  if (frame.parent !== null) return false;
  return isAppPage(frame.url, appOrigin);
}
