import { tagKey } from '../library/library.ts';
import type { QueryFilter } from './parse-query.ts';

/** SQL conditions on `articles a LEFT JOIN reading_state r`, with their named parameters. */
export interface FilterSql {
  where: string[];
  params: Record<string, string | number>;
}

// Dates are ISO strings, so periods compare as strings: after:2024-04 is from "2024-04" on, before:2024-04
// is below "2024-04" (March and earlier), and year:2024 runs from "2024" to "2024\uffff".
const END_OF = '\uffff';

const escapeLike = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function condition(filter: QueryFilter): { sql: string; params: (string | number)[] } {
  const value = filter.value.trim();
  switch (filter.field) {
    case 'author':
      return { sql: "a.author LIKE ? ESCAPE '\\'", params: [escapeLike(value)] };
    case 'source':
      return {
        sql: "(a.source LIKE @1 ESCAPE '\\' OR a.url LIKE @1 ESCAPE '\\' OR a.source_path LIKE @1 ESCAPE '\\')",
        params: [escapeLike(value)],
      };
    case 'tag':
      return {
        sql: 'a.id IN (SELECT x.article_id FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE t.key = ?)',
        params: [tagKey(value)],
      };
    case 'collection':
      // A collection holds what its sub-collections hold.
      return {
        sql: `a.id IN (SELECT x.article_id FROM collection_articles x WHERE x.collection_id IN (
                WITH RECURSIVE inside(id) AS (
                  SELECT id FROM collections WHERE name = ? COLLATE NOCASE
                  UNION SELECT c.id FROM collections c JOIN inside ON c.parent_id = inside.id)
                SELECT id FROM inside))`,
        params: [value],
      };
    case 'lang':
      return { sql: 'a.lang = ?', params: [value.toLowerCase()] };
    case 'after':
      return { sql: 'a.published_at >= ?', params: [value] };
    case 'before':
      return { sql: 'a.published_at < ?', params: [value] };
    case 'year':
      return { sql: '(a.published_at >= ? AND a.published_at < ?)', params: [value, value + END_OF] };
    case 'is':
      return value.toLowerCase() === 'bookmarked'
        ? { sql: 'r.bookmarked_at IS NOT NULL', params: [] }
        : { sql: "coalesce(r.status, 'unread') = ?", params: [value.toLowerCase()] };
  }
}

/**
 * The metadata conditions of a query. Each condition's parameters (`?` in order, or `@1` for one
 * used several times) are renamed `@filter<n>`, so conditions can be joined in any order.
 */
export function filterSql(filters: readonly QueryFilter[]): FilterSql {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  let count = 0;
  for (const filter of filters) {
    const { sql, params: own } = condition(filter);
    const base = count;
    let next = 0;
    const named = sql.replace(
      /\?|@(\d+)/g,
      (_, index: string | undefined) => `@filter${base + (index ? Number(index) - 1 : next++)}`,
    );
    own.forEach((value, i) => (params[`filter${base + i}`] = value));
    count += own.length;
    // An excluded filter keeps the articles for which the field is empty, where the condition is NULL.
    where.push(filter.excluded ? `NOT coalesce(${named}, 0)` : named);
  }
  return { where, params };
}
