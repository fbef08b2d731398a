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
  // Everything inside an unclosed comment leaves linkedom without a root; a browser shows an empty page.
  if (!document.documentElement) return parseDocument('');
  // An <html> tag somewhere after other elements: linkedom makes the first element the root.
  if (document.documentElement.tagName !== 'HTML') {
    return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
  }
  ensureBody(document);
  flattenDeepNesting(document.documentElement);
  return document;
}

/**
 * Elements nested deeper than this keep only their text. Readability's work grows with the depth
 * of every node, so a hostile page of a few thousand nested tags would take minutes; real pages
 * stay far below this.
 */
export const MAX_DEPTH = 160;

function flattenDeepNesting(root: Element): void {
  const stack: { element: Element; depth: number }[] = [{ element: root, depth: 0 }];
  while (stack.length) {
    const { element, depth } = stack.pop() as { element: Element; depth: number };
    if (depth >= MAX_DEPTH) {
      if (element.children.length) {
        const text = element.textContent ?? '';
        element.textContent = text;
      }
      continue;
    }
    for (const child of element.children) stack.push({ element: child, depth: depth + 1 });
  }
}

function ensureBody(document: Document): void {
  const root = document.documentElement;
  const children = [...root.children];
  let head = children.find((child) => child.tagName === 'HEAD');
  if (!head) {
    head = document.createElement('head');
    root.prepend(head);
  }
  let body = children.find((child) => child.tagName === 'BODY');
  const before: Node[] = [];
  const after: Node[] = [];
  if (body) {
    // Content written outside the body (before <body> or after </body>) is the body's, as in a browser.
    let seen = false;
    for (const node of [...root.childNodes]) {
      if (node === body) seen = true;
      else if (node !== head && isContent(node)) (seen ? after : before).push(node);
    }
  } else {
    body = document.createElement('body');
    let inHead = true;
    for (const node of [...root.childNodes]) {
      if (node === head) continue;
      // Head elements count as head only before the first content; later ones stay where they are.
      if (inHead && node.nodeType === 1 && HEAD_ELEMENTS.has((node as Element).tagName)) head.append(node);
      else {
        if (isContent(node)) inHead = false;
        after.push(node);
      }
    }
    root.append(body);
  }
  // A browser ends the head at its first content (an unclosed <head> followed by the page): the rest is the body's.
  const headNodes = [...head.childNodes];
  const firstContent = headNodes.findIndex(
    (node) => isContent(node) && !(node.nodeType === 1 && HEAD_ELEMENTS.has((node as Element).tagName)),
  );
  if (firstContent !== -1) before.unshift(...headNodes.slice(firstContent));
  body.prepend(...before);
  body.append(...after);
}

const isContent = (node: Node) => node.nodeType === 1 || (node.nodeType === 3 && Boolean(node.textContent?.trim()));
