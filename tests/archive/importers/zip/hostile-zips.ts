import { openPromise } from 'yauzl';
import { MANIFEST_MEMBER } from '../../../../archive/bundle/format.ts';
import { displayName } from '../../../../archive/importers/zip/entry-name.ts';
import { deflated, rawZip, stored, zeroRun, type RawEntry } from '../../../helpers/raw-zip.ts';

/** A hostile entry and the reason its refusal gives in the report. */
export interface HostileName {
  name: string;
  reason: string;
  /** What the entry holds: a story that would import, were the name let through. */
  content?: string;
  mode?: number;
  /** Stored under `name`, but named this by the Info-ZIP Unicode Path extra field that readers prefer. */
  unicodePath?: string;
}

const CLIMBS = 'its name climbs out of the folder with ".."';
const ABSOLUTE = 'its name is an absolute path';
const DRIVE = 'its name starts with a drive letter';
const UNC = 'its name is a network (UNC) or device path';
const CONTROL = 'its name holds control characters';
const STREAM = 'its name holds a colon, which Windows reads as a stream of another file (name:stream)';
const TRAILING = 'a part of its name ends with a dot or a space, which Windows drops';
const LINK = 'a symbolic link';
const device = (name: string) => `its name is a Windows device name (${name})`;
const slashed = (reason: string) => `${reason} (written with backslashes)`;
const lookAlike = (reason: string) => `${reason} (written with look-alike characters)`;

/** Every way this project knows for an entry's name to lead outside the folder, or onto something that is not a file. */
export const HOSTILE_NAMES: HostileName[] = [
  { name: '../evil.txt', reason: CLIMBS },
  { name: 'notes/../../evil.txt', reason: CLIMBS },
  { name: '..', reason: CLIMBS },
  { name: '..\\evil.txt', reason: slashed(CLIMBS) },
  { name: 'notes\\..\\..\\..\\evil.txt', reason: slashed(CLIMBS) },
  { name: '/etc/evil.txt', reason: ABSOLUTE },
  { name: '/tmp/evil.txt', reason: ABSOLUTE },
  { name: '\\evil.txt', reason: slashed(ABSOLUTE) },
  { name: 'C:/evil.txt', reason: DRIVE },
  { name: 'C:\\Windows\\evil.txt', reason: slashed(DRIVE) },
  { name: 'd:evil.txt', reason: DRIVE },
  { name: '//server/share/evil.txt', reason: UNC },
  { name: '\\\\server\\share\\evil.txt', reason: slashed(UNC) },
  { name: '\\\\?\\C:\\evil.txt', reason: slashed(UNC) },
  { name: '\\\\.\\PhysicalDrive0', reason: slashed(UNC) },
  { name: '．．／evil.txt', reason: lookAlike(CLIMBS) },
  { name: '＼＼server＼share＼evil.txt', reason: lookAlike(UNC) },
  { name: 'innocent.txt', unicodePath: '../evil-by-extra-field.txt', reason: CLIMBS },
  { name: 'evil\u0000.txt', reason: CONTROL },
  { name: 'evil.txt\u0000.html', reason: CONTROL },
  { name: 'line\nbreak.txt', reason: CONTROL },
  { name: 'CON', reason: device('CON') },
  { name: 'prn.txt', reason: device('PRN') },
  { name: 'Aux.html', reason: device('AUX') },
  { name: 'NUL.tar.gz', reason: device('NUL') },
  { name: 'nul .txt', reason: device('NUL') },
  { name: 'CON.', reason: device('CON') },
  { name: 'notes/com1.txt', reason: device('COM1') },
  { name: 'COM9', reason: device('COM9') },
  { name: 'COM¹.txt', reason: device('COM¹') },
  { name: 'lpt1.md', reason: device('LPT1') },
  { name: 'LPT9.txt', reason: device('LPT9') },
  { name: 'CONOUT$', reason: device('CONOUT$') },
  { name: 'lpt3/inside.txt', reason: device('LPT3') },
  { name: 'story.txt.', reason: TRAILING },
  { name: 'story.txt ', reason: TRAILING },
  { name: 'notes./story.txt', reason: TRAILING },
  { name: 'story.txt:hidden', reason: STREAM },
  { name: 'story.txt::$DATA', reason: STREAM },
  { name: `${'x'.repeat(300)}.txt`, reason: 'a part of its name is 304 bytes long; file names hold at most 255' },
  { name: `${'deep/'.repeat(210)}evil.txt`, reason: 'its name is 1058 bytes long; names over 1024 bytes are refused' },
  { name: 'passwd.txt', mode: 0o120777, content: '/etc/passwd', reason: LINK },
  { name: 'up', mode: 0o120777, content: '../../../../../../../tmp', reason: LINK },
];

/** The good entries around the hostile ones: names that look odd but are plain files, each a story of its own. */
export const GOOD_ENTRIES = [
  [
    'notes/first.txt',
    'Wells of the northern district',
    'Three new wells were dug near the river before the dry season.',
  ],
  [
    'console.txt',
    'The console of the old radio station',
    'Engineers restored the valve console that broadcast the 1962 results.',
  ],
  [
    'com10.txt',
    'Ten committees and their minutes',
    "The assembly published every committee's minutes for the first time.",
  ],
  [
    'nul-results.txt',
    'Null results in the harvest survey',
    'Millet yields showed no change after the new seed was planted.',
  ],
  [
    'Réunion： bilan 2024.txt',
    'Bilan de la réunion du conseil',
    'Le conseil a voté le budget des écoles et la réfection du marché.',
  ],
  [
    'Review: the new market hall.txt',
    'The new market hall opens its doors',
    'Traders moved their stalls into the covered hall on Monday morning.',
  ],
  [
    './dotted/second.txt',
    'A ferry timetable for the lake',
    'The ferry now leaves twice a day, at dawn and at four in the afternoon.',
  ],
  // A file under the name of a refused link: content like any other, never written through the link.
  ['up/evil.txt', 'A file behind a refused link', 'Librarians catalogued the donated maps, some older than the town.'],
].map(([name, title, story]) => ({ name: name!, title: title!, text: `${title}\n\n${story}` }));

/** The line the report gives each entry: `position: status message-or-title`. */
export const refusedLine = (entry: HostileName) =>
  `${displayName(entry.unicodePath ?? entry.name)}: failed refused: ${entry.reason}`;
export const importedLine = (entry: { name: string; title: string }) => `${entry.name}: imported ${entry.title}`;

/** One zip holding every hostile name, a good entry after every six of them. */
export function hostileNamesZip(): Buffer {
  const entries: RawEntry[] = [];
  const goods = [...GOOD_ENTRIES];
  HOSTILE_NAMES.forEach((hostile, index) => {
    if (index % 6 === 0 && goods.length) {
      const good = goods.shift()!;
      entries.push(deflated(good.name, good.text));
    }
    entries.push({
      ...deflated(hostile.name, hostile.content ?? `Escaped\n\nThe entry ${index} got out.`),
      ...(hostile.mode ? { mode: hostile.mode } : {}),
      ...(hostile.unicodePath ? { unicodePath: hostile.unicodePath } : {}),
    });
  });
  for (const good of goods) entries.push(deflated(good.name, good.text));
  return rawZip(entries);
}

/** The order the report lists the entries of `hostileNamesZip` in. */
export function hostileNamesReport(): string[] {
  const lines: string[] = [];
  const goods = [...GOOD_ENTRIES];
  HOSTILE_NAMES.forEach((hostile, index) => {
    if (index % 6 === 0 && goods.length) lines.push(importedLine(goods.shift()!));
    lines.push(refusedLine(hostile));
  });
  for (const good of goods) lines.push(importedLine(good));
  return lines;
}

/** `copies` entries whose data is all that of the first, stored once at index `at` of their zip. */
function overlapping(name: (index: number) => string, entry: RawEntry, copies: number, at = 0): RawEntry[] {
  return Array.from({ length: copies }, (_, index) => ({
    ...entry,
    name: name(index),
    ...(index > 0 ? { sameDataAs: at } : {}),
  }));
}

/** A zip inside a zip `levels` deep, `width` entries wide at each level, 1 GiB of zeros at the bottom: 42.zip's shape. */
function nestedBomb(zeros: RawEntry, levels: number, width: number): Buffer {
  let inner = rawZip(overlapping((i) => `zeros-${i + 1}.txt`, zeros, width));
  for (let level = 2; level <= levels; level++) {
    const layer = stored('layer', inner);
    inner = rawZip(overlapping((i) => `layer${level - 1}-${i + 1}.zip`, layer, width));
  }
  return inner;
}

export const ZERO_RUN_MIB = 1024;
/**
 * What the lying entry's headers declare: as much as the ratio cap lets 1 MB of deflated zeros
 * claim (just under 200:1), so it is streamed that far before it is refused.
 */
export const LIAR_DECLARES = 192 * 1024 * 1024;
/** The same for a bundle's member, which is read into memory (then checked against the manifest). */
export const BUNDLE_LIAR_DECLARES = 64 * 1024 * 1024;

/**
 * Every kind of zip bomb, good entries before, between and after: 1 GiB of zeros (about 1 MB
 * deflated) with its true size; three entries overlapping it; the same run declaring 192 MiB; a
 * header whose compressed size cuts the run short while declaring little; a stored entry whose
 * sizes disagree; one whose data runs past the end of the file; a zip of zips four deep, four
 * wide, with the run at the bottom (256 GiB in all) and the run beside a story one level down; a
 * zip in a zip in a zip… eight deep, the same at each level.
 */
export function bombZip(): { bytes: Buffer; ratio: number } {
  const zeros = zeroRun(ZERO_RUN_MIB);
  const ratio = Math.round(zeros.size / zeros.data.length);
  const nested = rawZip([
    deflated('inner-story.txt', 'A story one zip down\n\nIt is read, while the zeros beside it are not.'),
    { ...zeros, name: 'zeros-inside.txt' },
    ...overlapping((i) => `layer3-${i + 1}.zip`, stored('layer', nestedBomb(zeros, 3, 4)), 4, 2),
  ]);
  let self = rawZip([deflated('story.txt', 'The bottom of the well\n\nNever reached.')]);
  for (let level = 0; level < 8; level++) self = rawZip([stored('self.zip', self)]);
  const bytes = rawZip([
    deflated('before.txt', 'Before the bombs\n\nA good entry first.'),
    ...overlapping((i) => (i === 0 ? 'zeros.txt' : `overlap-${i}.txt`), zeros, 4, 1),
    { ...zeros, name: 'liar.txt', size: LIAR_DECLARES },
    { ...zeros, name: 'cut-short.txt', compressedSize: 4096, size: 512 * 1024 },
    { ...deflated('stored-liar.txt', 'x'.repeat(4000)), method: 0, size: 100 },
    deflated('between.txt', 'Between the bombs\n\nAnother good entry.'),
    { ...zeros, name: 'past-the-end.txt', compressedSize: 0x7fff_ffff },
    stored('nested.zip', nested),
    stored('self.zip', self),
    deflated('after.txt', 'After the bombs\n\nThe last good entry.'),
  ]);
  return { bytes, ratio };
}

/** A member the manifest lists with the size its header declares, holding 1 GiB of zeros: read until it passes that. */
export const BUNDLE_LIAR = 'articles/liar.json';
/** A member whose header declares more than the manifest lists: refused without being read. */
export const BUNDLE_MISMATCH = 'articles/mismatch.json';

/**
 * A real bundle with every hostile name added as a member, 1 GiB of zeros as an image with its
 * true size, and two article members the manifest lists whose headers lie: one reads on past its
 * 64 MiB, the other declares 100 KiB where the manifest says 50 bytes.
 */
export async function hostileBundle(path: string): Promise<Buffer> {
  const members: RawEntry[] = [];
  let manifest: { members: Record<string, { sha256: string; bytes: number }> } | null = null;
  const zip = await openPromise(path, { lazyEntries: true, autoClose: false });
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    if (entry.fileName === MANIFEST_MEMBER) manifest = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    else members.push(deflated(entry.fileName, Buffer.concat(chunks)));
  }
  zip.close();
  if (!manifest) throw new Error(`${path} has no manifest`);
  const zeros = zeroRun(ZERO_RUN_MIB);
  const sha256 = '0'.repeat(64);
  manifest.members[BUNDLE_LIAR] = { sha256, bytes: BUNDLE_LIAR_DECLARES };
  manifest.members[BUNDLE_MISMATCH] = { sha256, bytes: 50 };
  return rawZip([
    deflated(MANIFEST_MEMBER, JSON.stringify(manifest)),
    ...members.slice(0, 1),
    ...HOSTILE_NAMES.map((hostile) => ({
      ...deflated(hostile.name, hostile.content ?? '{}'),
      ...(hostile.mode ? { mode: hostile.mode } : {}),
      ...(hostile.unicodePath ? { unicodePath: hostile.unicodePath } : {}),
    })),
    { ...zeros, name: 'media/zeros.png' },
    { ...zeros, name: BUNDLE_LIAR, size: BUNDLE_LIAR_DECLARES },
    { ...zeros, name: BUNDLE_MISMATCH, compressedSize: 4096, size: 100 * 1024 },
    ...members.slice(1),
  ]);
}
