import { openPromise } from 'yauzl';

/** The name and text of every member of a zip file, read by a zip library (which checks each CRC). */
export async function zipEntries(path: string): Promise<Map<string, string>> {
  const zip = await openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: true });
  const entries = new Map<string, string>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  zip.close();
  return entries;
}
