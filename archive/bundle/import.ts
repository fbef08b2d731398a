import type { ImportItem } from '../api/contract.ts';
import { NearDuplicates } from '../articles/near-duplicates.ts';
import type { ArticleStore, NewArticle } from '../articles/store.ts';
import {
  bundleArticleSchema,
  LIBRARY_MEMBER,
  libraryMemberSchema,
  type BundleArticle,
  type LibraryEntry,
} from './format.ts';
import { LibraryMerger } from './merge.ts';
import { restoreImages } from './media.ts';
import { MemberError, openBundle } from './read.ts';
import { BundleError } from './select.ts';
import { readTextDates } from '../text/dates.ts';

const BATCH_SIZE = 100;

interface ReadArticle {
  member: string;
  article: BundleArticle;
  html: string | null;
  /** Images left out of the article, with why. */
  problems: string[];
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Imports a bundle into the archive, merging it with what is there: an article already in the
 * archive (same text, or same address) is not stored twice, and its library entry is merged into
 * the reader's own state without overwriting it (see LibraryMerger). Every member is checked
 * against the manifest's SHA-256 before it is used: a damaged article is reported and left out,
 * a damaged image leaves its article without that image, a damaged library is reported and the
 * articles still import. A file that is not a whole bundle (cut short, its manifest damaged) is
 * reported before anything is written. Returns one report line per article and per library entry.
 */
export async function importBundle(store: ArticleStore, path: string): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  let bundle;
  try {
    bundle = await openBundle(path);
  } catch (error) {
    if (error instanceof BundleError) return [{ path, status: 'failed', message: error.message }];
    throw error;
  }
  const at = (member: string) => `${path}#${member}`;
  try {
    for (const { name, message } of bundle.refused) items.push({ path: at(name), status: 'failed', message });

    const entries = new Map<string, LibraryEntry>();
    if (bundle.manifest.withLibrary) {
      try {
        const raw: unknown = JSON.parse((await bundle.read(LIBRARY_MEMBER)).toString('utf8'));
        const parsed = libraryMemberSchema.safeParse(raw);
        if (!parsed.success) throw new MemberError(`it is not a library (${parsed.error.issues[0]?.message})`);
        for (const entry of parsed.data.entries) entries.set(entry.article, entry);
      } catch (error) {
        items.push({
          path: at(LIBRARY_MEMBER),
          status: 'failed',
          message: `${describe(error)}; the articles are imported without tags, highlights or notes`,
        });
      }
    }

    const db = store.db;
    const merger = new LibraryMerger(db);
    const byUrl = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1');
    const byHash = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE content_hash = ?');
    const merged = new Set<string>();
    const now = new Date().toISOString();
    const mergeInto = (id: number, hash: string): string[] => {
      const entry = entries.get(hash);
      if (!entry) return [];
      merged.add(hash);
      return merger.merge(id, entry, now);
    };
    const nearDuplicates = new NearDuplicates(db);
    /** Links the article's copies to `id`; one already recorded here, or stored here as an article, is not added. */
    const linkCopies = (id: number, article: BundleArticle): string[] => {
      let added = 0;
      for (const copy of article.copies ?? []) {
        if (byHash.get(copy.contentHash)) continue;
        if (nearDuplicates.link({ articleId: id, distance: copy.distance }, copy)) added += 1;
      }
      return added ? [`${added} near cop${added > 1 ? 'ies' : 'y'} recorded`] : [];
    };

    const toNew = ({ article, html }: ReadArticle): NewArticle => ({
      title: article.title,
      paragraphs: article.text.split('\n\n'),
      html,
      source: article.source,
      url: article.url,
      author: article.author,
      lang: article.lang,
      publishedAt: article.publishedAt,
      publishedEstimated: article.publishedEstimated,
      sourcePath: article.sourcePath,
      capturedAt: article.capturedAt,
      // Not carried by the bundle: read again from the text, as the import that stored it did.
      mentionedDates: readTextDates(`${article.title}\n${article.text}`, article.lang).mentioned,
    });
    const storeBatch = db.transaction((batch: readonly ReadArticle[]) => {
      const found = batch.map(({ article }) => {
        const byText = byHash.get(article.contentHash);
        if (byText) return { id: byText.id, how: 'same text as' };
        const byAddress = article.url ? byUrl.get(article.url) : undefined;
        return byAddress ? { id: byAddress.id, how: 'same address as' } : null;
      });
      // The new ones in one go: addMany stores them again one by one should one fail.
      const outcomes = store.addMany(batch.filter((_, index) => !found[index]).map(toNew), now);
      let next = 0;
      batch.forEach(({ member, article, problems }, index) => {
        const local = found[index];
        if (local) {
          const changes = [...linkCopies(local.id, article), ...mergeInto(local.id, article.contentHash)];
          items.push({
            path: at(member),
            status: 'duplicate',
            articleId: local.id,
            title: article.title,
            message: [`${local.how} article ${local.id}`, ...changes, ...problems].join('; '),
          });
          return;
        }
        const outcome = outcomes[next++] as (typeof outcomes)[number];
        if (outcome instanceof Error) {
          items.push({ path: at(member), status: 'failed', message: `could not be stored: ${outcome.message}` });
          return;
        }
        const changes = [...linkCopies(outcome.id, article), ...mergeInto(outcome.id, article.contentHash)];
        const copy =
          outcome.status === 'near-duplicate'
            ? [`a near copy of article ${outcome.id} (${outcome.distance} bits apart), not stored again`]
            : [];
        const message = [...copy, ...changes, ...problems].join('; ');
        items.push({
          path: at(member),
          status: outcome.status,
          articleId: outcome.id,
          title: article.title,
          ...(message ? { message } : {}),
        });
      });
    });

    /** An article member and its images, read and checked; a failed report line when it cannot be used. */
    const readArticle = async (member: string): Promise<ReadArticle | ImportItem> => {
      let article: BundleArticle;
      try {
        const parsed = bundleArticleSchema.safeParse(JSON.parse((await bundle.read(member)).toString('utf8')));
        if (!parsed.success) throw new MemberError(`it is not an article (${parsed.error.issues[0]?.message})`);
        article = parsed.data;
      } catch (error) {
        return { path: at(member), status: 'failed', message: describe(error) };
      }
      const problems: string[] = [];
      let html = article.html;
      if (html !== null && article.media.length) {
        const available = new Map<string, { type: string; bytes: Buffer }>();
        for (const media of article.media) {
          try {
            available.set(media.sha256, { type: media.type, bytes: await bundle.read(media.member) });
          } catch (error) {
            problems.push(`image ${media.member} left out: ${describe(error)}`);
          }
        }
        html = restoreImages(html, available);
      }
      return { member, article, html, problems };
    };

    const members = bundle.names.filter((name) => name.startsWith('articles/')).sort();
    const present = new Set([...bundle.names, ...bundle.refused.map((r) => r.name)]);
    for (const name of Object.keys(bundle.manifest.members).filter((n) => n.startsWith('articles/'))) {
      if (!present.has(name)) {
        items.push({ path: at(name), status: 'failed', message: 'listed in the manifest but missing from the bundle' });
      }
    }
    for (let from = 0; from < members.length; from += BATCH_SIZE) {
      // Read together: each member is a few small reads of the file, which overlap.
      const read = await Promise.all(members.slice(from, from + BATCH_SIZE).map(readArticle));
      const batch: ReadArticle[] = [];
      for (const result of read) {
        if ('article' in result) batch.push(result);
        else items.push(result);
      }
      if (batch.length) storeBatch.immediate(batch);
    }

    // Entries for articles the bundle does not hold: a delta's changes to articles sent earlier.
    const rest = [...entries.values()].filter((entry) => !merged.has(entry.article));
    db.transaction(() => {
      for (const entry of rest) {
        const where = at(`${LIBRARY_MEMBER}#${entry.article.slice(0, 12)}`);
        const local = byHash.get(entry.article);
        if (!local) {
          items.push({ path: where, status: 'skipped', message: 'its article is not in this archive' });
          continue;
        }
        const changes = merger.merge(local.id, entry, now);
        items.push({
          path: where,
          status: 'duplicate',
          articleId: local.id,
          message: changes.length ? `library updated: ${changes.join('; ')}` : 'library: nothing new',
        });
      }
    }).immediate();
  } finally {
    bundle.close();
  }
  return items;
}
