import { deflated, rawZip, stored } from '../../../helpers/raw-zip.ts';

export interface SyncZipEntry {
  name: string;
  data: Uint8Array | string;
  /** Deflated unless false. */
  deflate?: boolean;
}

/**
 * A zip built synchronously, so a fast-check arbitrary can build one per generated input (yazl
 * only writes asynchronously). Plain zip 2.0: no zip64, no extra fields.
 */
export function zipSync(entries: readonly SyncZipEntry[]): Buffer {
  return rawZip(
    entries.map(({ name, data, deflate }) => {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
      return deflate === false ? stored(name, bytes) : deflated(name, bytes);
    }),
  );
}
