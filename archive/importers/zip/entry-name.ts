const isControl = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/**
 * Why a zip entry's name is refused, or null when it is a plain relative path. Names that would
 * write outside the folder they are extracted to are refused: `..` segments, absolute paths,
 * drive letters and UNC paths, whether written with slashes or with the backslashes Windows reads
 * as separators; so are control characters. (Entries are never written under their own names
 * anyway: see `safeFileName`.)
 */
export function refusedName(raw: string): string | null {
  if (raw.length === 0) return 'the entry has no name';
  if ([...raw].some(isControl)) return 'its name holds control characters';
  const name = raw.replace(/\\/g, '/');
  const how = name === raw ? '' : ' (written with backslashes)';
  if (/^[a-z]:/i.test(name)) return `its name starts with a drive letter${how}`;
  if (name.startsWith('/')) return `its name is an absolute path${how}`;
  if (name.split('/').some((segment) => segment === '..')) return `its name climbs out of the folder with ".."${how}`;
  return null;
}

/** A name as shown in the report: control characters made visible. */
export function displayName(name: string): string {
  return [...name]
    .map((char) => (isControl(char) ? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}` : char))
    .join('');
}

/** Entries that are an archiver's housekeeping, not content: skipped silently, as hidden files in folders are. */
export function isHousekeeping(name: string): boolean {
  return name
    .replace(/\\/g, '/')
    .split('/')
    .some((segment) => (segment.startsWith('.') && segment !== '.') || segment === '__MACOSX');
}

/** A file name safe on any system that keeps the name's ending (and so its type): `a/b/Report: 2024.html` → `Report_ 2024.html`. */
export function safeFileName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').filter(Boolean).pop() ?? 'entry';
  const safe = base.replace(/[^\p{L}\p{N} ._()-]/gu, '_').replace(/^[.\s]+/, '') || 'entry';
  return safe.length > 120 ? safe.slice(-120) : safe;
}
