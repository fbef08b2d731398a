import type { ContextBridge, IpcRenderer, WebUtils } from 'electron';
import { bridgeFrom } from '../archive/api/bridge.ts';
import { ARCHIVE_CALL_CHANNEL, ARCHIVE_CHANGED_CHANNEL } from './channel.ts';
import type { ArchiveChange, ArchiveEvents, ArchiveFiles } from './desktop-api.ts';

/** The names the preload puts on `window`, and nothing else. */
export const EXPOSED_GLOBALS = ['archive', 'archiveEvents', 'archiveFiles'] as const;

function isArchiveChange(value: unknown): value is ArchiveChange {
  const change = value as Partial<ArchiveChange> | null;
  return (
    typeof change === 'object' &&
    change !== null &&
    change.reason === 'import' &&
    Number.isSafeInteger(change.imported) &&
    (change.imported ?? -1) >= 0
  );
}

/**
 * Puts the page's three globals in its world. Each is a plain object of functions, so the page gets
 * no Electron object: not ipcRenderer, not an IPC event (whose `sender` is ipcRenderer itself), not
 * webUtils. `window.archive` is the contract's methods, each answering main's envelope;
 * `window.archiveEvents` tells of changes main made; `window.archiveFiles` gives a dropped file's path.
 */
export function exposeDesktopApis(
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
  webUtils: Pick<WebUtils, 'getPathForFile'>,
): void {
  contextBridge.exposeInMainWorld(
    'archive',
    bridgeFrom((method, args) => ipcRenderer.invoke(ARCHIVE_CALL_CHANNEL, method, args)),
  );

  const events: ArchiveEvents = {
    onChanged(listener) {
      if (typeof listener !== 'function') throw new TypeError('onChanged needs a function');
      const relay = (_event: unknown, change: unknown) => {
        if (isArchiveChange(change)) listener({ reason: change.reason, imported: change.imported });
      };
      ipcRenderer.on(ARCHIVE_CHANGED_CHANNEL, relay);
      return () => {
        ipcRenderer.removeListener(ARCHIVE_CHANGED_CHANNEL, relay);
      };
    },
  };
  contextBridge.exposeInMainWorld('archiveEvents', events);

  const files: ArchiveFiles = {
    pathForFile: (file) => webUtils.getPathForFile(file),
  };
  contextBridge.exposeInMainWorld('archiveFiles', files);
}
