/** An RSS feed of `items` items, each a paragraph long: a file long enough for its progress to be seen moving. */
export function longFeed(items: number): string {
  const body = Array.from(
    { length: items },
    (_, index) => `<item><title>Item ${index}</title><description>${'Un paragraphe. '.repeat(30)}</description></item>`,
  ).join('');
  return `<rss version="2.0"><channel><title>Fil</title>${body}</channel></rss>`;
}
