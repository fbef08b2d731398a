import { ZipFile } from 'yazl';

export interface ZipEntrySpec {
  name: string;
  data?: Buffer | string;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  mode?: number;
  directory?: boolean;
  compress?: boolean;
  /** The uncompressed size the zip's headers declare, instead of the true one: a lying entry. */
  declaredSize?: number;
}

/**
 * A zip in memory. yazl refuses hostile names, so those are written under a placeholder of the
 * same length and patched in afterwards; sizes are patched the same way.
 */
export async function buildZip(entries: ZipEntrySpec[]): Promise<Buffer> {
  const zip = new ZipFile();
  const patches: { placeholder: Buffer; name: Buffer }[] = [];
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name);
    const placeholder = Buffer.from(`p${index}_`.padEnd(name.length, 'x'));
    const hostile = /(^|\/|\\)\.\.($|\/|\\)|^[/\\]|^[a-z]:|\\/i.test(entry.name);
    if (hostile && placeholder.length !== name.length) throw new Error(`name too short to patch: ${entry.name}`);
    const path = hostile ? placeholder.toString() : entry.name;
    if (hostile) patches.push({ placeholder, name });
    if (entry.directory) zip.addEmptyDirectory(path);
    else {
      const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : (entry.data ?? Buffer.alloc(0));
      zip.addBuffer(data, path, { mode: entry.mode, compress: entry.compress ?? true });
    }
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  for (const { placeholder, name } of patches) {
    for (let at = bytes.indexOf(placeholder); at !== -1; at = bytes.indexOf(placeholder, at + 1)) name.copy(bytes, at);
  }
  for (const entry of entries) {
    if (entry.declaredSize !== undefined) patchDeclaredSize(bytes, entry.name, entry.declaredSize);
  }
  return bytes;
}

/** Rewrites an entry's uncompressed size in its local header and its central directory record. */
function patchDeclaredSize(bytes: Buffer, name: string, size: number): void {
  const nameBytes = Buffer.from(name);
  for (let at = 0; at + 46 <= bytes.length; at++) {
    const signature = bytes.readUInt32LE(at);
    if (signature === 0x04034b50 && bytes.subarray(at + 30, at + 30 + nameBytes.length).equals(nameBytes)) {
      bytes.writeUInt32LE(size, at + 22);
    } else if (signature === 0x02014b50 && bytes.subarray(at + 46, at + 46 + nameBytes.length).equals(nameBytes)) {
      bytes.writeUInt32LE(size, at + 24);
    }
  }
}
