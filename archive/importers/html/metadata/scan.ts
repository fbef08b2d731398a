import { descendants } from '../dom/elements.ts';

/** The elements a page's metadata is read from. */
export interface MetadataElements {
  metas: Element[];
  /** `<script type="application/ld+json">`. */
  jsonLd: Element[];
  canonical: Element | null;
  base: Element | null;
  title: Element | null;
  headings: Element[];
  /** `<time datetime>`. */
  times: Element[];
}

/** Finds them all in one pass over the page, where a query for each would make a dozen. */
export function scanMetadataElements(document: Document): MetadataElements {
  const found: MetadataElements = {
    metas: [],
    jsonLd: [],
    canonical: null,
    base: null,
    title: null,
    headings: [],
    times: [],
  };
  for (const element of descendants(document.documentElement)) {
    switch (element.tagName) {
      case 'META':
        found.metas.push(element);
        break;
      case 'SCRIPT':
        if (element.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') found.jsonLd.push(element);
        break;
      case 'LINK':
        if (!found.canonical && /(?:^|\s)canonical(?:\s|$)/i.test(element.getAttribute('rel') ?? ''))
          found.canonical = element;
        break;
      case 'BASE':
        if (!found.base && element.hasAttribute('href')) found.base = element;
        break;
      case 'TITLE':
        found.title ??= element;
        break;
      case 'H1':
        found.headings.push(element);
        break;
      case 'TIME':
        if (element.hasAttribute('datetime')) found.times.push(element);
        break;
    }
  }
  return found;
}
