/// <reference types="vite/client" />
import type { ArchiveBridge } from '../../archive/api/bridge.ts';
import type { ArchiveEvents, ArchiveFiles, ArchiveSharing } from '../../preload/desktop-api.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the UI is served over HTTP. */
    archive?: ArchiveBridge;
    /** Desktop only: "the archive changed" (an import from the menu). */
    archiveEvents?: ArchiveEvents;
    /** Desktop only: the path of a dropped file. */
    archiveFiles?: ArchiveFiles;
    /** Desktop only: share the archive on the local network. */
    archiveSharing?: ArchiveSharing;
  }
}
