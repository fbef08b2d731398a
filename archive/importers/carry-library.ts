import type { ArchiveDb } from '../db/open.ts';
import { Annotations } from '../library/annotations.ts';
import { Library } from '../library/library.ts';
import type { CarriedLibrary } from './file-importer.ts';

/**
 * Applies what another reader's export says of an article to the article as stored. It only adds:
 * tags are merged, a bookmark or a reading status is set, a highlight is added when its passage is
 * found and not already highlighted, a note is kept only where the reader has none.
 */
export class LibraryCarrier {
  private readonly library: Library;
  private readonly annotations: Annotations;
  private readonly statements;

  constructor(db: ArchiveDb) {
    this.library = new Library(db);
    this.annotations = new Annotations(db);
    this.statements = {
      text: db.prepare<[number], { text: string }>('SELECT text FROM articles WHERE id = ?'),
      tags: db.prepare<[number], { name: string }>(
        'SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ?',
      ),
    };
  }

  apply(articleId: number, carried: CarriedLibrary): void {
    if (carried.tags?.length) {
      const current = this.statements.tags.all(articleId).map((row) => row.name);
      this.library.setTags(articleId, [...current, ...carried.tags]);
    }
    if (carried.bookmarked) this.library.setBookmarked(articleId, true);
    if (carried.status) this.library.setReadStatus(articleId, carried.status);
    const text = this.statements.text.get(articleId)?.text ?? '';
    const existing = this.annotations.highlightsOf(articleId);
    for (const { quote, note } of carried.highlights ?? []) {
      const start = text.indexOf(quote.trim());
      if (start === -1 || quote.trim() === '') continue;
      const end = start + quote.trim().length;
      if (existing.some((h) => h.start === start && h.end === end)) continue;
      this.annotations.addHighlight(articleId, { start, end }, 'yellow', note ?? null);
    }
    if (carried.note && this.annotations.readingState(articleId).note === null) {
      this.annotations.setNote(articleId, carried.note);
    }
  }
}
