import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  LIBRARY_MEMBER,
  MANIFEST_MEMBER,
  type BundleArticle,
  type LibraryEntry,
} from '../../../../archive/bundle/format.ts';
import { openBundle } from '../../../../archive/bundle/read.ts';
import { NearDuplicates } from '../../../../archive/articles/near-duplicates.ts';
import { writeBundle } from '../../../../archive/bundle/write.ts';
import type { FileImporter } from '../../../../archive/importers/file-importer.ts';
import { importerFor } from '../../../../archive/importers/registry.ts';
import { Annotations } from '../../../../archive/library/annotations.ts';
import { Library } from '../../../../archive/library/library.ts';
import { createTestArchive } from '../../../helpers/archive.ts';
import { tempDir } from '../../../helpers/temp.ts';
import type { FuzzCase, ReadTarget } from '../fuzz-read-harness.ts';
import { applyAll, labelOf, mutatedSeeds, mutations, noise } from './mutations.ts';
import { zipSync } from './zip-sync.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

/** A bundle the app wrote: two articles (one with an image and a near copy), their tags, note and highlight. */
async function writtenSeed(): Promise<{ manifest: Record<string, unknown>; members: Map<string, Buffer> }> {
  const source = await createTestArchive();
  const paragraphs = ['The river rose two metres in a week.', 'Farmers met on Tuesday to plan the repairs.'];
  const { id } = source.store.add({
    title: 'Wells of Agadez',
    paragraphs,
    html: `<p>${paragraphs.join('</p><p>')}</p><img src="data:image/png;base64,${PNG.toString('base64')}" alt="">`,
    url: 'https://example.org/wells',
    lang: 'en',
  });
  source.store.add({ title: 'Pumps of Zinder', paragraphs, url: 'https://example.org/pumps', lang: 'en' });
  new Library(source.db).setTags(id, ['Sahel']);
  new NearDuplicates(source.db).link(
    { articleId: id, distance: 2 },
    {
      contentHash: sha256('a syndicated copy'),
      title: 'Wells of Agadez (syndicated)',
      url: 'https://mirror.example/wells',
      importedAt: '2024-03-04T10:00:00.000Z',
    },
  );
  new Annotations(source.db).setNote(id, 'A note of my own.');
  new Annotations(source.db).addHighlight(id, { start: 0, end: 9 }, 'green', 'the river');
  const path = join(tempDir('archive-reader-fuzz-bundle-'), 'seed.bundle');
  await writeBundle(source.db, source.searcher, {
    scope: { kind: 'all' },
    withLibrary: true,
    withImages: true,
    path,
  });
  source.db.close();
  const bundle = await openBundle(path);
  const members = new Map<string, Buffer>();
  for (const name of bundle.names) if (name !== MANIFEST_MEMBER) members.set(name, await bundle.read(name));
  bundle.close();
  return { manifest: bundle.manifest, members };
}

/** A value of any JSON type, biased toward what a bundle's fields should hold. */
const anyField = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', null, 0, -1, 1e308, true, [], {}, 'bundle-media:', '../../etc/passwd', '2024-13-45T99:99:99Z'),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A bundle's members zipped, the manifest listing each with its SHA-256 and size (as `listed` says). */
function zipBundle(
  manifest: Record<string, unknown>,
  members: [string, Buffer][],
  listed: Map<string, Buffer> = new Map(members),
): Buffer {
  const list = Object.fromEntries(
    [...listed].map(([name, bytes]) => [name, { sha256: sha256(bytes), bytes: bytes.length }]),
  );
  const counts = {
    articles: members.filter(([name]) => name.startsWith('articles/')).length,
    media: 1,
    libraryEntries: 1,
  };
  return zipSync([
    ...members.map(([name, data], index) => ({ name, data, deflate: index % 2 === 0 })),
    { name: MANIFEST_MEMBER, data: json({ ...manifest, counts, members: list }) },
  ]);
}

/**
 * Bundles (through the bundle importer's own store, into a real archive): a good article, a
 * damaged or odd one, a good one with its image and library entry — both good ones must import
 * whatever was done to the middle member (fields holding anything, bytes changed after the
 * checksum, missing); an odd library or manifest; byte mutations of a bundle the app wrote; noise.
 */
async function cases(): Promise<fc.Arbitrary<FuzzCase>> {
  const { manifest, members: seed } = await writtenSeed();
  const articles = [...seed].filter(([name]) => name.startsWith('articles/'));
  const template = articles
    .map(([, bytes]) => JSON.parse(bytes.toString('utf8')) as BundleArticle)
    .find((article) => article.media.length) as BundleArticle;
  const media = [...seed].filter(([name]) => name.startsWith('media/'));
  const libraryEntry = (
    JSON.parse((seed.get(LIBRARY_MEMBER) as Buffer).toString('utf8')) as { entries: LibraryEntry[] }
  ).entries[0] as LibraryEntry;

  let n = 0;
  /** The good articles of one input: new text each time, so each is imported, not a duplicate. */
  const good = () => {
    const run = n++;
    const make = (title: string): BundleArticle => {
      const text = `${title}: the river rose two metres in a week.\n\nFarmers met on Tuesday to plan the repairs.`;
      return { ...template, title, text, contentHash: sha256(`${title}\n${text}`), url: null };
    };
    const first = make(`First article ${run}`);
    const last = make(`Last article ${run}`);
    const library = json({ entries: [{ ...libraryEntry, article: first.contentHash }] });
    return { first, last, library, titles: [first.title, last.title] };
  };
  const member = (article: BundleArticle): [string, Buffer] => [`articles/${article.contentHash}.json`, json(article)];
  const around = (middle: [string, Buffer], listed?: Buffer | null, library?: Buffer) => {
    const { first, last, library: goodLibrary, titles } = good();
    const members: [string, Buffer][] = [
      member(first),
      middle,
      member(last),
      ...media,
      [LIBRARY_MEMBER, library ?? goodLibrary],
    ];
    const list = new Map(members);
    if (listed === null) members.splice(1, 1);
    else if (listed) list.set(middle[0], listed);
    return { bytes: zipBundle(manifest, members, list), titles };
  };
  const middleName = (i: number) => `articles/${sha256(`middle ${i}`)}.json`;

  const oddArticle = fc
    .array(fc.tuple(fc.constantFrom(...Object.keys(template)), anyField), { minLength: 1, maxLength: 3 })
    .map((changes): FuzzCase => {
      const odd = { ...template, contentHash: sha256(`odd ${n}`), title: `Odd ${n}`, ...Object.fromEntries(changes) };
      const { bytes, titles } = around([middleName(n), json(odd)]);
      return {
        bytes,
        extension: '.bundle',
        mustImport: titles,
        label: `middle article: odd ${changes.map(([key]) => key).join(', ')}`,
      };
    });
  const damagedMember = fc.tuple(fc.boolean(), mutations()).map(([missing, list]): FuzzCase => {
    const original = json({ ...template, contentHash: sha256(`damaged ${n}`), title: `Damaged ${n}` });
    const { bytes, titles } = missing
      ? around([middleName(n), original], null)
      : around([middleName(n), Buffer.from(applyAll(original, list))], original);
    return {
      bytes,
      extension: '.bundle',
      mustImport: titles,
      label: missing ? 'middle article listed but missing' : `middle article after its checksum: ${labelOf(list)}`,
    };
  });
  const oddLibrary = fc
    .oneof(
      fc.jsonValue({ maxDepth: 3 }).map((value) => json(value)),
      fc
        .array(fc.tuple(fc.constantFrom(...Object.keys(libraryEntry)), anyField), { minLength: 1, maxLength: 3 })
        .map((changes) => json({ entries: [{ ...libraryEntry, ...Object.fromEntries(changes) }] })),
    )
    .map((library): FuzzCase => {
      const { bytes, titles } = around(
        member({ ...template, contentHash: sha256(`m ${n}`), title: `Middle ${n}` }),
        undefined,
        library,
      );
      return { bytes, extension: '.bundle', mustImport: titles, label: 'odd library' };
    });
  const oddManifest = fc
    .array(fc.tuple(fc.constantFrom(...Object.keys(manifest)), anyField), { minLength: 1, maxLength: 3 })
    .chain((changes) =>
      fc.constantFrom('.bundle', '.zip').map((extension): FuzzCase => ({
        bytes: zipBundle({ ...manifest, ...Object.fromEntries(changes) }, [...seed]),
        extension,
        label: `odd manifest: ${changes.map(([key]) => key).join(', ')}`,
      })),
    );
  const written = zipBundle(manifest, [...seed]);
  return fc.oneof(
    { weight: 3, arbitrary: oddArticle },
    { weight: 2, arbitrary: damagedMember },
    { weight: 1, arbitrary: oddLibrary },
    { weight: 1, arbitrary: oddManifest },
    {
      weight: 2,
      arbitrary: mutatedSeeds([
        { name: 'written.bundle', bytes: written, extension: '.bundle' },
        { name: 'renamed.zip', bytes: written, extension: '.zip' },
      ]),
    },
    { weight: 1, arbitrary: noise('.bundle') },
  );
}

/** Bundles as the app imports them: `.bundle` files, and bundles renamed `.zip` (told by their manifest). */
const bundleImporter: FileImporter = {
  name: 'bundle',
  extensions: ['.bundle', '.zip'],
  storeFile: async (path, store) => (await importerFor(path)?.storeFile?.(path, store)) ?? null,
  read(path) {
    const importer = importerFor(path);
    if (!importer) throw new Error(`no importer for ${path}`);
    return importer.read(path);
  },
};

export const bundleTarget: ReadTarget = { name: 'bundle', importer: bundleImporter, cases, storesFiles: true };
