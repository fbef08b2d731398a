/**
 * What the preload adds to the page besides `window.archive` (the contract), for the desktop app
 * only. Types alone: the renderer may import them (`import type`) to declare the globals, and the
 * serve transport simply has neither.
 */

/**
 * Sent after the archive changed outside the page's own calls (an import from the menu, say), or
 * when main started an import job whose progress the page shows (polling getImportProgress).
 */
export type ArchiveChange =
  | {
      reason: 'import';
      /** How many new articles the archive holds. */
      imported: number;
    }
  | { reason: 'import-started'; jobId: number };

/** `window.archiveEvents`: events from main. */
export interface ArchiveEvents {
  /** Calls `listener` on each change; returns a function that stops listening. */
  onChanged(listener: (change: ArchiveChange) => void): () => void;
}

/** `window.archiveFiles`: what a page cannot know on its own about files dropped on it. */
export interface ArchiveFiles {
  /** The path on disk of a dropped (or picked) File, '' for a File not backed by one. */
  pathForFile(file: File): string;
  /**
   * Asks where to save a file, with the system's save dialog (which asks before replacing a file);
   * the chosen path, or null when the user cancelled.
   */
  chooseSavePath(options: SavePathOptions): Promise<string | null>;
}

export interface SavePathOptions {
  /** The dialog's title, in the UI's language. */
  title: string;
  /** The file name proposed. */
  defaultName: string;
  /** The file type's ending, without the dot ("bundle"). */
  extension: string;
}

/** Why sharing on the local network could not start; the renderer words it in its own language. */
export type LanSharingProblem = 'no_private_address' | 'failed';

/** Sharing the archive on the local network from the desktop app (Settings), as main reports it. */
export interface LanSharingState {
  running: boolean;
  /** The addresses other devices open, one per private network address of this computer. */
  urls: string[];
  /** A QR code of the first address: an SVG image as a data: URL, for an <img>. */
  qrCode: string | null;
  /** Whether devices with the write link may change the archive; without it sharing is read-only. */
  writes: boolean;
  /** The write link (the first address with the token) while writes are allowed. */
  writeLink: string | null;
  problem: LanSharingProblem | null;
  /** The problem's details, as the system gave them (addresses found, an error message). */
  detail: string | null;
}

/** `window.archiveSharing`: start and stop sharing on the local network. */
export interface ArchiveSharing {
  state(): Promise<LanSharingState>;
  start(options: { writes: boolean }): Promise<LanSharingState>;
  stop(): Promise<LanSharingState>;
}
