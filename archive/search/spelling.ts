import type { ArchiveDb } from '../db/open.ts';
import { fold } from '../text/fold.ts';
import type { LanguageAnalyzer } from '../text/languages.ts';

/** Edit distance with adjacent transpositions (optimal string alignment), or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previousRow: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  let beforePrevious: number[];
  for (let i = 1; i <= a.length; i++) {
    beforePrevious = previousRow;
    previousRow = row;
    row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previousRow[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previousRow[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return row[b.length] as number;
}

/** "Did you mean": corrections drawn from the archive's own words, the commonest nearest first. */
export class Speller {
  private readonly statements;

  constructor(db: ArchiveDb) {
    this.statements = {
      documents: db.prepare<[string], { doc: number }>('SELECT doc FROM article_terms WHERE term = ?'),
      candidates: db.prepare<[string, string, number, number], { form: string; term: string }>(
        'SELECT form, term FROM vocabulary WHERE form >= ? AND form < ? AND length(form) BETWEEN ? AND ?',
      ),
    };
  }

  private documents(term: string): number {
    return this.statements.documents.get(term)?.doc ?? 0;
  }

  /** Whether any language's reading of the word is in the index. */
  known(word: string, analyzers: readonly LanguageAnalyzer[]): boolean {
    return analyzers.some((analyzer) => {
      const term = analyzer.term(word);
      return term === null || this.documents(term) > 0;
    });
  }

  /**
   * The archive word closest to `word` (same first letter, at most one edit for short words and
   * two for longer ones), the one in most articles among equals; null when there is none.
   */
  correct(word: string): string | null {
    const folded = fold(word);
    const first = folded[0];
    if (!first || folded.length < 3) return null;
    const max = folded.length <= 4 ? 1 : 2;
    const after = String.fromCodePoint((first.codePointAt(0) ?? 0) + 1);
    let best: { form: string; distance: number; documents: number } | null = null;
    for (const { form, term } of this.statements.candidates.all(
      first,
      after,
      folded.length - max,
      folded.length + max,
    )) {
      const distance = editDistance(folded, form, max);
      if (distance === 0 || distance > max || (best && distance > best.distance)) continue;
      const documents = this.documents(term);
      if (documents === 0) continue;
      if (!best || distance < best.distance || documents > best.documents) best = { form, distance, documents };
    }
    return best?.form ?? null;
  }
}
