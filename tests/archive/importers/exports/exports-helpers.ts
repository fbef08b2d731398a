import { join } from 'node:path';
import { Annotations } from '../../../../archive/library/annotations.ts';
import type { TestArchive } from '../../../helpers/archive.ts';
import { ROOT } from '../../../helpers/temp.ts';

export const EXPORT_FIXTURES = join(ROOT, 'tests', 'fixtures', 'exports');

/** What a reader sees of an imported article: its fields, its library state and its highlights. */
export function seen(archive: TestArchive, id: number) {
  const article = archive.store.get(id)!;
  const summary = archive.store.summary(id)!;
  const annotations = new Annotations(archive.db);
  return {
    article,
    tags: summary.tags,
    bookmarked: summary.bookmarked,
    readStatus: summary.readStatus,
    highlights: annotations.highlightsOf(id).map((h) => [h.quote, h.note]),
    note: annotations.readingState(id).note,
  };
}
