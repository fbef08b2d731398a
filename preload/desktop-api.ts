/**
 * What the preload adds to the page besides `window.archive` (the contract), for the desktop app
 * only. Types alone: the renderer may import them (`import type`) to declare the globals, and the
 * serve transport simply has neither.
 */

/** Sent after the archive changed outside the page's own calls (an import from the menu, say). */
export interface ArchiveChange {
  reason: 'import';
  /** How many new articles the archive holds. */
  imported: number;
}

/** `window.archiveEvents`: events from main. */
export interface ArchiveEvents {
  /** Calls `listener` on each change; returns a function that stops listening. */
  onChanged(listener: (change: ArchiveChange) => void): () => void;
}

/** `window.archiveFiles`: what a page cannot know on its own about files dropped on it. */
export interface ArchiveFiles {
  /** The path on disk of a dropped (or picked) File, '' for a File not backed by one. */
  pathForFile(file: File): string;
}
