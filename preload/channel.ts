/** The IPC channel for a call to the archive API: preload → main, answered with an envelope. */
export const ARCHIVE_CALL_CHANNEL = 'archive:call';

/** The IPC channel main sends an ArchiveChange on: main → preload → `window.archiveEvents`. */
export const ARCHIVE_CHANGED_CHANNEL = 'archive:changed';

/** Asks main for a path to save a file to (the system's save dialog): preload → main, answered with a path or null. */
export const SAVE_PATH_CHANNEL = 'files:save-path';

/** Sharing on the local network: preload → main, each answered with a LanSharingState. */
export const SHARING_STATE_CHANNEL = 'sharing:state';
export const SHARING_START_CHANNEL = 'sharing:start';
export const SHARING_STOP_CHANNEL = 'sharing:stop';
