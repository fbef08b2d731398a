/** The words of a whitespace-separated list. */
export const wordList = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/**
 * Function words first, then word families taken in turn from each part of speech, so that no part
 * of speech hogs the frequent ranks and a family's forms have neighbouring ranks.
 */
export function rankedWords(functionWords: string, ...families: string[][][]): string[] {
  const content: string[] = [];
  const longest = Math.max(...families.map((f) => f.length));
  for (let i = 0; i < longest; i++) {
    for (const family of families) content.push(...(family[i] ?? []));
  }
  return [...new Set([...wordList(functionWords), ...content])];
}
