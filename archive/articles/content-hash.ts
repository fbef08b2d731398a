import { createHash } from 'node:crypto';

/** SHA-256 of the title and text with Unicode and white space normalised: the same article imported twice has one hash. */
export function contentHash(title: string, text: string): string {
  const normalised = `${title}\n${text}`.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex');
}
