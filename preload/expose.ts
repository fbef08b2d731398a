import type { ContextBridge, IpcRenderer, WebUtils } from 'electron';
import { bridgeFrom } from '../archive/api/bridge.ts';
import {
  ARCHIVE_CALL_CHANNEL,
  ARCHIVE_CHANGED_CHANNEL,
  SAVE_PATH_CHANNEL,
  SHARING_START_CHANNEL,
  SHARING_STATE_CHANNEL,
  SHARING_STOP_CHANNEL,
} from './channel.ts';
import type { ArchiveChange, ArchiveEvents, ArchiveFiles, ArchiveSharing, LanSharingState } from './desktop-api.ts';

/** The names the preload puts on `window`, and nothing else. */
export const EXPOSED_GLOBALS = ['archive', 'archiveEvents', 'archiveFiles', 'archiveSharing'] as const;

/** A change main sent, copied field by field so nothing else crosses to the page; null if malformed. */
function archiveChangeOf(value: unknown): ArchiveChange | null {
  const change = value as { reason?: unknown; imported?: unknown; jobId?: unknown } | null;
  if (typeof change !== 'object' || change === null) return null;
  const count = (field: unknown) => Number.isSafeInteger(field) && (field as number) >= 0;
  if (change.reason === 'import' && count(change.imported)) {
    return { reason: 'import', imported: change.imported as number };
  }
  if (change.reason === 'import-started' && count(change.jobId) && (change.jobId as number) > 0) {
    return { reason: 'import-started', jobId: change.jobId as number };
  }
  return null;
}

/**
 * Puts the page's four globals in its world. Each is a plain object of functions, so the page gets
 * no Electron object: not ipcRenderer, not an IPC event (whose `sender` is ipcRenderer itself), not
 * webUtils. `window.archive` is the contract's methods, each answering main's envelope;
 * `window.archiveEvents` tells of changes main made; `window.archiveFiles` gives a dropped file's path;
 * `window.archiveSharing` starts and stops sharing on the local network.
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
        const valid = archiveChangeOf(change);
        if (valid) listener(valid);
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
    // Only three strings cross to main; what comes back is the path the user chose, or null.
    chooseSavePath: (options) =>
      ipcRenderer.invoke(
        SAVE_PATH_CHANNEL,
        String(options?.title ?? ''),
        String(options?.defaultName ?? ''),
        String(options?.extension ?? ''),
      ) as Promise<string | null>,
  };
  contextBridge.exposeInMainWorld('archiveFiles', files);

  // Only a boolean crosses to main; what comes back is main's own state object.
  const sharing: ArchiveSharing = {
    state: () => ipcRenderer.invoke(SHARING_STATE_CHANNEL) as Promise<LanSharingState>,
    start: (options) => ipcRenderer.invoke(SHARING_START_CHANNEL, options?.writes === true) as Promise<LanSharingState>,
    stop: () => ipcRenderer.invoke(SHARING_STOP_CHANNEL) as Promise<LanSharingState>,
  };
  contextBridge.exposeInMainWorld('archiveSharing', sharing);
}
