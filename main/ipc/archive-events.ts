import { BrowserWindow } from 'electron';
import type { ArchiveChange } from '../../preload/desktop-api.ts';
import { ARCHIVE_CHANGED_CHANNEL } from '../../preload/channel.ts';
import { isAppPage } from '../policy/navigation.ts';

/** Tells every window showing one of the app's pages that the archive changed, so it refreshes. */
export function broadcastArchiveChange(change: ArchiveChange, appOrigin: string): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const { webContents } = window;
    if (window.isDestroyed() || webContents.isDestroyed()) continue;
    if (!isAppPage(webContents.getURL(), appOrigin)) continue;
    webContents.send(ARCHIVE_CHANGED_CHANNEL, change);
  }
}
