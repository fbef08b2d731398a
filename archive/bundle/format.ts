import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { highlightColor, readStatus } from '../api/contract.ts';

/**
 * A bundle: one zip file holding `manifest.json`, one `articles/<content hash>.json` per article,
 * `media/<sha256>.<ext>` for the images of their HTML, and `library.json` for the reader's own state
 * when it was asked for. The README's "Bundle format" section documents it for other tools.
 */
export const BUNDLE_FORMAT = 'archive-reader-bundle';
/** Readers refuse a bundle of a higher version; fields added without breaking old readers keep the version. */
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = '.bundle';

export const MANIFEST_MEMBER = 'manifest.json';
export const LIBRARY_MEMBER = 'library.json';
export const articleMember = (contentHash: string) => `articles/${contentHash}.json`;
export const mediaMember = (sha256: string, extension: string) => `media/${sha256}.${extension}`;

/** How an image of an article's HTML points at its member: `src="bundle-media:<sha256>"`. */
export const MEDIA_SCHEME = 'bundle-media:';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hexadecimal');
const isoDate = z.string().min(10).max(40);

export { bundleScopeSchema, type BundleScope } from '../api/contract.ts';

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int().positive(),
  createdAt: isoDate,
  app: z.object({ name: z.string(), version: z.string() }),
  /** What was exported, as the user chose it, with the collection's, tag's or saved search's name. */
  scope: z.object({ kind: z.string(), label: z.string().nullable() }),
  withLibrary: z.boolean(),
  withImages: z.boolean(),
  /** A delta holds what was added or changed after this moment; null for a full bundle. */
  since: isoDate.nullable(),
  /** The latest change the exporting archive held: the `since` of the next delta. */
  highWater: isoDate,
  counts: z.object({
    articles: z.number().int().nonnegative(),
    media: z.number().int().nonnegative(),
    libraryEntries: z.number().int().nonnegative(),
  }),
  /** Every other member, with its SHA-256 and size in bytes. */
  members: z.record(z.string(), z.object({ sha256, bytes: z.number().int().nonnegative() })),
});
export type BundleManifest = z.output<typeof manifestSchema>;

/** A near-duplicate met on import and linked to the article instead of stored (see article_copies). */
export const bundleCopySchema = z.object({
  contentHash: sha256,
  /** How many bits its SimHash differs from the article's. */
  distance: z.number().int().nonnegative(),
  title: z.string(),
  url: z.string().nullable(),
  source: z.string().nullable(),
  sourcePath: z.string().nullable(),
  capturedAt: z.string().nullable(),
  importedAt: isoDate,
});
export type BundleCopy = z.output<typeof bundleCopySchema>;

export const bundleArticleSchema = z.object({
  contentHash: sha256,
  // Every article in an archive has a title; a blank one only comes from a damaged or hand-made bundle.
  title: z.string().regex(/\S/, 'a title that is not blank'),
  /** Paragraphs joined by a blank line, exactly as the archive stores them. */
  text: z.string(),
  /** Sanitised HTML; images point at media members, or were left out. */
  html: z.string().nullable(),
  author: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  lang: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedEstimated: z.boolean(),
  /** When the page was captured (a WARC record's date, a saved page's), when the source said. */
  capturedAt: z.string().nullable().default(null),
  /** When the exporting archive imported it. */
  archivedAt: isoDate,
  /** The file (and place in it) it was first imported from, on the exporting machine. */
  sourcePath: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  media: z.array(z.object({ sha256, type: z.string(), member: z.string() })),
  /** Its near-duplicate copies; left out when it has none, and by bundles made before copies travelled. */
  copies: z.array(bundleCopySchema).optional(),
});
export type BundleArticle = z.output<typeof bundleArticleSchema>;

export const bundleHighlightSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string(),
  color: highlightColor,
  note: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const libraryEntrySchema = z.object({
  /** The article's content hash: it may be in this bundle or (in a delta) in an earlier one. */
  article: sha256,
  tags: z.array(z.string()),
  bookmarkedAt: z.string().nullable(),
  status: readStatus,
  note: z.string().nullable(),
  highlights: z.array(bundleHighlightSchema),
  /** Each collection the article is in, as the names from the top collection down. */
  collections: z.array(z.array(z.string()).min(1)),
});
export type LibraryEntry = z.output<typeof libraryEntrySchema>;
export type BundleHighlight = z.output<typeof bundleHighlightSchema>;

export const libraryMemberSchema = z.object({ entries: z.array(libraryEntrySchema) });

let version: string | null = null;

/** The app's version, from its package.json; "unknown" where that cannot be read (a bundled build). */
export function appVersion(): string {
  if (version !== null) return version;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    version = typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    version = 'unknown';
  }
  return version;
}
