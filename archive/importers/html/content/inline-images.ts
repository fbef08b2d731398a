/**
 * Points the article's images at the copies the caller holds (an MHTML part, a WARC record, an
 * EPUB file) as `data:` URIs, so they survive sanitising, which drops every image that would load
 * from the network. `src` is looked up as written and resolved against the page's address.
 */
export function inlineImages(
  content: Element,
  baseUrl: string | null,
  inlineImage: (url: string) => string | undefined,
): void {
  for (const image of content.querySelectorAll('img[src]')) {
    const src = image.getAttribute('src') ?? '';
    if (src.startsWith('data:')) continue;
    let data = inlineImage(src);
    if (data === undefined && baseUrl) {
      try {
        data = inlineImage(new URL(src, baseUrl).href);
      } catch {
        continue;
      }
    }
    if (data !== undefined) image.setAttribute('src', data);
  }
}
