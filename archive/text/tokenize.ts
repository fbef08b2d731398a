/** A word of the original text, with its UTF-16 offsets so hits can be mapped back to it. */
export interface WordToken {
  word: string;
  start: number;
  end: number;
}

// Letters, digits and combining marks, with apostrophes allowed inside a word ("l'armée", "don't").
const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;
const APOSTROPHE_RE = /['’ʼ]/;

// French and Italian elided articles and pronouns: "l'armée" is indexed as "armée".
const ELISIONS = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
  'presqu',
  'quelqu',
  'un',
  'dell',
  'nell',
  'sull',
  'all',
  'dall',
  'po',
  'tutt',
]);

export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD_RE)) {
    const raw = match[0];
    const start = match.index;
    if (!APOSTROPHE_RE.test(raw)) {
      tokens.push({ word: raw, start, end: start + raw.length });
      continue;
    }
    const parts = raw.split(APOSTROPHE_RE);
    const head = parts[0] ?? '';
    if (parts.length === 2 && ELISIONS.has(head.toLowerCase())) {
      const offset = head.length + 1;
      tokens.push({ word: raw.slice(offset), start: start + offset, end: start + raw.length });
      continue;
    }
    // Possessives and contractions ("Russia's", "don't", "O'Brien") stay one word without the apostrophe.
    const joined = /^s$/i.test(parts[parts.length - 1] ?? '') ? parts.slice(0, -1).join('') : parts.join('');
    tokens.push({ word: joined, start, end: start + raw.length });
  }
  return tokens;
}
