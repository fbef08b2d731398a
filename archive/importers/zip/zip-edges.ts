import { posix } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getFileNameLowLevel, type ZipFile } from 'yauzl';
import { EDGE_BYTES_READ, edgesOfText, edgeText, repeatedLines, TEXT_EXTENSIONS } from '../repeated-edges.ts';
import { ByteLimit, openZip, refusal, type ZipLimits } from './limits.ts';

/** Text entries longer than this are not surveyed (an article is far shorter; a bomb is not read for it). */
const MAX_SURVEYED_BYTES = 1024 * 1024;

/** Collects what is written to it: an entry of at most `MAX_SURVEYED_BYTES`. */
class Collect extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    callback();
  }
}

function edgesOfEntry(bytes: Buffer): Set<string> {
  if (bytes.length <= EDGE_BYTES_READ * 2) return edgesOfText(edgeText(bytes), null);
  return edgesOfText(edgeText(bytes.subarray(0, EDGE_BYTES_READ)), edgeText(bytes.subarray(-EDGE_BYTES_READ)));
}

/**
 * The site header and footer lines of a zip's text articles, per folder inside the zip (see
 * `RepeatedEdges`): the zip is read once before its entries are imported, only the edges of its
 * text entries kept, within the zip's own limits (a refused entry is not read for it).
 */
export async function zipRepeatedEdges(path: string, limits: ZipLimits): Promise<Map<string, ReadonlySet<string>>> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    // The import itself says why the zip cannot be read.
    return new Map();
  }
  const folders = new Map<string, Set<string>[]>();
  try {
    if (zip.entryCount > limits.maxEntries) return new Map();
    let bytes = limits.maxTotalBytes;
    for await (const entry of zip.eachEntry()) {
      const name = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      if (!TEXT_EXTENSIONS.has(posix.extname(name).toLowerCase())) continue;
      const size = entry.uncompressedSize;
      if (size > MAX_SURVEYED_BYTES || refusal(entry, name, limits, { entries: 1, bytes })) continue;
      bytes -= size;
      const collected = new Collect();
      try {
        await pipeline(await zip.openReadStreamPromise(entry), new ByteLimit(size), collected);
      } catch {
        continue;
      }
      const folder = posix.dirname(name);
      const found = folders.get(folder) ?? [];
      found.push(edgesOfEntry(Buffer.concat(collected.chunks)));
      folders.set(folder, found);
    }
  } catch {
    // A damaged central directory: the import reports it; what was surveyed still counts.
  } finally {
    zip.close();
  }
  return new Map([...folders].map(([folder, edges]) => [folder, repeatedLines(edges)]));
}
