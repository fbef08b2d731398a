import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { ArchiveHost } from '../../archive/service/host.ts';
import type { ArchiveChange } from '../../preload/desktop-api.ts';
import type { UiStrings } from '../i18n/strings.ts';
import { importSummary, runImport } from './run-import.ts';

export interface ImportCommands {
  /** File → Import Files…: asks for files, then imports them. */
  importFiles(): Promise<void>;
  /** File → Import Folder…: asks for folders, then imports them (recursively). */
  importFolder(): Promise<void>;
  /** Imports paths the app was asked to open, then says how it went. */
  importPaths(paths: readonly string[]): Promise<void>;
}

// What the importer reads today, and the web archives and bundles it is meant to read; `.warc.gz`
// is a `.gz` to a file dialog.
const ARTICLE_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'warc', 'gz', 'zip', 'bundle'];

function targetWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

/**
 * The imports main starts itself. Each runs after the previous one has finished and been reported,
 * so two never interleave their dialogs; a successful one tells the renderer to refresh.
 */
export function importCommands(options: {
  host: Pick<ArchiveHost, 'call'>;
  strings: UiStrings;
  onChange: (change: ArchiveChange) => void;
}): ImportCommands {
  const { host, strings: s, onChange } = options;
  let queue: Promise<void> = Promise.resolve();

  async function report(title: string, message: string, type: 'info' | 'warning' | 'error'): Promise<void> {
    const window = targetWindow();
    const box = { type, title, message, buttons: [s.ok], noLink: true };
    await (window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box));
  }

  async function importNow(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    // The page shows each job's progress (with Cancel) and then its report, and reloads its lists.
    const outcome = await runImport(host, paths, {
      onStarted: (jobId) => onChange({ reason: 'import-started', jobId }),
    });
    if (!outcome.ok) {
      if (outcome.total.imported > 0) onChange({ reason: 'import', imported: outcome.total.imported });
      await report(s.importFailedTitle, `${outcome.message}\n\n${importSummary(s, outcome.total)}`, 'error');
    }
  }

  function importPaths(paths: readonly string[]): Promise<void> {
    const run = queue.then(() => importNow(paths));
    queue = run.catch((error: unknown) => console.error('Import failed:', error));
    return queue;
  }

  async function choose(dialogOptions: OpenDialogOptions): Promise<void> {
    const window = targetWindow();
    const { canceled, filePaths } = await (window
      ? dialog.showOpenDialog(window, dialogOptions)
      : dialog.showOpenDialog(dialogOptions));
    if (!canceled) await importPaths(filePaths);
  }

  return {
    importFiles: () =>
      choose({
        title: s.importFilesTitle,
        buttonLabel: s.importButton,
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: s.articlesFilter, extensions: ARTICLE_EXTENSIONS },
          { name: s.allFilesFilter, extensions: ['*'] },
        ],
      }),
    importFolder: () =>
      choose({
        title: s.importFolderTitle,
        buttonLabel: s.importButton,
        properties: ['openDirectory', 'multiSelections'],
      }),
    importPaths,
  };
}
