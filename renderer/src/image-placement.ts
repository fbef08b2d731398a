/**
 * Where an article's images go among the paragraphs of its text. The reader shows `article.text`
 * (highlights, search hits and the reading position are offsets into it) and takes the images from
 * the stored HTML, whose text is the same words but not the same characters: the title heading or
 * chrome dropped from the text may still be in the HTML, and white space differs. So each image is
 * placed by the text around it, compared without white space. Pure functions, unit-tested under Node.
 */
import type { Paragraph } from './text-ranges.ts';

export interface ArticleImage {
  src: string;
  alt: string;
  /** The figure's caption, white space collapsed; empty when there is none. */
  caption: string;
  /** Width and height as the page gave them, to keep the image's place before it is decoded. */
  width?: number;
  height?: number;
  /** The HTML's text before and after the image (any length; only the nearest characters are used). */
  textBefore: string;
  textAfter: string;
}

export type BodyBlock =
  | { kind: 'paragraph'; paragraph: Paragraph }
  | {
      kind: 'figure';
      image: ArticleImage;
      /** The paragraph of the text that is this image's caption: shown in the figure, offsets kept. */
      caption: Paragraph | null;
      /** The offset in the text of what follows the figure: where a selection that starts or ends on it falls. */
      offset: number;
    };

// Images stored in the archive: their bytes inlined by the importers. Nothing else is shown.
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,]/i;
const MEDIA_PATH = '/media/';

/**
 * The address to show an image from, when it comes from the archive: inlined as a `data:` image,
 * or a file of the archive's media folder on the app's own origin. Null for anything else, which
 * would be fetched from the network.
 */
export function archiveImageSource(src: string, appOrigin: string): string | null {
  const value = src.trim();
  if (DATA_IMAGE.test(value)) return value;
  try {
    const url = new URL(value, `${appOrigin}/`);
    // Not url.origin: outside Electron, which registers app: as a standard scheme, its origin reads "null".
    const origin = `${url.protocol}//${url.host}`;
    return origin === appOrigin && url.pathname.startsWith(MEDIA_PATH) ? url.href : null;
  } catch {
    return null;
  }
}

// Enough characters to be found in one place of an article, few enough to survive a small difference.
const ANCHOR_LENGTHS = [64, 24] as const;

interface CompactText {
  /** The text without white space or zero-width characters. */
  chars: string;
  /** For each character of `chars`, its offset in the article's text. */
  offsets: number[];
}

const WHITE_SPACE = /[\s\u200b\ufeff]+/g;
const RUNS = /[^\s\u200b\ufeff]+/g;

export const compact = (text: string) => text.replace(WHITE_SPACE, '');

function compactParagraphs(paragraphs: readonly Paragraph[]): CompactText {
  const runs: string[] = [];
  const offsets: number[] = [];
  for (const paragraph of paragraphs) {
    for (const run of paragraph.text.matchAll(RUNS)) {
      runs.push(run[0]);
      const start = paragraph.start + run.index;
      for (let i = 0; i < run[0].length; i++) offsets.push(start + i);
    }
  }
  return { chars: runs.join(''), offsets };
}

/**
 * Where the end (or the start) of some text is found in the article's text, in compact characters,
 * searching from `from`: the nearest characters first, fewer of them if those are not found.
 */
function find(
  text: CompactText,
  near: string,
  side: 'end' | 'start',
  from: number,
): { index: number; end: number } | null {
  for (const length of ANCHOR_LENGTHS) {
    const key = side === 'end' ? near.slice(-length) : near.slice(0, length);
    if (!key) return null;
    const index = text.chars.indexOf(key, from);
    if (index !== -1) return { index, end: index + key.length };
  }
  return null;
}

/** The index of the paragraph holding a text offset. */
const paragraphOf = (paragraphs: readonly Paragraph[], offset: number) =>
  paragraphs.findIndex((paragraph) => offset < paragraph.end);

/**
 * The article's body in reading order: its paragraphs, with each image after the paragraph where
 * the text before it ends (or, when that text is not in the article's text, before the paragraph
 * where the text after it starts; failing both, after the previous image). A caption that is also
 * a paragraph of the text goes into its figure, where it can still be highlighted.
 */
export function bodyBlocks(paragraphs: readonly Paragraph[], images: readonly ArticleImage[]): BodyBlock[] {
  const text = compactParagraphs(paragraphs);
  // Paragraph index after which each image goes (-1: before the first), and the caption it takes.
  const placed: { image: ArticleImage; after: number; caption: number | null }[] = [];
  const captions = new Set<number>();
  let cursor = 0;
  let previous = -1;
  for (const image of images) {
    let after = previous;
    // Searching on from where the last anchor starts: images side by side share the text before them.
    const before = find(text, compact(image.textBefore), 'end', cursor);
    const next = before ? null : find(text, compact(image.textAfter), 'start', cursor);
    if (before) {
      after = paragraphOf(paragraphs, text.offsets[before.end - 1] as number);
      cursor = before.index;
    } else if (next) {
      after = paragraphOf(paragraphs, text.offsets[next.index] as number) - 1;
      cursor = next.index;
    }
    after = Math.max(after, previous);
    previous = after;
    const wanted = compact(image.caption);
    // The caption comes after its image in most pages, before it in some.
    const caption = wanted
      ? ([after + 1, after].find(
          (index) => index >= 0 && !captions.has(index) && compact(paragraphs[index]?.text ?? '') === wanted,
        ) ?? null)
      : null;
    if (caption !== null) captions.add(caption);
    placed.push({ image, after, caption });
  }

  const textEnd = paragraphs.at(-1)?.end ?? 0;
  const startOf = (index: number) => paragraphs[index]?.start ?? textEnd;
  const blocks: BodyBlock[] = [];
  const figuresAfter = (index: number) => {
    for (const item of placed) {
      if (item.after === index && item.caption === null) {
        blocks.push({ kind: 'figure', image: item.image, caption: null, offset: startOf(index + 1) });
      }
    }
  };
  figuresAfter(-1);
  paragraphs.forEach((paragraph, index) => {
    const figure = placed.find((item) => item.caption === index);
    if (figure) blocks.push({ kind: 'figure', image: figure.image, caption: paragraph, offset: paragraph.start });
    else blocks.push({ kind: 'paragraph', paragraph });
    figuresAfter(index);
  });
  return blocks;
}
