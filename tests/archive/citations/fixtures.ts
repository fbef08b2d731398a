import { Annotations } from '../../../archive/library/annotations.ts';
import type { NewArticle } from '../../../archive/articles/store.ts';
import { createTestArchive, type TestArchive } from '../../helpers/archive.ts';

/** The articles the citation and export tests cite: French accents, an Arabic title, no author, an estimated date. */
export const ARTICLES = {
  french: {
    title: 'Le Niger et la Russie renforcent leur coopération militaire',
    paragraphs: [
      'Niamey a accueilli une délégation russe pour intensifier la coopération militaire.',
      'Les deux pays ont signé un accord de défense antiaérienne à l’été.',
    ],
    author: 'Amadou Diallo',
    source: 'Le Sahel',
    url: 'https://lesahel.example/niger-russie-cooperation',
    lang: 'fr',
    publishedAt: '2024-03-05',
  },
  arabic: {
    title: 'التعاون العسكري بين النيجر وروسيا',
    paragraphs: ['وصل وفد روسي إلى نيامي لتعزيز التعاون العسكري بين البلدين.'],
    author: null,
    source: 'الجزيرة',
    url: 'https://aljazeera.example/niger-russia',
    lang: 'ar',
    publishedAt: '2023-07-01',
    publishedEstimated: true,
  },
  english: {
    title: 'Sahel states sign a new defence pact',
    paragraphs: [
      'Three Sahel states signed a mutual defence pact on Saturday.',
      'Officials said the pact would last ten years.',
    ],
    author: 'Jane Smith and John Doe',
    source: 'Example News',
    url: 'https://news.example/sahel-pact',
    lang: 'en',
    publishedAt: '2024-07-06',
  },
} satisfies Record<string, NewArticle>;

/** Stored on this day, so the archived dates the tests expect are known. */
export const IMPORTED_AT = '2026-11-20T09:30:00.000Z';

export interface CitationArchive extends TestArchive {
  ids: { french: number; arabic: number; english: number };
}

export async function createCitationArchive(): Promise<CitationArchive> {
  const archive = await createTestArchive();
  const add = (article: NewArticle) => {
    const outcome = archive.store.add(article, IMPORTED_AT);
    if (outcome.status !== 'imported') throw new Error(`fixture not imported: ${outcome.status}`);
    return outcome.id;
  };
  const ids = { french: add(ARTICLES.french), arabic: add(ARTICLES.arabic), english: add(ARTICLES.english) };
  archive.searcher.forgetLanguages();
  return { ...archive, ids };
}

/** Highlights and notes on the French article: one with a note, one without, and the article's own note. */
export function annotateFrench(archive: CitationArchive): void {
  const annotations = new Annotations(archive.db);
  const text = ARTICLES.french.paragraphs.join('\n\n');
  const phrase = 'une délégation russe';
  const start = text.indexOf(phrase);
  annotations.addHighlight(
    archive.ids.french,
    { start, end: start + phrase.length },
    'yellow',
    'Qui conduisait la délégation ?',
  );
  const second = text.indexOf('défense antiaérienne');
  annotations.addHighlight(
    archive.ids.french,
    { start: second, end: second + 'défense antiaérienne'.length },
    'green',
    null,
  );
  annotations.setNote(archive.ids.french, 'À comparer avec l’accord de 2023 <script>alert(1)</script>');
}
