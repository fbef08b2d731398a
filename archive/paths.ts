import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Archive Reader';
export const ARCHIVE_FILE_NAME = 'archive.sqlite';

/**
 * The per-user data folder, computed as Electron's `app.getPath('userData')` computes it for this
 * app, so the CLI and the desktop app open the same archive by default.
 */
export function userDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME);
}

/** The archive used when none is named: `ARCHIVE_READER_ARCHIVE`, else the per-user data folder's. */
export function defaultArchivePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.ARCHIVE_READER_ARCHIVE || join(userDataFolder(env), ARCHIVE_FILE_NAME);
}
