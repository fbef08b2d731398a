/** Characters no file system accepts, or that mean something to a shell or a path. */
const UNSAFE = /[\p{Cc}<>:"/\\|?*#%&{}$!'`@+=^~[\]]/gu;

/**
 * A file name for an article: its id, then its title in lower case with spaces as dashes (letters of
 * any script kept, accents too), at most 60 characters, so that names sort by id and never collide.
 */
export function articleFileName(article: { id: number; title: string }, extension: string): string {
  const slug = article.title
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(UNSAFE, ' ')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const short = [...slug].slice(0, 60).join('').replace(/-+$/, '');
  return `${article.id}${short ? `-${short}` : ''}.${extension}`;
}
