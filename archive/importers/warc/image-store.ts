import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An address as the archive compares them: normalised by URL's parser, without its fragment. */
export function urlKey(url: string, base?: string): string | null {
  try {
    const parsed = new URL(url, base);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

interface StoredImage {
  file: string;
  type: string;
  date: number;
}

/**
 * The images of a WARC, kept in a private temp folder between the pass that finds them and the
 * pass that inlines them into articles, so that a large WARC's images are never all in memory.
 * The latest capture of an address wins. `dispose` removes the folder.
 */
export class ImageStore {
  private dir: string | null = null;
  private readonly images = new Map<string, StoredImage>();
  private count = 0;

  get size(): number {
    return this.images.size;
  }

  add(url: string, type: string, bytes: Buffer, date: number): void {
    const key = urlKey(url);
    if (!key) return;
    const existing = this.images.get(key);
    if (existing && existing.date > date) return;
    this.dir ??= mkdtempSync(join(tmpdir(), 'archive-reader-warc-'));
    const file = existing?.file ?? join(this.dir, String(++this.count));
    writeFileSync(file, bytes);
    this.images.set(key, { file, type, date });
  }

  /** The image at the address as a `data:` URI, or undefined when the WARC does not hold it. */
  dataUri(url: string): { uri: string; bytes: number } | undefined {
    const key = urlKey(url);
    const image = key ? this.images.get(key) : undefined;
    if (!image) return undefined;
    const bytes = readFileSync(image.file);
    return { uri: `data:${image.type};base64,${bytes.toString('base64')}`, bytes: bytes.length };
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.images.clear();
  }
}
