import { promisify } from 'node:util';
import yauzl from 'yauzl';

/** The most an entry may hold once inflated; more is refused rather than read into memory. */
const MAX_ENTRY_BYTES = 100 * 1024 * 1024;

/** A zip file opened for reading its entries by name (EPUB books, Omnivore exports). */
export interface ZipArchive {
  /** Entry names as stored ("OEBPS/chapter1.xhtml"); folders left out. */
  readonly names: readonly string[];
  has(name: string): boolean;
  size(name: string): number;
  /** The inflated bytes of an entry; throws when it is missing, encrypted, too large or corrupt. */
  read(name: string): Promise<Buffer>;
  close(): void;
}

const open = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

/** Opens a zip file and reads its directory; throws "not a zip file" and the like when it cannot. */
export async function openZip(path: string): Promise<ZipArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open(path, { lazyEntries: true, autoClose: false, strictFileNames: false });
  } catch (error) {
    throw new Error(`not a readable zip file (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw new Error(`the zip file is damaged (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  const openStream = promisify<yauzl.Entry, NodeJS.ReadableStream>(zip.openReadStream.bind(zip));
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    size: (name) => entries.get(name)?.uncompressedSize ?? 0,
    async read(name) {
      const entry = entries.get(name);
      if (!entry) throw new Error(`${name} is missing`);
      if (entry.isEncrypted()) throw new Error(`${name} is encrypted`);
      if (entry.uncompressedSize > MAX_ENTRY_BYTES)
        throw new Error(`${name} is ${Math.round(entry.uncompressedSize / 1048576)} MB, more than this app reads`);
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of await openStream(entry)) chunks.push(chunk as Buffer);
      } catch (error) {
        throw new Error(`${name} cannot be read (${error instanceof Error ? error.message : String(error)})`, {
          cause: error,
        });
      }
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}
