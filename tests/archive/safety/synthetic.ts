import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDS = {
  fr: 'armée coopération militaire niger sahel récolte pluie marché village école santé eau route frontière gouvernement élection président ministre accord sécurité paysans irrigation semences prix commerce festival musique culture'.split(
    ' ',
  ),
  en: 'army cooperation military niger sahel harvest rain market village school health water road border government election president minister agreement security farmers irrigation seeds price trade festival music culture'.split(
    ' ',
  ),
};

/** A small deterministic generator (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The file name of the index-th synthetic article: names sort in import order. */
export const syntheticName = (index: number) => `${String(index).padStart(6, '0')}.txt`;

/** The title of the index-th synthetic article, unique so no two articles are duplicates. */
export const syntheticTitle = (index: number) => `Article ${index}: ${index % 2 ? 'the harvest' : 'la récolte'}`;

/**
 * Writes `count` distinct text articles (title line, then 3 to 6 paragraphs; French or English)
 * named 000000.txt, 000001.txt... so a folder import reads them in index order.
 */
export function writeSyntheticArticles(dir: string, count: number, seed = 1): string {
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(seed);
  for (let index = 0; index < count; index++) {
    const words = index % 2 ? WORDS.en : WORDS.fr;
    const paragraphs: string[] = [];
    const paragraphCount = 3 + Math.floor(random() * 4);
    for (let p = 0; p < paragraphCount; p++) {
      const length = 20 + Math.floor(random() * 40);
      const sentence: string[] = [];
      for (let w = 0; w < length; w++) sentence.push(words[Math.floor(random() * words.length)] as string);
      paragraphs.push(`${sentence.join(' ')} ${index}-${p}.`);
    }
    writeFileSync(join(dir, syntheticName(index)), `${syntheticTitle(index)}\n\n${paragraphs.join('\n\n')}\n`);
  }
  return dir;
}

/** Four fixture articles that always import (French, English, Arabic, Markdown), for tests that count them. */
export const FOUR_ARTICLES = [
  'bamako-festival.txt',
  'solar-cooperation.txt',
  'arabic-cooperation.txt',
  'sahel-water.md',
].map((name) => fileURLToPath(new URL(`../../fixtures/articles/${name}`, import.meta.url)));
