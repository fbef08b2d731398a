import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { contract, type BundleScope } from '../api/contract.ts';
import { estimateBundle, writeBundle, type BundleProgress, type BundleRequest } from '../bundle/write.ts';
import { BundleError } from '../bundle/select.ts';
import { openArchive } from '../db/open.ts';
import { Searcher } from '../search/search.ts';
import { describeStartup } from '../safety/startup-check.ts';
import { UsageError } from './usage-error.ts';

/** The bundle command's own options, as given on the command line. */
export interface BundleCliOptions {
  collection: string | undefined;
  tag: string | undefined;
  query: string | undefined;
  ids: string | undefined;
  since: string | undefined;
  sinceBundle: string | undefined;
  withLibrary: boolean;
  noImages: boolean;
  dryRun: boolean;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function scopeOf(options: BundleCliOptions, collectionId: (name: string) => number): BundleScope {
  const given = [options.collection, options.tag, options.query, options.ids].filter((v) => v !== undefined);
  if (given.length > 1) throw new UsageError('give one of --collection, --tag, --query and --ids');
  if (options.collection !== undefined) return { kind: 'collection', id: collectionId(options.collection) };
  if (options.tag !== undefined) return { kind: 'tag', name: options.tag };
  if (options.query !== undefined) return { kind: 'query', query: options.query };
  if (options.ids !== undefined) {
    const ids = options.ids.split(',').map((part) => Number(part.trim()));
    if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) {
      throw new UsageError(`--ids takes article ids separated by commas (1,2,3), not "${options.ids}"`);
    }
    return { kind: 'ids', ids };
  }
  return { kind: 'all' };
}

/** Progress on stderr: a bar on a terminal, a plain line at each tenth otherwise. */
function progressDisplay(stream: NodeJS.WriteStream) {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: '{bar} {percentage}% | {value}/{total} articles | ETA {eta}s', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update({ done, total }: BundleProgress) {
        if (!started) bar.start(total, done);
        else bar.update(done);
        started = true;
      },
      stop: () => started && bar.stop(),
    };
  }
  let shown = -1;
  return {
    update({ done, total }: BundleProgress) {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth === shown) return;
      shown = tenth;
      stream.write(`${done}/${total} articles written (${tenth * 10}%)\n`);
    },
    stop: () => undefined,
  };
}

/**
 * `archive-reader bundle <out-file>`: prints the scope's estimated size, then (unless --dry-run)
 * writes the bundle with progress on stderr. The request goes through the contract's validation.
 */
export async function runBundleCommand(context: {
  archivePath: string;
  json: boolean;
  positionals: string[];
  bundle: BundleCliOptions;
}): Promise<number> {
  const { bundle: options } = context;
  const target = context.positionals[0];
  if (!target && !options.dryRun)
    throw new UsageError('name the bundle file to write, e.g. archive-reader bundle sahel.bundle');
  if (context.positionals.length > 1) throw new UsageError('name one bundle file');
  if (options.since !== undefined && options.sinceBundle !== undefined) {
    throw new UsageError('give --since or --since-bundle, not both');
  }
  if (!existsSync(context.archivePath)) throw new UsageError(`there is no archive at ${context.archivePath}`);
  const { db, startup } = await openArchive(context.archivePath);
  for (const line of describeStartup(startup)) process.stderr.write(`${line}\n`);
  try {
    const collectionId = (name: string) => {
      const rows = db
        .prepare<[string], { id: number }>('SELECT id FROM collections WHERE name = ? COLLATE NOCASE')
        .all(name.trim());
      if (rows.length === 0) throw new UsageError(`there is no collection named "${name}"`);
      if (rows.length > 1) throw new UsageError(`${rows.length} collections are named "${name}"`);
      return (rows[0] as { id: number }).id;
    };
    const parsed = contract.estimateBundle.input.safeParse({
      scope: scopeOf(options, collectionId),
      since: options.since ?? null,
      sinceBundle: options.sinceBundle ? resolve(options.sinceBundle) : null,
      withLibrary: options.withLibrary,
      withImages: !options.noImages,
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
    const request: BundleRequest = parsed.data;
    const searcher = new Searcher(db);
    const estimate = await estimateBundle(db, searcher, request);
    const what =
      `${estimate.articles} article(s), ${estimate.media} image(s), ${estimate.libraryEntries} library entr${estimate.libraryEntries === 1 ? 'y' : 'ies'}` +
      (estimate.since ? `, changes since ${estimate.since}` : '');
    if (options.dryRun) {
      if (context.json) process.stdout.write(`${JSON.stringify(estimate, null, 2)}\n`);
      else process.stdout.write(`Estimated size: ${formatBytes(estimate.estimatedBytes)} (${what})\n`);
      return 0;
    }
    process.stderr.write(`Estimated size: ${formatBytes(estimate.estimatedBytes)} (${what})\n`);
    const display = progressDisplay(process.stderr);
    let written;
    try {
      written = await writeBundle(db, searcher, { ...request, path: resolve(target as string) }, (progress) =>
        display.update(progress),
      );
    } finally {
      display.stop();
    }
    if (context.json) {
      process.stdout.write(`${JSON.stringify({ ...written, estimatedBytes: estimate.estimatedBytes }, null, 2)}\n`);
    } else {
      process.stdout.write(
        `Wrote ${written.path}: ${formatBytes(written.bytes)}, ${written.articles} article(s), ${written.media} image(s), ` +
          `${written.libraryEntries} library entr${written.libraryEntries === 1 ? 'y' : 'ies'}\n` +
          `Next delta: archive-reader bundle <file> --since-bundle ${written.path}\n`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof BundleError) throw new UsageError(error.message);
    throw error;
  } finally {
    db.close();
  }
}
