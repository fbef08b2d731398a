import sanitizeHtml from 'sanitize-html';

// Stored HTML is sanitised at import (archive/importers/html/content/sanitize.ts): images are its only
// media, each an <img> whose bytes are inlined as a data: URI. Listed wider in case that ever grows.
const MEDIA_TAGS = new Set(['img', 'picture', 'source', 'video', 'audio', 'svg', 'image', 'object', 'embed']);
// Never in stored HTML; dropped here too, so that this function cannot be what lets one through.
const NEVER_KEPT = new Set(['script', 'style', 'iframe', 'frame', 'noscript', 'template', 'link', 'meta', 'base']);
// A figure or link left holding nothing but its image would show as an empty box.
const EMPTY_ELEMENT = /<(figure|a|p|div|span)(?:\s[^>]*)?>\s*<\/\1>/g;

/**
 * The article's stored HTML without its images, for text-only reading on a slow or costly link:
 * inlined images are most of an article's bytes, and a reader who asked for text gets none of
 * them. Everything else is kept as stored (it is already sanitised), captions included.
 */
export function withoutImages(html: string): string {
  let text = sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    // Every tag is let through (the HTML was sanitised at import) but those dropped here: the option
    // below only silences sanitize-html's warning that "every tag" includes scripts.
    allowVulnerableTags: true,
    nonTextTags: [...NEVER_KEPT],
    exclusiveFilter: (frame) => MEDIA_TAGS.has(frame.tag) || NEVER_KEPT.has(frame.tag),
    transformTags: {
      '*': (tagName, attribs) => ({
        tagName,
        attribs: Object.fromEntries(Object.entries(attribs).filter(([name]) => !/^on|^style$/i.test(name))),
      }),
    },
  });
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(EMPTY_ELEMENT, '');
  }
  return text.trim();
}
