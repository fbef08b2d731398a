import { unescapeEntities } from './meta-tags.ts';

/** What an article's schema.org JSON-LD says about it. */
export interface JsonLdArticle {
  headline: string | null;
  /** `name`, which some sites fill with the site's name rather than the article's. */
  name: string | null;
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  url: string | null;
  inLanguage: string | null;
}

type JsonObject = Record<string, unknown>;

// The schema.org types of articles and posts, as Readability recognises them.
const ARTICLE_TYPES =
  /^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$/;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const types = (node: JsonObject): string[] =>
  [node['@type']].flat().filter((type): type is string => typeof type === 'string');

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? unescapeEntities(value.trim()).replace(/\s+/g, ' ') : null;

/** Every object of the JSON-LD blocks, arrays and `@graph`s flattened; blocks that do not parse are ignored. */
function nodesOf(scripts: Iterable<Element>): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      nodes.push(value);
      if (value['@graph']) visit(value['@graph']);
    }
  };
  for (const script of scripts) {
    // Some CMSs wrap the JSON in CDATA markers or HTML comments.
    const source = (script.textContent ?? '').replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '');
    try {
      visit(JSON.parse(source));
    } catch {
      continue;
    }
  }
  return nodes;
}

/** The article described by a page's JSON-LD `<script>`s, or null when they describe none. */
export function readJsonLd(scripts: Iterable<Element>): JsonLdArticle | null {
  const nodes = nodesOf(scripts);
  const article = nodes.find((node) => types(node).some((type) => ARTICLE_TYPES.test(type)));
  if (!article) return null;
  // A graph names an author or publisher once and refers to it elsewhere by "@id".
  const byId = new Map(nodes.filter((node) => typeof node['@id'] === 'string').map((node) => [node['@id'], node]));
  const resolve = (value: unknown): unknown =>
    isObject(value) && typeof value['@id'] === 'string' && !value['name'] ? (byId.get(value['@id']) ?? value) : value;
  const nameOf = (value: unknown): string | null => {
    const resolved = resolve(value);
    return isObject(resolved) ? text(resolved['name']) : text(resolved);
  };
  const authors = [article['author'], article['creator']]
    .flat()
    .map(nameOf)
    .filter((name): name is string => name !== null && !/^https?:\/\//.test(name));
  const mainEntity = resolve(article['mainEntityOfPage']);
  return {
    headline: text(article['headline']),
    name: text(article['name']),
    authors: [...new Set(authors)],
    datePublished: text(article['datePublished']) ?? text(article['dateCreated']),
    publisher: nameOf(article['publisher']),
    url: text(article['url']) ?? (isObject(mainEntity) ? text(mainEntity['@id']) : text(mainEntity)),
    inLanguage: text(article['inLanguage']),
  };
}
