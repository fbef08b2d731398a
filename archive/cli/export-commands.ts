import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { citationFormat, exportLocale } from '../api/contract.ts';
import { ExportError, Exporter, type ExportFile } from '../export/exporter.ts';
import { Searcher } from '../search/search.ts';
import { withOpenArchive } from './safety-commands.ts';
import { UsageError } from './usage-error.ts';

/** What these commands read from the command line (a subset of the CLI's context). */
export interface ExportContext {
  archivePath: string;
  json: boolean;
  to: string | undefined;
  format: string | undefined;
  locale: string | undefined;
  query: string | undefined;
  positionals: string[];
}

const progressLine = (what: string) => (done: number, total: number) =>
  process.stderr.write(`${what}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}\n`);

function localeOption(value: string | undefined): 'en' | 'fr' {
  const parsed = exportLocale.safeParse(value ?? 'en');
  if (!parsed.success) throw new UsageError(`--locale takes en or fr, not "${value}"`);
  return parsed.data;
}

function idsOf(positionals: string[]): number[] {
  return positionals.map((value) => {
    const id = Number(value);
    if (!Number.isInteger(id) || id <= 0)
      throw new UsageError(`"${value}" is not an article id (see "archive-reader list")`);
    return id;
  });
}

/** Exports refused for the caller's reason (a missing article) are its mistake, said plainly. */
async function run<T>(context: ExportContext, work: (exporter: Exporter) => T): Promise<T> {
  return withOpenArchive(context.archivePath, (db) => {
    try {
      return work(new Exporter(db, new Searcher(db)));
    } catch (error) {
      if (error instanceof ExportError) throw new UsageError(error.message);
      throw error;
    }
  });
}

/** Writes a file, or prints it when no --to was given. */
function deliver(file: ExportFile, to: string | undefined, json: boolean): void {
  if (to) {
    writeFileSync(to, file.content);
    process.stderr.write(`Wrote ${resolve(to)}\n`);
  } else if (json) {
    process.stdout.write(`${JSON.stringify(file, null, 2)}\n`);
  } else {
    process.stdout.write(file.content);
  }
}

export async function citeCommand(context: ExportContext): Promise<number> {
  const format = citationFormat.safeParse(context.format ?? 'bibtex');
  if (!format.success) {
    throw new UsageError(`--format takes bibtex, ris, csl-json, apa or chicago, not "${context.format}"`);
  }
  const locale = localeOption(context.locale);
  if (context.positionals.length > 0 && context.query !== undefined) {
    throw new UsageError('give article ids or --query, not both');
  }
  if (context.positionals.length === 0 && context.query === undefined) {
    throw new UsageError('give the ids of the articles to cite, or --query QUERY ("" for every article)');
  }
  const selection = context.query !== undefined ? { query: context.query } : { ids: idsOf(context.positionals) };
  const file = await run(context, (exporter) => exporter.cite(selection, format.data, locale));
  if (file.count === 0) process.stderr.write('No articles match: nothing to cite.\n');
  deliver(file, context.to, context.json);
  return 0;
}

export async function exportCommand(context: ExportContext): Promise<number> {
  const [first, ...rest] = context.positionals;
  if (!first || rest.length > 0)
    throw new UsageError('give the id of one article, e.g. archive-reader export 12 --format html');
  const [id] = idsOf([first]);
  const format = context.format ?? 'md';
  if (format !== 'md' && format !== 'html') throw new UsageError(`--format takes md or html, not "${format}"`);
  const locale = localeOption(context.locale);
  const file = await run(context, (exporter) => exporter.exportArticle(id ?? 0, format, locale));
  deliver(file, context.to, context.json);
  return 0;
}

export async function exportNotesCommand(context: ExportContext): Promise<number> {
  if (!context.to) throw new UsageError('name the folder to write into: --to DIR');
  if (context.positionals.length > 0) throw new UsageError('export-notes takes no arguments; use --to DIR');
  const locale = localeOption(context.locale);
  const folder = resolve(context.to);
  const files = await run(context, (exporter) => exporter.notebook(locale, progressLine('Articles with notes')));
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(join(folder, file.fileName), file.content);
  if (context.json)
    process.stdout.write(`${JSON.stringify({ folder, files: files.map((file) => file.fileName) }, null, 2)}\n`);
  else process.stdout.write(`Wrote ${files.length} Markdown ${files.length === 1 ? 'file' : 'files'} to ${folder}\n`);
  return 0;
}

export async function exportCsvCommand(context: ExportContext): Promise<number> {
  if (context.positionals.length > 0)
    throw new UsageError('export-csv takes no arguments; use --query Q and --to FILE');
  const selection = context.query === undefined ? null : { query: context.query };
  // Progress goes to stderr, and only when writing a file: a CSV read from stdout needs none.
  const progress = context.to ? progressLine('Articles') : undefined;
  const file = await run(context, (exporter) => exporter.libraryCsv(selection, progress));
  deliver(file, context.to, context.json);
  if (context.to) process.stdout.write(`Exported ${file.count} ${file.count === 1 ? 'article' : 'articles'}\n`);
  return 0;
}
