import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { serializeWindowState, type WindowState } from './window-state.ts';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';

/** The saved state's text, or null when there is none or it cannot be read. */
export function readWindowStateFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Saves the state beside its final name, then renames it over, so a crash mid-write leaves the
 * previous state rather than half a file. Failing to save is not worth an error dialog: it is
 * logged, and the next run opens where the last good state says.
 */
export function writeWindowStateFile(path: string, state: WindowState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, serializeWindowState(state));
    renameSync(temporary, path);
  } catch (error) {
    console.error(`Could not save the window's position to ${path}:`, error);
  }
}
