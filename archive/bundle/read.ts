import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getFileNameLowLevel, openPromise, type Entry, type ZipFile } from 'yauzl';
import { displayName, isHousekeeping, refusedName } from '../importers/zip/entry-name.ts';
import {
  ByteLimit,
  DEFAULT_ZIP_LIMITS,
  EntryTooLarge,
  openZip,
  refusal,
  type Budget,
  type ZipLimits,
} from '../importers/zip/limits.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, MANIFEST_MEMBER, manifestSchema, type BundleManifest } from './format.ts';
import { BundleError } from './select.ts';

/**
 * The zip importer's limits, widened for what a bundle is: one member per article (a whole archive
 * may hold a million) and as many bytes as the archive exported. Ratio, per-member size, names,
 * symbolic links and lying headers are held to the same rules as any zip.
 */
export const BUNDLE_ZIP_LIMITS: ZipLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxEntries: 5_000_000,
  maxTotalBytes: 256 * 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
};

/** A member that cannot be used: missing, refused, unreadable or not matching its checksum. */
export class MemberError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MemberError';
  }
}

export interface OpenedBundle {
  manifest: BundleManifest;
  /** Member names, as stored (those refused are in `refused` instead). */
  readonly names: readonly string[];
  /** Members refused before reading (hostile names, links, bombs), each with the reason. */
  readonly refused: readonly { name: string; message: string }[];
  /** A member's bytes, checked against the manifest's SHA-256 and size; throws MemberError. */
  read(name: string): Promise<Buffer>;
  close(): void;
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const limit = new ByteLimit(entry.uncompressedSize);
  try {
    await pipeline(
      await zip.openReadStreamPromise(entry),
      limit,
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
      }),
    );
  } catch (error) {
    throw new MemberError(
      error instanceof EntryTooLarge
        ? `it holds more than the ${entry.uncompressedSize} bytes its header declares`
        : `it cannot be read (${(error as Error).message})`,
    );
  }
  if (limit.count < entry.uncompressedSize) {
    throw new MemberError(`it is cut short: ${limit.count} of ${entry.uncompressedSize} bytes`);
  }
  return Buffer.concat(chunks);
}

/**
 * Opens a bundle and reads its manifest. Throws a BundleError when the file is not a bundle, is cut
 * short (its zip directory is missing), has a damaged manifest or was made by a newer version.
 */
export async function openBundle(path: string, limits: ZipLimits = BUNDLE_ZIP_LIMITS): Promise<OpenedBundle> {
  let zip: ZipFile;
  try {
    // Sizes are checked by readEntry, which says what a lying header did.
    zip = await openZip(path);
  } catch (error) {
    throw new BundleError(`not a readable bundle: the zip is damaged or cut short (${(error as Error).message})`);
  }
  const entries = new Map<string, Entry>();
  const refused: { name: string; message: string }[] = [];
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new BundleError(`the bundle lists ${zip.entryCount} members, more than ${limits.maxEntries}`);
    }
    const budget: Budget = { entries: limits.maxEntries, bytes: limits.maxTotalBytes };
    for await (const entry of zip.eachEntry()) {
      const name = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      if (name.endsWith('/') || (!refusedName(name) && isHousekeeping(name))) continue;
      const problem = refusal(entry, name, limits, budget);
      if (problem) {
        refused.push({ name: displayName(name), message: problem });
        continue;
      }
      budget.bytes -= entry.uncompressedSize;
      entries.set(name, entry);
    }
  } catch (error) {
    zip.close();
    if (error instanceof BundleError) throw error;
    throw new BundleError(`not a readable bundle: the zip is damaged (${(error as Error).message})`);
  }

  const manifestEntry = entries.get(MANIFEST_MEMBER);
  let manifest: BundleManifest;
  try {
    if (!manifestEntry) throw new BundleError(`not a bundle: it has no ${MANIFEST_MEMBER}`);
    let raw: unknown;
    try {
      raw = JSON.parse((await readEntry(zip, manifestEntry)).toString('utf8'));
    } catch (error) {
      throw new BundleError(`the bundle's manifest is damaged (${(error as Error).message})`);
    }
    const head = raw as { format?: unknown; version?: unknown } | null;
    if (head?.format !== BUNDLE_FORMAT)
      throw new BundleError(`not a bundle: its manifest is not an ${BUNDLE_FORMAT}'s`);
    if (typeof head.version === 'number' && head.version > BUNDLE_VERSION) {
      throw new BundleError(
        `the bundle is of format version ${head.version}, newer than this version's ${BUNDLE_VERSION}: update Archive Reader to import it`,
      );
    }
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) throw new BundleError(`the bundle's manifest is damaged (${parsed.error.issues[0]?.message})`);
    manifest = parsed.data;
  } catch (error) {
    zip.close();
    throw error;
  }

  return {
    manifest,
    names: [...entries.keys()],
    refused,
    async read(name) {
      const expected = manifest.members[name];
      if (!expected) throw new MemberError('the manifest does not list it');
      const entry = entries.get(name);
      if (!entry) throw new MemberError('it is missing from the bundle');
      // Not read at all when its header already disagrees: a lying header costs no memory.
      if (entry.uncompressedSize !== expected.bytes) {
        throw new MemberError(
          `it is damaged: its header says ${entry.uncompressedSize} bytes, the manifest ${expected.bytes}`,
        );
      }
      const bytes = await readEntry(zip, entry);
      if (bytes.length !== expected.bytes || createHash('sha256').update(bytes).digest('hex') !== expected.sha256) {
        throw new MemberError('it is damaged: its SHA-256 does not match the manifest');
      }
      return bytes;
    },
    close: () => zip.close(),
  };
}

/** An earlier bundle's manifest: a delta starts from its high-water mark. */
export async function readBundleManifest(path: string): Promise<BundleManifest> {
  const bundle = await openBundle(path);
  bundle.close();
  return bundle.manifest;
}

/** Whether a zip file is a bundle: it holds a manifest naming the bundle format. */
export async function isBundle(path: string): Promise<boolean> {
  try {
    const zip = await openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false });
    try {
      for await (const entry of zip.eachEntry()) {
        const name = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
        if (name !== MANIFEST_MEMBER) continue;
        if (entry.uncompressedSize > BUNDLE_ZIP_LIMITS.maxEntryBytes) return false;
        const text = (await readEntry(zip, entry)).toString('utf8');
        return (JSON.parse(text) as { format?: unknown }).format === BUNDLE_FORMAT;
      }
      return false;
    } finally {
      zip.close();
    }
  } catch {
    return false;
  }
}
