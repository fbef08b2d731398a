import sanitizeHtml from 'sanitize-html';

// The semantic markup of an article; layout, scripting, forms and embeds are not kept.
const ALLOWED_TAGS = (
  'a abbr address article aside b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt ' +
  'em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp section small span ' +
  'strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr'
).split(' ');
const ALLOWED_ATTRIBUTES = {
  '*': ['lang', 'dir', 'title', 'id'],
  a: ['href', 'rel'],
  img: ['src', 'alt', 'width', 'height'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  td: ['colspan', 'rowspan', 'headers'],
  th: ['colspan', 'rowspan', 'headers', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  time: ['datetime'],
};
// Their text is markup, code or controls, not the article's: dropped with the element.
const NON_TEXT_TAGS =
  'script style noscript template textarea option select button svg math iframe object embed canvas audio video'.split(
    ' ',
  );
// Images whose bytes are in the page itself (SingleFile, MHTML); any other source would be fetched from the network.
const INLINE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,]/i;
// An element emptied by what was removed from it (an embed, a remote image) would show as a gap.
const EMPTY_ELEMENT = /<(p|div|span|section|figure|blockquote|a)>\s*<\/\1>/g;
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** An href that can be followed from the archive: a fragment, or an absolute http(s)/mailto address. */
function safeHref(href: string | undefined, baseUrl: string | null): string | null {
  const value = href?.trim();
  if (!value) return null;
  if (value.startsWith('#')) return value;
  try {
    const url = new URL(value, baseUrl ?? undefined);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The article's HTML made safe to show offline: no scripts, styles, frames, forms, event handlers
 * or `javascript:` URLs, and nothing that would load from the network: only images inlined as
 * `data:` URIs are kept. Links stay, made absolute against `baseUrl` and opened without referrer;
 * links that cannot be made absolute http(s) or mailto keep their text only.
 */
export function sanitizeArticleHtml(html: string, baseUrl: string | null): string {
  let clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['data'] },
    allowProtocolRelative: false,
    nonTextTags: NON_TEXT_TAGS,
    transformTags: {
      a: (tagName, attribs) => {
        const href = safeHref(attribs['href'], baseUrl);
        const title = attribs['title'];
        const kept: Record<string, string> = title ? { title } : {};
        return {
          tagName,
          attribs:
            href === null
              ? kept
              : href.startsWith('#')
                ? { ...kept, href }
                : { ...kept, href, rel: 'noopener noreferrer' },
        };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !INLINE_IMAGE.test(frame.attribs['src'] ?? ''),
  });
  // Removing an empty element can empty its parent.
  for (let previous = ''; previous !== clean;) {
    previous = clean;
    clean = clean.replace(EMPTY_ELEMENT, '');
  }
  return clean.trim();
}
