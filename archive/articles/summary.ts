import type { ArticleSummary } from '../api/contract.ts';

const TAG_SEPARATOR = '\u001f';

/** The columns of an article summary, for queries over `SUMMARY_FROM`. */
export const SUMMARY_SELECT = `a.id, a.title, a.source, a.source_path, a.url, a.lang, a.published_at,
  a.published_estimated, a.imported_at, a.captured_at, a.word_count, r.bookmarked_at, coalesce(r.status, 'unread') AS status,
  (SELECT group_concat(t.name, char(31)) FROM article_tags x JOIN tags t ON t.id = x.tag_id
   WHERE x.article_id = a.id) AS tags`;

export const SUMMARY_FROM = 'articles a LEFT JOIN reading_state r ON r.article_id = a.id';

export interface SummaryRow {
  id: number;
  title: string;
  source: string | null;
  source_path: string | null;
  url: string | null;
  lang: string | null;
  published_at: string | null;
  published_estimated: number;
  imported_at: string;
  captured_at: string | null;
  word_count: number;
  bookmarked_at: string | null;
  status: 'unread' | 'reading' | 'read';
  tags: string | null;
}

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    sourcePath: row.source_path,
    url: row.url,
    lang: row.lang,
    publishedAt: row.published_at,
    publishedEstimated: row.published_estimated === 1,
    importedAt: row.imported_at,
    capturedAt: row.captured_at,
    wordCount: row.word_count,
    bookmarked: row.bookmarked_at !== null,
    readStatus: row.status,
    tags: row.tags ? row.tags.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : [],
  };
}
