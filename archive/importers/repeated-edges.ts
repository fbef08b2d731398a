import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { extname, join } from 'node:path';
import { MAX_CHROME_CHARS, normaliseLine } from './boilerplate.ts';
import { textFileImporter } from './text-file.ts';

/** Lines counted at each edge of an article (after its title line), and bytes read to find them. */
const EDGE_LINES = 3;
const EDGE_BYTES = 4096;
/** A line is a site's chrome once it stands at the edges of this many of a folder's articles, and this share of them. */
const MIN_ARTICLES = 5;
const MIN_SHARE = 0.3;

export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(textFileImporter.extensions);
/** The bytes read at each end of a file to find its edge lines. */
export const EDGE_BYTES_READ = EDGE_BYTES;

/** Where a text file's edges are looked up: by the folder it was found in. */
export interface EdgeLookup {
  of(folder: string): ReadonlySet<string>;
}

/**
 * The lines (normalised) that stand at the start or end of many text articles of one folder: a
 * site's own header and footer, which no phrase list can know. Each folder is surveyed once per
 * import, before its first article is read, from the first and last few KB of each text file.
 */
export class RepeatedEdges implements EdgeLookup {
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
  return repeatedLines(names.map((name) => edgeLines(join(folder, name))));
}

/** The lines at the edges of at least `MIN_ARTICLES` of the articles, and `MIN_SHARE` of them (null: unreadable). */
export function repeatedLines(articleEdges: Iterable<ReadonlySet<string> | null>): ReadonlySet<string> {
  const counts = new Map<string, number>();
  let articles = 0;
  for (const edges of articleEdges) {
    if (!edges) continue;
    articles += 1;
    for (const line of edges) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  if (articles < MIN_ARTICLES) return new Set();
  const needed = Math.max(MIN_ARTICLES, Math.ceil(articles * MIN_SHARE));
  return new Set([...counts].filter(([, count]) => count >= needed).map(([line]) => line));
}

/**
 * The normalised lines at the edges of a text, its title line left out, from its first bytes and
 * (when the file is longer than twice `EDGE_BYTES_READ`) its last ones.
 */
export function edgesOfText(head: string, tail: string | null): Set<string> {
  const headLines = nonBlank(head);
  // A cut line at either end of a chunk is dropped; the title is never counted (a title shared
  // by many files is still each one's title).
  if (tail !== null) headLines.pop();
  const first = headLines.slice(1, 1 + EDGE_LINES);
  const last = tail === null ? headLines.slice(1).slice(-EDGE_LINES) : nonBlank(tail).slice(1).slice(-EDGE_LINES);
  return new Set(
    [...first, ...last]
      .filter((line) => line.length <= MAX_CHROME_CHARS)
      .map(normaliseLine)
      .filter((line) => line !== ''),
  );
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
    return edgesOfText(head, whole ? null : read(fd, stats.size - EDGE_BYTES, EDGE_BYTES));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function read(fd: number, position: number, length: number): string {
  const bytes = Buffer.alloc(length);
  const got = readSync(fd, bytes, 0, length, position);
  return edgeText(bytes.subarray(0, got));
}

/** Bytes at a text's edge as text: UTF-8, whatever the file's encoding (its ASCII chrome reads the same). */
export function edgeText(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

function nonBlank(text: string): string[] {
  return text.split(/\r\n?|\n/).filter((line) => line.trim() !== '');
}
