import { basename, dirname, resolve } from 'node:path';
import { backupFolder, backupStem } from '../backup/backups.ts';

/** What SQLite and the app keep beside an archive: its journals, `.open-*` markers, copies set aside. */
const BESIDE = /^(?:-wal|-shm|-journal|\.open-|\.replaced-|\.damaged-|\.restoring-)/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Tells the files of the archive being imported into: the database, what is kept beside it, and
 * its backups in `backups/` (with their own journals and unfinished copies). A folder that holds
 * the archive holds these too; they are not the user's content.
 */
export function archiveFiles(archivePath: string): (path: string) => boolean {
  // An in-memory database has no files.
  if (!archivePath || archivePath === ':memory:') return () => false;
  const archive = resolve(archivePath);
  const name = basename(archive);
  const folder = dirname(archive);
  const backups = backupFolder(archive);
  const backup = new RegExp(`^${escapeRegExp(backupStem(archive))}-\\d{8}T\\d{9}Z-[a-z0-9-]+\\.sqlite`);
  return (path) => {
    const file = resolve(path);
    const fileName = basename(file);
    const at = dirname(file);
    if (at === folder && fileName.startsWith(name)) {
      return fileName === name || BESIDE.test(fileName.slice(name.length));
    }
    return at === backups && backup.test(fileName);
  };
}
