import { parseHTML } from 'linkedom';

// Elements that belong in <head> when a page leaves its <body> tag out.
const HEAD_ELEMENTS = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE']);

/**
 * A DOM for an HTML string, with `<html>`, `<head>` and `<body>` as a browser would have them.
 * linkedom keeps a page's tags as written: a fragment's first element becomes the document
 * element, and a page without `<body>` keeps its content outside any body, where Readability
 * would not look.
 */
export function parseDocument(html: string): Document {
  const head = html.slice(0, 64 * 1024);
  const page = /<html[\s>]/i.test(head)
    ? html
    : /<(?:head|body)[\s>]/i.test(head)
      ? `<html>${html}</html>`
      : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const document = parseHTML(page).document as unknown as Document;
  ensureBody(document);
  return document;
}

function ensureBody(document: Document): void {
  const root = document.documentElement;
  const children = [...root.children];
  if (children.some((child) => child.tagName === 'BODY')) return;
  let head = children.find((child) => child.tagName === 'HEAD');
  if (!head) {
    head = document.createElement('head');
    root.prepend(head);
  }
  const body = document.createElement('body');
  let inHead = true;
  for (const node of [...root.childNodes]) {
    if (node === head) continue;
    // Head elements count as head only before the first content; later ones stay where they are.
    if (inHead && node.nodeType === 1 && HEAD_ELEMENTS.has((node as Element).tagName)) head.append(node);
    else {
      if (node.nodeType === 1 || (node.nodeType === 3 && node.textContent?.trim())) inHead = false;
      body.append(node);
    }
  }
  root.append(body);
}
