/** Precision, recall and F1 from counts; 0 where a ratio has nothing to divide by. */
export function f1(truePositives: number, falsePositives: number, falseNegatives: number) {
  const precision = truePositives + falsePositives ? truePositives / (truePositives + falsePositives) : 0;
  const recall = truePositives + falseNegatives ? truePositives / (truePositives + falseNegatives) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export const collapseSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text's 4-word shingles, counted (a multiset), over lower-cased words. */
function shingles(text: string): Map<string, number> {
  const words = collapseSpace(text).toLowerCase().split(' ').filter(Boolean);
  const counts = new Map<string, number>();
  for (let i = 0; i + 4 <= words.length; i++) {
    const shingle = words.slice(i, i + 4).join(' ');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** F1 of the 4-word shingles of an extracted text against the expected one (1 when both have none). */
export function shingleF1(extracted: string, expected: string): number {
  const ours = shingles(extracted);
  const theirs = shingles(expected);
  if (ours.size === 0 && theirs.size === 0) return 1;
  let common = 0;
  let oursTotal = 0;
  let theirsTotal = 0;
  for (const [shingle, count] of ours) {
    oursTotal += count;
    common += Math.min(count, theirs.get(shingle) ?? 0);
  }
  for (const count of theirs.values()) theirsTotal += count;
  return f1(common, oursTotal - common, theirsTotal - common).f1;
}
