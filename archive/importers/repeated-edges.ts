import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { extname, join } from 'node:path';
import { normaliseLine } from './boilerplate.ts';

/** Lines counted at each edge of an article (after its title line), and bytes read to find them. */
const EDGE_LINES = 3;
const EDGE_BYTES = 4096;
/** A line is a site's chrome once it stands at the edges of this many of a folder's articles, and this share of them. */
const MIN_ARTICLES = 5;
const MIN_SHARE = 0.3;

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

/**
 * The lines (normalised) that stand at the start or end of many text articles of one folder: a
 * site's own header and footer, which no phrase list can know. Each folder is surveyed once per
 * import, before its first article is read, from the first and last few KB of each text file.
 */
export class RepeatedEdges {
  private readonly folders = new Map<string, ReadonlySet<string>>();

  of(folder: string): ReadonlySet<string> {
    let lines = this.folders.get(folder);
    if (!lines) {
      lines = survey(folder);
      this.folders.set(folder, lines);
    }
    return lines;
  }
}

function survey(folder: string): ReadonlySet<string> {
  let names: string[];
  try {
    names = readdirSync(folder).filter(
      (name) => !name.startsWith('.') && TEXT_EXTENSIONS.has(extname(name).toLowerCase()),
    );
  } catch {
    return new Set();
  }
  if (names.length < MIN_ARTICLES) return new Set();
  const counts = new Map<string, number>();
  let articles = 0;
  for (const name of names) {
    const edges = edgeLines(join(folder, name));
    if (!edges) continue;
    articles += 1;
    for (const line of edges) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const needed = Math.max(MIN_ARTICLES, Math.ceil(articles * MIN_SHARE));
  return new Set([...counts].filter(([, count]) => count >= needed).map(([line]) => line));
}

/** The normalised lines at the edges of a text file, its title line left out; null when it cannot be read. */
function edgeLines(path: string): Set<string> | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return null;
    const whole = stats.size <= EDGE_BYTES * 2;
    const head = read(fd, 0, whole ? stats.size : EDGE_BYTES);
    const headLines = nonBlank(head);
    // A cut line at either end of a chunk is dropped; the title is never counted (a title shared
    // by many files is still each one's title).
    if (!whole) headLines.pop();
    const first = headLines.slice(1, 1 + EDGE_LINES);
    const last = whole
      ? headLines.slice(1).slice(-EDGE_LINES)
      : nonBlank(read(fd, stats.size - EDGE_BYTES, EDGE_BYTES))
          .slice(1)
          .slice(-EDGE_LINES);
    return new Set([...first, ...last].map(normaliseLine).filter((line) => line !== ''));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function read(fd: number, position: number, length: number): string {
  const bytes = Buffer.alloc(length);
  const got = readSync(fd, bytes, 0, length, position);
  return bytes.toString('utf8', 0, got).replace(/^\uFEFF/, '');
}

function nonBlank(text: string): string[] {
  return text.split(/\r\n?|\n/).filter((line) => line.trim() !== '');
}
