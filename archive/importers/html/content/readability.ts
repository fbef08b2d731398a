import { Readability } from '@mozilla/readability';

export interface ReadableContent {
  /** The article's body, an element of the (now rewritten) document. */
  content: Element;
  /** Readability's title: from metadata when there is some, else its reading of `<title>` and the headings. */
  title: string | null;
  byline: string | null;
}

/**
 * The article's main content as Readability finds it. Readability rewrites the document it reads,
 * so whatever else is needed from the page must be read first.
 */
export function readableContent(document: Document): ReadableContent | null {
  const reader = new Readability<Element>(document, {
    // The element rather than its serialisation: the article is not parsed a second time.
    serializer: (node) => node as Element,
    // Classes tell the chrome left in the content (`pruneChrome`); they are dropped after.
    keepClasses: true,
    // The page's JSON-LD is read with the rest of its metadata, before Readability runs.
    disableJSONLD: true,
  });
  const result = reader.parse();
  if (!result?.content) return null;
  return { content: result.content, title: result.title ?? null, byline: result.byline ?? null };
}
