import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticles } from '../generate-articles.ts';
import { loadVocabularies } from '../vocabulary/index.ts';

/** Each JavaScript heap of the importing process (the writer's and each extraction worker's) is capped at this. */
export const HEAP_CAP_MB = 192;

export interface FeedRun {
  items: number;
  feedBytes: number;
  stored: number;
  failed: number;
  wallSeconds: number;
  /** The importing process's peak resident memory: its heaps, SQLite (its 256 MB memory map included), code. */
  peakResidentBytes: number;
}

export interface FeedMemoryScores {
  heapCapMb: number;
  /** A feed a tenth the size, imported the same way: the baseline. */
  small: FeedRun;
  large: FeedRun;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS feed of `count` generated articles (distinct texts, each item's full content), written as a stream. */
async function writeFeed(path: string, count: number, projectRoot: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bench feed</title>\n');
  let index = 0;
  for (const article of generateArticles({ count, seed: 3, vocabularies: loadVocabularies(projectRoot) })) {
    const html = article.paragraphs.map((paragraph) => `<p>${escapeXml(paragraph)}</p>`).join('');
    await write(
      `<item><title>${escapeXml(article.title)}</title><link>https://bench.example/${index++}</link>` +
        `<description>${escapeXml(html)}</description></item>\n`,
    );
  }
  await write('</channel></rss>\n');
  out.end();
  await once(out, 'finish');
}

/** Imports the feed into a fresh archive in a process of its own, its heaps capped, and reads its figures. */
async function importFeed(dir: string, count: number, projectRoot: string): Promise<FeedRun> {
  const feed = join(dir, `feed-${count}.rss`);
  await writeFeed(feed, count, projectRoot);
  const child = fileURLToPath(new URL('./feed-import-child.ts', import.meta.url));
  const output = execFileSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_CAP_MB}`, child, feed, join(dir, `archive-${count}.sqlite`)],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  const run = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Omit<FeedRun, 'items' | 'feedBytes'>;
  return { items: count, feedBytes: statSync(feed).size, ...run };
}

/**
 * Imports a large RSS feed, and one a tenth its size as the baseline, each in a process whose
 * JavaScript heaps are capped at `HEAP_CAP_MB`: a feed held whole (its text, let alone its parsed
 * items) could not fit, and the peak memory of the two runs should be alike.
 */
export async function measureFeedMemory(count: number, projectRoot: string): Promise<FeedMemoryScores> {
  const dir = mkdtempSync(join(tmpdir(), 'archive-reader-bench-feed-'));
  try {
    const small = await importFeed(dir, Math.max(1, Math.round(count / 10)), projectRoot);
    const large = await importFeed(dir, count, projectRoot);
    return { heapCapMb: HEAP_CAP_MB, small, large };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
