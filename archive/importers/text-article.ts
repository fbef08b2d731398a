import { trimChrome } from './boilerplate.ts';

export interface ParsedTextArticle {
  title: string;
  paragraphs: string[];
  /** Chrome lines removed from around the body, for the import report. */
  removedLines: string[];
}

export class TextArticleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextArticleError';
  }
}

const MAX_TITLE_LENGTH = 500;

/**
 * Reads an article saved as text, shaped like a scraped page: the first line is the title, then
 * paragraphs (separated by blank lines, or one per line), then perhaps the site's chrome.
 */
export function parseTextArticle(
  content: string,
  options: { markdown?: boolean; repeated?: ReadonlySet<string> } = {},
): ParsedTextArticle {
  const lines = content
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  if (titleIndex === -1) throw new TextArticleError('the file is empty');
  let title = (lines[titleIndex] ?? '').trim();
  if (options.markdown) title = title.replace(/^#+\s*/, '').replace(/\s*#+$/, '');
  if (title.length > MAX_TITLE_LENGTH) {
    throw new TextArticleError(`the first line is ${title.length} characters long; a title line is expected`);
  }

  const body = lines.slice(titleIndex + 1);
  let { kept: bodyLines, removed } = trimChrome(body, options.repeated);
  // Lines repeated across a site's articles never take all of one's text: it keeps them instead.
  if (options.repeated?.size && !bodyLines.some((line) => line.trim() !== '')) {
    ({ kept: bodyLines, removed } = trimChrome(body));
  }
  const blocks = bodyLines.some((line) => line.trim() === '') ? splitOnBlankLines(bodyLines) : bodyLines;
  const paragraphs = blocks.map((block) => block.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
  if (paragraphs.length === 0) throw new TextArticleError('there is no text after the title line');

  return { title, paragraphs, removedLines: removed };
}

function splitOnBlankLines(lines: string[]): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) blocks.push(current.join(' '));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push(current.join(' '));
  return blocks;
}
