import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import {
  searchSort,
  type ArchiveHandlers,
  type Facet,
  type Input,
  type MethodName,
  type Output,
  type SearchResult,
  type SearchSort,
} from '../api/contract.ts';
import { readingMinutes } from '../articles/reading-time.ts';
import { COUNT_CAP } from '../search/search.ts';
import { dispatch } from '../api/dispatch.ts';
import { unwrap } from '../api/envelope.ts';
import { openArchive } from '../db/open.ts';
import { createHandlers } from '../service/handlers.ts';
import { snippetHtml, snippetTerminal } from './output.ts';
import { importCommand, importsCommand, reportCommand } from './import-commands.ts';
import { citeCommand, exportCommand, exportCsvCommand, exportNotesCommand } from './export-commands.ts';
import { backupCommand, checkCommand, reindexCommand, restoreCommand } from './safety-commands.ts';
import { serveCommand } from './serve-command.ts';
import { describeStartup } from '../safety/startup-check.ts';
import { UsageError } from './usage-error.ts';
import { runBundleCommand, type BundleCliOptions } from './bundle-command.ts';

export interface CommandContext {
  archivePath: string;
  json: boolean;
  limit: string | undefined;
  sort: string | undefined;
  facets: boolean;
  stdin: boolean;
  port: string | undefined;
  host: string | undefined;
  /** serve: the bearer token write methods need. */
  token: string | undefined;
  /** serve: listen on this machine's private network addresses too (and print them with a QR code). */
  lan: boolean;
  /** serve: make up a token for writes and print it once. */
  writeToken: boolean;
  /** backup: the file to write. */
  to: string | undefined;
  /** cite, export: the output format. */
  format: string | undefined;
  /** cite, export, export-notes: en or fr. */
  locale: string | undefined;
  /** cite, export-csv: the articles a query matches. */
  query: string | undefined;
  /** bundle: what to export and how. */
  bundle: BundleCliOptions;
  positionals: string[];
}

type Command = (context: CommandContext) => Promise<number>;
type Call = <M extends MethodName>(method: M, args: Input<M>) => Promise<Output<M>>;

const out = (line = '') => process.stdout.write(`${line}\n`);

/** Opens the archive and calls the API through the same validation every transport uses. */
async function withArchive<T>(context: CommandContext, create: boolean, run: (call: Call) => Promise<T>): Promise<T> {
  if (!create && !existsSync(context.archivePath)) {
    throw new UsageError(
      `there is no archive at ${context.archivePath} yet: import articles first ("archive-reader import <folder>")`,
    );
  }
  const { db, startup } = await openArchive(context.archivePath);
  for (const line of describeStartup(startup)) process.stderr.write(`${line}\n`);
  const handlers: ArchiveHandlers = createHandlers(db);
  try {
    return await run(async (method, args) => unwrap(await dispatch(handlers, method, args)) as Output<typeof method>);
  } finally {
    db.close();
  }
}

function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`--${name} takes a whole number, not "${value}"`);
  return number;
}

const label = (article: { sourcePath: string | null; source: string | null }) =>
  article.source ?? (article.sourcePath ? basename(article.sourcePath) : '');

const listCommand: Command = async (context) => {
  const articles = await withArchive(context, false, async (call) => {
    const all = [];
    for (let offset = 0; ; offset += 500) {
      const page = await call('listArticles', { limit: 500, offset });
      all.push(...page.articles);
      if (all.length >= page.total || page.articles.length === 0) return all;
    }
  });
  if (context.json) {
    out(JSON.stringify(articles, null, 2));
    return 0;
  }
  if (articles.length === 0) out('The archive is empty: import articles with "archive-reader import <folder>".');
  for (const article of articles) {
    const date = (article.publishedAt ?? article.importedAt).slice(0, 10);
    out(
      `${String(article.id).padStart(6)}  ${date}  ${(article.lang ?? '--').padEnd(2)}  ${article.title}  (${label(article)})`,
    );
  }
  return 0;
};

function resultJson(result: SearchResult) {
  return {
    id: result.id,
    title: result.title,
    score: Number(result.score.toFixed(4)),
    matchedAll: result.matchedAll,
    snippet: snippetHtml(result.snippet),
    sourcePath: result.sourcePath,
    url: result.url,
    lang: result.lang,
    publishedAt: result.publishedAt,
  };
}

function sortOption(value: string | undefined): SearchSort {
  if (value === undefined) return 'relevance';
  const parsed = searchSort.safeParse(value);
  if (!parsed.success) throw new UsageError(`--sort takes relevance, newest or oldest, not "${value}"`);
  return parsed.data;
}

const totalText = (total: number) => (total > COUNT_CAP ? `${COUNT_CAP.toLocaleString('en')}+` : String(total));

function printFacets(facets: Output<'searchFacets'>): void {
  const { estimated, ...groups } = facets;
  for (const [name, values] of Object.entries(groups)) {
    if (values.length === 0) continue;
    const counts = values.map((f: Facet) => `${f.value ?? 'unknown'} (${estimated ? '~' : ''}${f.count})`);
    out(`${name}: ${counts.join(', ')}`);
  }
}

const searchCommand: Command = async (context) => {
  const limit = integerOption(context.limit, 'limit', 20);
  const sort = sortOption(context.sort);
  if (context.stdin) {
    return withArchive(context, false, async (call) => {
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        // A blank line is a query for nothing, not a listing of the archive.
        const { results } = line.trim() === '' ? { results: [] } : await call('search', { query: line, limit, sort });
        out(JSON.stringify(results.map(resultJson)));
      }
      return 0;
    });
  }
  const query = context.positionals.join(' ');
  if (query.trim() === '') throw new UsageError('give a query, e.g. archive-reader search "cooperation militaire"');
  const { search, facets } = await withArchive(context, false, async (call) => ({
    search: await call('search', { query, limit, sort }),
    facets: context.facets ? await call('searchFacets', { query }) : null,
  }));
  const { total, results, notice, suggestion, relaxed } = search;
  if (notice) process.stderr.write(`${notice.message}\n`);
  if (suggestion) process.stderr.write(`Did you mean: ${suggestion}\n`);
  if (context.json) {
    out(JSON.stringify(facets ? { results: results.map(resultJson), facets } : results.map(resultJson), null, 2));
    return 0;
  }
  const tty = process.stdout.isTTY === true;
  results.forEach((result, index) => {
    if (relaxed && !result.matchedAll && (index === 0 || results[index - 1]?.matchedAll)) {
      out('   — no more articles have every word; these have some of them —');
    }
    out(`${index + 1}. [${result.id}] ${result.title}  (${label(result)}, score ${result.score.toFixed(2)})`);
    out(`   ${snippetTerminal(result.snippet, tty)}`);
  });
  out(results.length === 0 ? 'No articles match.' : `\n${results.length} of ${totalText(total)} results`);
  if (facets) printFacets(facets);
  return 0;
};

const showCommand: Command = async (context) => {
  const id = Number(context.positionals[0]);
  if (!Number.isInteger(id) || id <= 0)
    throw new UsageError('give the id of an article, as printed by "list" or "search"');
  const article = await withArchive(context, false, (call) => call('getArticle', { id }));
  if (context.json) {
    out(JSON.stringify(article, null, 2));
    return 0;
  }
  out(article.title);
  const published = article.publishedAt
    ? `${article.publishedAt.slice(0, 10)}${article.publishedEstimated ? ' (estimated from the text)' : ''}`
    : `imported ${article.importedAt.slice(0, 10)}`;
  out([label(article), article.lang ?? 'language unknown', published].filter(Boolean).join(' · '));
  const minutes = readingMinutes(article.wordCount);
  out(
    [
      article.author && `by ${article.author}`,
      `${article.wordCount.toLocaleString('en')} ${article.wordCount === 1 ? 'word' : 'words'}`,
      `${minutes} min read`,
      article.capturedAt && `captured ${article.capturedAt.slice(0, 10)}`,
    ]
      .filter(Boolean)
      .join(' · '),
  );
  if (article.url) out(article.url);
  if (article.mentionedDates.length > 0) {
    out(`Dates mentioned: ${article.mentionedDates.map((mentioned) => mentioned.date).join(', ')}`);
  }
  if (article.copies.length > 0) {
    out(`Other copies (${article.copies.length}):`);
    for (const copy of article.copies) {
      const where = [
        copy.source,
        copy.url,
        copy.sourcePath,
        copy.capturedAt && `captured ${copy.capturedAt.slice(0, 10)}`,
      ];
      out(`  - ${copy.title}  (${where.filter(Boolean).join(' · ')})`);
    }
  }
  out();
  out(article.text);
  return 0;
};

export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  imports: importsCommand,
  report: reportCommand,
  list: listCommand,
  search: searchCommand,
  show: showCommand,
  serve: serveCommand,
  backup: backupCommand,
  restore: restoreCommand,
  reindex: reindexCommand,
  check: checkCommand,
  cite: citeCommand,
  export: exportCommand,
  'export-notes': exportNotesCommand,
  'export-csv': exportCsvCommand,
  bundle: runBundleCommand,
};
