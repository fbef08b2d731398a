import DOMPurify from 'dompurify';
import { archiveImageSource, type ArticleImage } from './image-placement.ts';

// Enough of the text on each side of an image to place it (image-placement uses fewer).
const CONTEXT_CHARS = 400;
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function dimension(image: HTMLImageElement, name: 'width' | 'height'): number | undefined {
  const value = Number(image.getAttribute(name));
  return Number.isInteger(value) && value > 0 && value <= 10_000 ? value : undefined;
}

/**
 * The images of an article's stored HTML, in reading order, with the text around each. The HTML was
 * sanitised at import; it is sanitised again here, in the browser's own parser (DOMPurify returns
 * the body of an inert document: nothing in it loads or runs), and only images whose bytes are in
 * the archive are kept. The markup itself is never put in the page: the reader renders its own
 * <img> from the values read here.
 */
export function articleImages(html: string | null, appOrigin: string): ArticleImage[] {
  if (!html || !html.includes('<img')) return [];
  const body = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, RETURN_DOM: true });
  const found: { element: HTMLImageElement; src: string; at: number }[] = [];
  let text = '';
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.nodeValue ?? '';
      continue;
    }
    // Blocks and line breaks separate words, which the text joined by white space also separates.
    text += ' ';
    if ((node as Element).localName !== 'img') continue;
    const element = node as HTMLImageElement;
    const src = archiveImageSource(element.getAttribute('src') ?? '', appOrigin);
    if (src) found.push({ element, src, at: text.length });
  }
  const captioned = new Set<Element>();
  return found.map(({ element, src, at }) => {
    const figure = element.closest('figure');
    // A figure's caption goes with its first image.
    const caption =
      figure && !captioned.has(figure) ? collapse(figure.querySelector('figcaption')?.textContent ?? '') : '';
    if (figure) captioned.add(figure);
    return {
      src,
      alt: collapse(element.getAttribute('alt') ?? ''),
      caption,
      width: dimension(element, 'width'),
      height: dimension(element, 'height'),
      textBefore: text.slice(Math.max(0, at - CONTEXT_CHARS), at),
      textAfter: text.slice(at, at + CONTEXT_CHARS),
    };
  });
}
