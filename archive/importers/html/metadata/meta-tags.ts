/**
 * The page's `<meta>` values by lower-case key (`og:title`, `author`, `dc.date`…), the first one
 * of each kept. `property` may list several keys separated by spaces ("og:title twitter:title").
 */
export function readMetaTags(metas: Iterable<Element>): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of metas) {
    const content = unescapeEntities(meta.getAttribute('content') ?? '').trim();
    if (!content) continue;
    const keys = [
      ...(meta.getAttribute('property') ?? '').split(/\s+/),
      meta.getAttribute('name') ?? '',
      meta.getAttribute('itemprop') ?? '',
      meta.getAttribute('http-equiv') ?? '',
    ];
    for (const key of keys) {
      const name = key.trim().toLowerCase();
      if (name && !values.has(name)) values.set(name, content);
    }
  }
  return values;
}

/** The first of the keys that has a value. */
export function firstMeta(values: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = values.get(key);
    if (value) return value;
  }
  return null;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Undoes a second round of escaping: many sites escape entities in attribute values twice, so
 * "&amp;#039;" reaches us as "&#039;" after the parser's own decoding.
 */
export function unescapeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi, (whole, dec, hex, name) => {
    if (name) return NAMED_ENTITIES[String(name).toLowerCase()] ?? whole;
    const code = dec ? Number.parseInt(String(dec), 10) : Number.parseInt(String(hex), 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
