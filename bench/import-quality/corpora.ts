import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const READABILITY_PAGES = fileURLToPath(
  new URL('../../../shared/corpora/readability-test-pages/pages', import.meta.url),
);
export const TRAFILATURA_EVAL = fileURLToPath(new URL('../../../shared/corpora/trafilatura-eval', import.meta.url));

/** A page as the importer would read it from disk, and the address it was captured from. */
export interface Page {
  name: string;
  bytes: Uint8Array;
  url: string;
}

export interface ReadabilityCase extends Page {
  expectedTitle: string;
  expectedHtml: string;
}

export interface TrafilaturaCase extends Page {
  with: string[];
  without: string[];
}

/** Mozilla's Readability test pages; their captures all stand at the same fake address. */
export function readReadabilityCases(dir = READABILITY_PAGES, names?: readonly string[]): ReadabilityCase[] {
  if (!existsSync(dir)) return [];
  return (names ?? readdirSync(dir).sort()).map((name) => {
    const folder = join(dir, name);
    const metadata = JSON.parse(readFileSync(join(folder, 'expected-metadata.json'), 'utf8')) as { title?: string };
    return {
      name,
      bytes: readFileSync(join(folder, 'source.html')),
      url: 'http://fakehost/test/page.html',
      expectedTitle: metadata.title ?? '',
      expectedHtml: readFileSync(join(folder, 'expected.html'), 'utf8'),
    };
  });
}

interface EvalEntry {
  file: string;
  with?: (string | null)[];
  without?: (string | null)[];
}

/** The trafilatura evaluation pages that evaldata.json annotates, found in eval/ or cache/ (gzipped). */
export function readTrafilaturaCases(dir = TRAFILATURA_EVAL): TrafilaturaCase[] {
  if (!existsSync(dir)) return [];
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, EvalEntry>;
  const cases: TrafilaturaCase[] = [];
  for (const [url, entry] of Object.entries(data)) {
    const path = ['eval', 'cache'].map((sub) => join(dir, sub, `${entry.file}.gz`)).find((file) => existsSync(file));
    if (!path) continue;
    const present = (segments: (string | null)[] | undefined) =>
      (segments ?? []).filter((segment): segment is string => typeof segment === 'string');
    cases.push({
      name: entry.file,
      bytes: gunzipSync(readFileSync(path)),
      url,
      with: present(entry.with),
      without: present(entry.without),
    });
  }
  return cases;
}
