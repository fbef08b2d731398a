const isControl = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/** The most bytes one part of a name may hold: what ext4, NTFS (in UTF-16 units) and APFS allow. */
const MAX_SEGMENT_BYTES = 255;
/** The most bytes a whole name may hold; no archiver needs more, and longer paths fail on Windows. */
const MAX_NAME_BYTES = 1024;

/**
 * Names Windows opens as devices rather than files, in any case and whatever follows a dot
 * (`NUL.txt`, `com1.tar.gz`): writing to one writes to the device. The superscript digits count too.
 */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;

/** The device a name's part opens on Windows (`nul .txt.` → `NUL`), or null. */
export function deviceName(segment: string): string | null {
  const stem = (segment.replace(/[. ]+$/, '').split('.')[0] ?? '').trimEnd();
  return DEVICE.test(stem) ? stem.toUpperCase() : null;
}

/** Why a name (slashes only) would lead out of the folder it is extracted to, or null. */
function escapeProblem(name: string): string | null {
  if (name.startsWith('//')) return 'its name is a network (UNC) or device path';
  if (/^[a-z]:/i.test(name)) return 'its name starts with a drive letter';
  if (name.startsWith('/')) return 'its name is an absolute path';
  if (name.split('/').some((segment) => segment === '..')) return 'its name climbs out of the folder with ".."';
  return null;
}

/** Why Windows would make a name (slashes only) into something else than a file of that name, or null. */
function windowsProblem(name: string): string | null {
  // A title's colon is followed by a space ("Review: the film.html"); a stream's is not (`a.txt:hidden`).
  if (/:(?! )/.test(name))
    return 'its name holds a colon, which Windows reads as a stream of another file (name:stream)';
  for (const segment of name.split('/')) {
    const device = deviceName(segment);
    if (device) return `its name is a Windows device name (${device})`;
    if (segment !== '.' && /[. ]$/.test(segment)) {
      return 'a part of its name ends with a dot or a space, which Windows drops';
    }
    const bytes = Buffer.byteLength(segment);
    if (bytes > MAX_SEGMENT_BYTES) {
      return `a part of its name is ${bytes} bytes long; file names hold at most ${MAX_SEGMENT_BYTES}`;
    }
  }
  return null;
}

/**
 * Why a zip entry's name is refused, or null when it is a plain relative path. Refused: names that
 * would write outside the folder they are extracted to (`..` segments, absolute paths, drive
 * letters, UNC and `\\?\` device paths), whether written with slashes, with the backslashes
 * Windows reads as separators, or with look-alike characters that fold to them (`．．／`);
 * names Windows would write somewhere else than a file of that name (device names such as `CON`
 * or `nul.txt`, `name:stream` alternate data streams, trailing dots and spaces it drops); control
 * characters (NUL among them); and overlong names. (Entries are never written under their own
 * names anyway: see `safeFileName`.)
 */
export function refusedName(raw: string): string | null {
  if (raw.length === 0) return 'the entry has no name';
  if ([...raw].some(isControl)) return 'its name holds control characters';
  const bytes = Buffer.byteLength(raw);
  if (bytes > MAX_NAME_BYTES) return `its name is ${bytes} bytes long; names over ${MAX_NAME_BYTES} bytes are refused`;
  const name = raw.replace(/\\/g, '/');
  const plain = escapeProblem(name) ?? windowsProblem(name);
  if (plain) return name === raw ? plain : `${plain} (written with backslashes)`;
  // Only the characters that lead out of the folder: full-width colons and dots are ordinary in CJK titles.
  const folded = escapeProblem(raw.normalize('NFKC').replace(/\\/g, '/'));
  return folded ? `${folded} (written with look-alike characters)` : null;
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

/** Bytes kept of a file name: under every file system's 255, with room for the folder's own name. */
const SAFE_NAME_BYTES = 200;

/**
 * A file name safe on any system that keeps the name's ending (and so its type):
 * `a/b/Report: 2024.html` → `Report_ 2024.html`; never a device name (`CON.txt` → `_CON.txt`), never
 * ending with a dot or a space, and at most 120 characters and 200 bytes.
 */
export function safeFileName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').filter(Boolean).pop() ?? 'entry';
  let safe = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (deviceName(safe)) safe = `_${safe}`;
  let chars = [...(safe || 'entry')].slice(-120);
  while (Buffer.byteLength(chars.join('')) > SAFE_NAME_BYTES) chars = chars.slice(1);
  return chars.join('');
}
