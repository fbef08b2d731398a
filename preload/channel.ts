/** The IPC channel for a call to the archive API: preload → main, answered with an envelope. */
export const ARCHIVE_CALL_CHANNEL = 'archive:call';

/** The IPC channel main sends an ArchiveChange on: main → preload → `window.archiveEvents`. */
export const ARCHIVE_CHANGED_CHANNEL = 'archive:changed';
