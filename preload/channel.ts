/** The one IPC channel between the preload and main: a call to the archive API. */
export const ARCHIVE_CALL_CHANNEL = 'archive:call';
