import type { ExportFile } from '../../archive/api/contract.ts';

/**
 * Saves a file made by an export through the browser's own download: a Blob link clicked once. It
 * works over `serve` (the CSP governs fetches, not downloads) and in the desktop app, where Electron
 * asks where to save it; the blob: URL is released once the download has started.
 */
export function downloadFile(file: ExportFile): void {
  downloadBlob(new Blob([file.content], { type: file.mimeType }), file.fileName);
}

/** Saves bytes made in the page (a zip of exported files) the same way. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The citation and export language for a UI language (fr-CA → fr); English for any other. */
export function exportLocaleOf(language: string): 'en' | 'fr' {
  return language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
