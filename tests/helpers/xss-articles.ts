// Hostile articles for the XSS end-to-end test: every vector of tests/fixtures/xss/vectors.txt, with
// its script calls pointed at a sentinel (or a dialog) and its remote addresses at a loopback canary,
// wrapped into HTML pages with enough prose that Readability keeps them as articles.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './temp.ts';

export const VECTORS_FILE = join(ROOT, 'tests', 'fixtures', 'xss', 'vectors.txt');

export interface Vector {
  id: number;
  kind: string;
  payload: string;
}

/** How an execution would show: the sentinel global, or a dialog. */
export type Variant = 'sentinel' | 'dialog';

/**
 * Where a vector sits in the page. The raw contexts put its markup into the page as it is; the
 * metadata contexts put its text, escaped, where the importer reads a title, an author, a date…,
 * so the reader shows the markup as that field's text.
 */
export const CONTEXTS = [
  'block',
  'inline',
  'list',
  'table',
  'figure',
  'link-text',
  'quoted-attribute',
  'unquoted-attribute',
  'head',
  'title',
  'og-title',
  'author',
  'site-name',
  'description',
  'keywords',
  'json-ld',
  'canonical',
  'lang',
  'time',
] as const;
export type Context = (typeof CONTEXTS)[number];

export function readVectors(): Vector[] {
  const vectors: Vector[] = [];
  for (const line of readFileSync(VECTORS_FILE, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [id, kind, payload, extra] = line.split('\t');
    if (!id || !kind || payload === undefined || extra !== undefined || !/^\d+$/.test(id)) {
      throw new Error(`${VECTORS_FILE}: not "id<TAB>kind<TAB>payload": ${line}`);
    }
    vectors.push({ id: Number(id), kind, payload });
  }
  const ids = new Set(vectors.map((vector) => vector.id));
  if (ids.size !== vectors.length) throw new Error(`${VECTORS_FILE}: an id is used twice`);
  return vectors;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const entities = (text: string) => [...text].map((char) => `&#${char.codePointAt(0)};`).join('');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The vector's markup with its placeholders filled in for one variant and one canary. */
export function fillVector(vector: Vector, variant: Variant, canaryOrigin: string, key: string): string {
  const js = variant === 'sentinel' ? `__xss(${vector.id})` : `alert(${vector.id})`;
  const url = `${canaryOrigin}/${key}`;
  const replacements: Record<string, string> = {
    JS: js,
    JSENT: entities(js),
    B64JS: base64(js),
    B64HTML: base64(`<script>${js}</script>`),
    B64SVG: base64(`<svg id="x" xmlns="http://www.w3.org/2000/svg" onload="${js}"><script>${js}</script></svg>`),
    URL: url,
    HOST: new URL(canaryOrigin).host,
    TAB: '\t',
    NL: '\n',
  };
  return vector.payload.replace(/\{([A-Z0-9]+)\}/g, (whole, name: string) => replacements[name] ?? whole);
}

export const runsScript = (vector: Vector) => vector.payload.includes('{JS');

// Words for each page's own prose: pages that shared their text would be kept as near-duplicates of
// one another (linked, not opened), so every page gets different sentences.
const WORDS = (
  'caravan oasis dawn sand wind dune trader salt date cloth market millet season well keeper family water ' +
  'guide star route traveller camel goat herd river bank village boat net harvest rain grain store loan ' +
  'sorghum onion garden pump canal engine diesel solar field farmer price road truck bridge school teacher ' +
  'child book letter radio song drum festival dancer singer poet story elder council chief court judge law ' +
  'clinic nurse doctor fever medicine vaccine mother father brother sister cousin neighbour guest feast ' +
  'bread tea sugar milk butter meat fish basket pot fire smoke tent mat rope leather saddle knife needle ' +
  'thread weaver dyer potter smith miner quarry stone clay brick wall roof door window courtyard mosque ' +
  'church chapel tower clock bell morning noon evening night moon cloud storm flood drought locust bird ' +
  'eagle hawk lizard snake scorpion jackal hyena lion elephant giraffe acacia baobab palm tamarind mango'
).split(' ');
const VERBS = 'carried crossed followed reached left found brought sold bought built repaired watched'.split(' ');

/** A deterministic generator, so that a page's text is the same from run to run. */
function random(seed: string): () => number {
  let state = [...seed].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs of plain sentences, different for every seed. */
function prose(seed: string, count: number): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const sentence = () => {
    const words = Array.from({ length: 9 }, (_, i) => (i === 3 ? pick(VERBS) : pick(WORDS)));
    return `The ${words.slice(0, 3).join(' ')} ${words[3]} the ${words.slice(4, 6).join(' ')}, and the ${words.slice(6).join(' ')}.`;
  };
  return Array.from({ length: count }, () => Array.from({ length: 4 }, sentence).join(' '));
}

interface Page {
  title: string;
  head: string;
  htmlAttributes: string;
  body: string;
}

/** One page holding a vector in the given contexts (the raw ones all at once, at most one metadata context). */
function buildPage(key: string, vector: Vector, markup: string, contexts: readonly Context[]): Page {
  const escaped = escapeHtml(markup);
  const has = (context: Context) => contexts.includes(context);
  const label = `Hostile markup test ${key}, ${vector.kind} vector ${vector.id}`;
  const title = has('title') || has('og-title') ? markup : label;
  const head: string[] = [];
  if (has('head') || vector.kind === 'head' || vector.kind === 'charset') head.unshift(markup);
  head.push(`<title>${has('title') ? escaped : escapeHtml(label)}</title>`);
  if (has('og-title')) head.push(`<meta property="og:title" content="${escaped}">`);
  if (has('author')) head.push(`<meta name="author" content="${escaped}">`);
  if (has('site-name')) head.push(`<meta property="og:site_name" content="${escaped}">`);
  if (has('description')) head.push(`<meta name="description" content="${escaped}">`);
  if (has('keywords')) head.push(`<meta name="keywords" content="${escaped}">`);
  if (has('canonical')) head.push(`<link rel="canonical" href="${escaped}">`);
  if (has('json-ld')) {
    const data = { '@type': 'NewsArticle', headline: markup, author: { '@type': 'Person', name: markup } };
    // Inside <script>, only "</" could end the element early; \u003c keeps the JSON's text the markup.
    head.push(`<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
  }
  const text = prose(key, 4);
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  if (has('time')) body.push(`<p>Published <time datetime="${escaped}">${escaped}</time>.</p>`);
  body.push(`<p>${escapeHtml(label)}. ${text[0]}</p>`);
  if (has('block')) body.push(markup);
  body.push(`<p>${text[1]}</p>`);
  if (has('inline')) body.push(`<p>Before the vector, ${markup} and after it, the text goes on.</p>`);
  if (has('list')) body.push(`<ul><li>A first point.</li><li>${markup}</li><li>A last point.</li></ul>`);
  if (has('table')) body.push(`<table><tr><th>Well</th><td>${markup}</td></tr></table>`);
  if (has('figure')) body.push(`<figure>${markup}<figcaption>${markup}</figcaption></figure>`);
  if (has('link-text')) body.push(`<p>See <a href="https://example.org/route">${markup}</a> for the map.</p>`);
  if (has('quoted-attribute')) body.push(`<p title="${markup}">A paragraph with a quoted title.</p>`);
  if (has('unquoted-attribute')) body.push(`<p title=${markup}>A paragraph with an unquoted title.</p>`);
  body.push(`<p>${text[2]}</p>`, `<p>${text[3]} (${escapeHtml(key)})</p>`);
  const lang = has('lang') ? escaped : 'en';
  return { title, head: head.join('\n'), htmlAttributes: `lang="${lang}"`, body: body.join('\n') };
}

export interface HostileArticle {
  /** Unique among the articles written: the file name without `.html`, also in the canary's paths. */
  key: string;
  vector: Vector;
  variant: Variant;
  contexts: Context[];
  file: string;
}

/**
 * Writes the hostile pages into `dir`. The default set puts every vector, in each variant, in the
 * page's body (between paragraphs and inside one) and in one more context, taken in turn; `everyContext`
 * writes one page per vector, variant and context.
 */
export function writeHostileArticles(
  dir: string,
  canaryOrigin: string,
  { everyContext = false }: { everyContext?: boolean } = {},
): HostileArticle[] {
  const written: HostileArticle[] = [];
  const extra = CONTEXTS.filter((context) => context !== 'block' && context !== 'inline');
  readVectors().forEach((vector, index) => {
    const variants: Variant[] = runsScript(vector) ? ['sentinel', 'dialog'] : ['sentinel'];
    for (const variant of variants) {
      const sets: Context[][] = everyContext
        ? CONTEXTS.map((context) => [context])
        : [['block', 'inline', extra[index % extra.length] as Context]];
      for (const contexts of sets) {
        const key = `v${vector.id}-${variant}${everyContext ? `-${contexts[0]}` : ''}`;
        const markup = fillVector(vector, variant, canaryOrigin, key);
        const page = buildPage(key, vector, markup, contexts);
        const file = join(dir, `${key}.html`);
        writeFileSync(
          file,
          `<!doctype html>\n<html ${page.htmlAttributes}>\n<head>\n${page.head}\n</head>\n<body>\n<article>\n${page.body}\n</article>\n</body>\n</html>\n`,
        );
        written.push({ key, vector, variant, contexts, file });
      }
    }
  });
  return written;
}
