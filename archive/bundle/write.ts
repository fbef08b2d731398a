import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { ZipFile } from 'yazl';
import type { ArchiveDb } from '../db/open.ts';
import type { Searcher } from '../search/search.ts';
import {
  appVersion,
  articleMember,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  LIBRARY_MEMBER,
  MANIFEST_MEMBER,
  mediaMember,
  type BundleArticle,
  type BundleManifest,
  type BundleScope,
} from './format.ts';
import { dropImages, extensionFor, extractImages, isCompressedImage } from './media.ts';
import { isBundle, readBundleManifest } from './read.ts';
import { BundleError, BundleSource, normaliseSince, selectForBundle, type Selection } from './select.ts';

export interface BundleRequest {
  scope: BundleScope;
  /** A delta: what was added or changed after this date. */
  since?: string | null;
  /** A delta: what was added or changed after this earlier bundle was made (its manifest's high-water mark). */
  sinceBundle?: string | null;
  withLibrary: boolean;
  withImages: boolean;
}

export interface BundleSummary {
  articles: number;
  media: number;
  libraryEntries: number;
  /** The scope in words (a collection's name...), null for the whole archive or a selection. */
  label: string | null;
  since: string | null;
  highWater: string;
}

export interface BundleEstimate extends BundleSummary {
  estimatedBytes: number;
}

export interface WrittenBundle extends BundleSummary {
  path: string;
  bytes: number;
}

/** Thrown by writeBundle when its signal was aborted: the partial file is already removed. */
export class BundleCancelled extends Error {
  constructor() {
    super('the bundle export was cancelled');
    this.name = 'BundleCancelled';
  }
}

export interface BundleProgress {
  /** Articles written so far, of `total`. */
  done: number;
  total: number;
}

interface Member {
  name: string;
  bytes: Buffer;
  compress: boolean;
}

const COMPRESSION_LEVEL = 6;
/** A zip's own bytes per member besides the name, written twice: local header, data descriptor, central directory. */
const ZIP_OVERHEAD_PER_MEMBER = 30 + 24 + 46;
/** The estimate deflates about this many articles and scales the rest by their ratio. */
const ESTIMATE_SAMPLE = 200;
/** How long the estimate works before letting other calls through. */
const PAUSE_EVERY_MS = 20;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

async function resolveSince(request: BundleRequest): Promise<string | null> {
  if (request.since && request.sinceBundle) throw new BundleError('give either a date or an earlier bundle, not both');
  if (request.sinceBundle) return (await readBundleManifest(request.sinceBundle)).highWater;
  return request.since ? normaliseSince(request.since) : null;
}

/**
 * Every member of a bundle but the manifest, in the order they are written: each article and the
 * images it is the first to use, then the library. Calls `onArticle` after each article.
 */
function* bundleMembers(
  db: ArchiveDb,
  selection: Selection,
  request: BundleRequest,
  counts: { media: number },
  onArticle: () => void,
): Generator<Member & { article?: true }> {
  const source = new BundleSource(db);
  const written = new Set<string>();
  for (const id of selection.articleIds) {
    const stored = source.article(id);
    if (!stored) continue;
    let html = stored.html;
    const media: BundleArticle['media'] = [];
    const images = [];
    if (html !== null && request.withImages) {
      const extracted = extractImages(html);
      html = extracted.html;
      for (const image of extracted.images) {
        const member = mediaMember(image.sha256, extensionFor(image.type));
        media.push({ sha256: image.sha256, type: image.type, member });
        if (!written.has(image.sha256)) {
          written.add(image.sha256);
          images.push({ name: member, bytes: image.bytes, compress: !isCompressedImage(image.type) });
        }
      }
    } else if (html !== null) {
      html = dropImages(html);
    }
    const article: BundleArticle = { ...stored, html, media };
    yield { name: articleMember(article.contentHash), bytes: json(article), compress: true, article: true };
    for (const image of images) {
      counts.media += 1;
      yield image;
    }
    onArticle();
  }
  if (request.withLibrary) {
    const entries = selection.libraryIds.map((id) => source.library(id)).filter((entry) => entry !== null);
    yield { name: LIBRARY_MEMBER, bytes: json({ entries }), compress: true };
  }
}

function manifestOf(
  request: BundleRequest,
  selection: Selection,
  counts: { articles: number; media: number },
  members: BundleManifest['members'],
): BundleManifest {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: new Date().toISOString(),
    app: { name: 'Archive Reader', version: appVersion() },
    scope: { kind: request.scope.kind, label: selection.label },
    withLibrary: request.withLibrary,
    withImages: request.withImages,
    since: selection.since,
    highWater: selection.highWater,
    counts: { articles: counts.articles, media: counts.media, libraryEntries: selection.libraryIds.length },
    members,
  };
}

const summaryOf = (selection: Selection, media: number): BundleSummary => ({
  articles: selection.articleIds.length,
  media,
  libraryEntries: selection.libraryIds.length,
  label: selection.label,
  since: selection.since,
  highWater: selection.highWater,
});

/**
 * The size the bundle will have, without writing it: every member is built as the export would
 * build it, but only a sample of the articles is compressed; the others are counted at the
 * sample's ratio. Images are stored as they are, so their bytes count exactly.
 */
export async function estimateBundle(
  db: ArchiveDb,
  searcher: Searcher,
  request: BundleRequest,
): Promise<BundleEstimate> {
  const since = await resolveSince(request);
  const selection = selectForBundle(db, searcher, request.scope, { since, withLibrary: request.withLibrary });
  const counts = { media: 0 };
  const every = Math.max(1, Math.ceil(selection.articleIds.length / ESTIMATE_SAMPLE));
  let index = 0;
  let bytes = 0;
  let sampledRaw = 0;
  let sampledCompressed = 0;
  let unsampledRaw = 0;
  const members: BundleManifest['members'] = {};
  let lastPause = performance.now();
  for (const member of bundleMembers(db, selection, request, counts, () => {})) {
    // A large scope takes seconds: let the worker answer other calls (a search) meanwhile.
    if (performance.now() - lastPause > PAUSE_EVERY_MS) {
      await new Promise<void>((resume) => setImmediate(resume));
      lastPause = performance.now();
    }
    members[member.name] = { sha256: sha256(member.bytes), bytes: member.bytes.length };
    bytes += ZIP_OVERHEAD_PER_MEMBER + 2 * Buffer.byteLength(member.name);
    if (!member.compress) {
      bytes += member.bytes.length;
    } else if (!member.article || index++ % every === 0) {
      const compressed = deflateRawSync(member.bytes, { level: COMPRESSION_LEVEL }).length;
      bytes += compressed;
      if (member.article) {
        sampledRaw += member.bytes.length;
        sampledCompressed += compressed;
      }
    } else {
      unsampledRaw += member.bytes.length;
    }
  }
  bytes += Math.round(unsampledRaw * (sampledRaw > 0 ? sampledCompressed / sampledRaw : 1));
  const manifest = json(manifestOf(request, selection, { articles: selection.articleIds.length, ...counts }, members));
  bytes += ZIP_OVERHEAD_PER_MEMBER + 2 * MANIFEST_MEMBER.length + deflateRawSync(manifest).length + 22;
  return { ...summaryOf(selection, counts.media), estimatedBytes: bytes };
}

/**
 * Refuses a path that would lose data: the archive's own files, or an existing file that is not a
 * bundle (a typo on the command line). An existing bundle is replaced: the save dialog asked first.
 */
async function checkTarget(db: ArchiveDb, path: string): Promise<void> {
  if (!isAbsolute(path)) throw new BundleError(`the bundle's path must be absolute, not "${path}"`);
  const archive = resolve(db.name);
  if ([archive, `${archive}-wal`, `${archive}-shm`, `${archive}-journal`].includes(resolve(path))) {
    throw new BundleError(`${path} is the archive itself: choose another file for the bundle`);
  }
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new BundleError(`${path} is a folder: name the bundle file to write in it`);
    size = stats.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (size > 0 && !(await isBundle(path))) {
    throw new BundleError(`${path} already exists and is not a bundle: choose another name`);
  }
}

/**
 * Writes a bundle to `path`: into a temporary file beside it, renamed into place once complete, so
 * a failed or interrupted export never leaves half a bundle under the name asked for. Members are
 * handed to the zip one at a time, as it consumes them, so memory holds a few articles at most.
 */
export async function writeBundle(
  db: ArchiveDb,
  searcher: Searcher,
  request: BundleRequest & { path: string },
  onProgress?: (progress: BundleProgress) => void,
  signal?: AbortSignal,
): Promise<WrittenBundle> {
  await checkTarget(db, request.path);
  const since = await resolveSince(request);
  const selection = selectForBundle(db, searcher, request.scope, { since, withLibrary: request.withLibrary });
  const partial = join(dirname(request.path), `.${basename(request.path)}.${process.pid}.partial`);
  const zip = new ZipFile();
  const output = createWriteStream(partial);
  const closed = new Promise<void>((resolve, reject) => {
    output.on('close', resolve);
    output.on('error', reject);
    zip.outputStream.on('error', reject);
  });
  zip.outputStream.pipe(output);
  // Errors surface through `closed`; a rejection noticed only later must not count as unhandled.
  closed.catch(() => {});

  const counts = { media: 0 };
  const total = selection.articleIds.length;
  let done = 0;
  const members: BundleManifest['members'] = {};
  const queued: Promise<void>[] = [];
  const mtime = new Date();
  const add = (member: Member) =>
    new Promise<void>((consumed) => {
      zip.addReadStreamLazy(
        member.name,
        { compress: member.compress, compressionLevel: member.compress ? COMPRESSION_LEVEL : 0, mtime },
        (callback) => {
          const stream = Readable.from([member.bytes], { objectMode: false });
          stream.on('end', () => consumed());
          callback(null, stream);
        },
      );
    });
  try {
    onProgress?.({ done, total });
    for (const member of bundleMembers(db, selection, request, counts, () => {
      done += 1;
      onProgress?.({ done, total });
    })) {
      if (signal?.aborted) throw new BundleCancelled();
      members[member.name] = { sha256: sha256(member.bytes), bytes: member.bytes.length };
      queued.push(add(member));
      // Wait for the zip to take the oldest member before building more.
      if (queued.length > 16) await Promise.race([queued.shift(), closed]);
    }
    const manifest = manifestOf(request, selection, { articles: total, ...counts }, members);
    zip.addBuffer(json(manifest), MANIFEST_MEMBER, { compress: true, mtime });
    zip.end();
    await closed;
    renameSync(partial, request.path);
  } catch (error) {
    output.destroy();
    rmSync(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BundleError(`cannot write ${request.path}: its folder does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw new BundleError(`cannot write ${request.path}: permission denied`);
    throw error;
  }
  return { ...summaryOf(selection, counts.media), path: request.path, bytes: statSync(request.path).size };
}
