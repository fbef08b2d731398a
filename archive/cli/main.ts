import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError } from '../api/envelope.ts';
import { BackupError } from '../backup/backups.ts';
import { ArchiveDamagedError, ArchiveTooNewError, NotAnArchiveError } from '../db/errors.ts';
import { defaultArchivePath } from '../paths.ts';
import { COMMANDS, type CommandContext } from './commands.ts';
import { UsageError } from './usage-error.ts';

const OPTIONS = {
  archive: { type: 'string' },
  json: { type: 'boolean', default: false },
  limit: { type: 'string' },
  sort: { type: 'string' },
  facets: { type: 'boolean', default: false },
  stdin: { type: 'boolean', default: false },
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  lan: { type: 'boolean', default: false },
  'write-token': { type: 'boolean', default: false },
  to: { type: 'string' },
  format: { type: 'string' },
  locale: { type: 'string' },
  query: { type: 'string' },
  collection: { type: 'string' },
  tag: { type: 'string' },
  ids: { type: 'string' },
  since: { type: 'string' },
  'since-bundle': { type: 'string' },
  'with-library': { type: 'boolean', default: false },
  'no-images': { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

export const USAGE = `Usage: archive-reader <command> [options]

Commands:
  import <files or folders...>   Import articles; folders and zips are read recursively (formats: see README).
                                 Shows progress on stderr; Ctrl-C cancels (what was read is kept: run it
                                 again to finish); every run's report is kept in the archive
  imports                        List the import runs, newest first (--limit N, default 20)
  report <run>                   Print one import run's report: every file, its status and why
  list                           List the articles in the archive
  search "<query>"               Search the archive (or --stdin: one query per line)
  show <id>                      Print one article
  serve                          Serve the app and its API over HTTP on 127.0.0.1
  backup [--to FILE]             Back the archive up (into backups/ beside it, keeping the newest 7)
  restore <backup-file>          Put a backup in the archive's place (the current file is kept aside)
  reindex                        Rebuild the full-text index from the stored articles
  check                          Check the archive's integrity (SQLite and the full-text index)
  bundle <out-file>              Export articles as one portable bundle file (import it with "import"); --dry-run
                                 prints its estimated size only
  cite <ids...> | --query Q      Citations of articles: --format bibtex (default), ris, csl-json, apa or chicago
  export <id> --format md|html   One article with its highlights and notes, as Markdown or standalone HTML
  export-notes --to DIR          Every article's highlights and notes, one Markdown file per article
  export-csv                     The library's metadata as CSV (every article, or --query Q's matches)

Options:
  --archive FILE   Archive to use (default: ${defaultArchivePath()})
  --json           Machine-readable output
  --limit N        search: results to print (default 20); imports: runs to list (default 20)
  --sort ORDER     search: relevance (default), newest, oldest, title, source or added
  --facets         search: also count the matches by language, year, source and tag
  --stdin          search: read one query per line, print one JSON line of results per query
  --port N         serve: port (default 4310; 0 picks a free one)
  --host ADDR      serve: address to listen on (default 127.0.0.1); on another address the API is
                   read-only unless --token is given
  --token TOKEN    serve: write methods need "Authorization: Bearer TOKEN" (or ARCHIVE_READER_TOKEN)
  --lan            serve: also listen on this machine's private network addresses (read-only unless a
                   token is given) and print them as text and a QR code; ?lite in the address: text only
  --write-token    serve: make up a token for changes and print it once (with --lan, as a write link)
  --to FILE        backup: write the backup to FILE instead of the backups/ folder; cite, export,
                   export-csv: write to FILE instead of printing; export-notes: the folder to write into
  --format F       cite: bibtex, ris, csl-json, apa or chicago (author-date); export: md or html
  --locale en|fr   cite, export, export-notes: the language of formatted citations and exported files
  --query Q        cite, export-csv: the articles a query matches (same syntax as search; "" for all)
  bundle: what goes in (the whole archive when none is given):
  --collection NAME  a collection and those inside it      --tag T       articles with a tag
  --query Q          the articles a query matches           --ids 1,2,3   chosen articles
  --since DATE       only what was added or changed after DATE (2026-11-01)
  --since-bundle F   only what was added or changed since bundle F was made (a delta)
  --with-library     carry tags, bookmarks, reading status, highlights, notes and collections
  --no-images        leave the articles' images out
  --dry-run          print the estimated size and stop
  -h, --help       Show this help

Search syntax:
  cooperation militaire   articles with both words, in any inflected form (coopérations, COOPERATION...);
                          when fewer than a page have both, the list goes on with those that have one
  "armée de terre"        an exact phrase
  niger -mali             leave out articles that mention a word (on the command line: search -- "niger -mali")
  niger OR mali           either word
  coop*                   words starting with "coop"
  title:niger             a word (or "phrase") in the title
  author:diallo           author, source or tag containing or equal to a value (source:"Le Sahel", tag:sahel)
  lang:fr                 articles in one language (ISO 639-1 code)
  year:2024               published in 2024
  after:2024-01           published from January 2024 on (a year, month or day)
  before:2024-04-30       published before 30 April 2024
  is:bookmarked           bookmarked articles; also is:unread, is:reading, is:read
  Any filter can be negated with a minus (-lang:en). What cannot be read as syntax is searched as words.
`;

/** Runs the CLI; returns the exit code (0 ok, 1 failed, 2 bad usage). */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`archive-reader: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [name, ...positionals] = parsed.positionals;
  if (parsed.values.help || !name) {
    (name || parsed.values.help ? process.stdout : process.stderr).write(USAGE);
    return name || parsed.values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`archive-reader: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const context: CommandContext = {
    archivePath: parsed.values.archive ?? defaultArchivePath(),
    json: parsed.values.json,
    limit: parsed.values.limit,
    sort: parsed.values.sort,
    facets: parsed.values.facets,
    stdin: parsed.values.stdin,
    port: parsed.values.port,
    host: parsed.values.host,
    token: parsed.values.token ?? (process.env.ARCHIVE_READER_TOKEN || undefined),
    lan: parsed.values.lan,
    writeToken: parsed.values['write-token'],
    to: parsed.values.to,
    format: parsed.values.format,
    locale: parsed.values.locale,
    query: parsed.values.query,
    bundle: {
      collection: parsed.values.collection,
      tag: parsed.values.tag,
      query: parsed.values.query,
      ids: parsed.values.ids,
      since: parsed.values.since,
      sinceBundle: parsed.values['since-bundle'],
      withLibrary: parsed.values['with-library'],
      noImages: parsed.values['no-images'],
      dryRun: parsed.values['dry-run'],
    },
    positionals,
  };
  try {
    return await command(context);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`archive-reader ${name}: ${error.message}\n`);
      return 2;
    }
    const known =
      error instanceof ApiError ||
      error instanceof ArchiveTooNewError ||
      error instanceof NotAnArchiveError ||
      error instanceof ArchiveDamagedError ||
      error instanceof BackupError;
    process.stderr.write(
      `archive-reader ${name}: ${known ? error.message : ((error as Error).stack ?? String(error))}\n`,
    );
    return 1;
  }
}
