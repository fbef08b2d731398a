import type { Snippet } from '../api/contract.ts';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function mark(snippet: Snippet, open: string, close: string, escape: (text: string) => string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += escape(snippet.text.slice(at, start)) + open + escape(snippet.text.slice(start, end)) + close;
    at = end;
  }
  return out + escape(snippet.text.slice(at));
}

/** An HTML fragment: the passage escaped, each matched word form in <mark>. */
export const snippetHtml = (snippet: Snippet): string => mark(snippet, '<mark>', '</mark>', escapeHtml);

/** For a terminal: matched words in reverse video, or between ** when the output is not a terminal. */
export const snippetTerminal = (snippet: Snippet, tty: boolean): string =>
  tty ? mark(snippet, '\x1b[1;7m', '\x1b[0m', (t) => t) : mark(snippet, '**', '**', (t) => t);
