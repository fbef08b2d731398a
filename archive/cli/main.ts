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
  to: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

export const USAGE = `Usage: archive-reader <command> [options]

Commands:
  import <files or folders...>   Import articles; folders and zips are read recursively (formats: see README)
  list                           List the articles in the archive
  search "<query>"               Search the archive (or --stdin: one query per line)
  show <id>                      Print one article
  serve                          Serve the app and its API over HTTP on 127.0.0.1
  backup [--to FILE]             Back the archive up (into backups/ beside it, keeping the newest 7)
  restore <backup-file>          Put a backup in the archive's place (the current file is kept aside)
  reindex                        Rebuild the full-text index from the stored articles
  check                          Check the archive's integrity (SQLite and the full-text index)

Options:
  --archive FILE   Archive to use (default: ${defaultArchivePath()})
  --json           Machine-readable output
  --limit N        search: results to print (default 20)
  --sort ORDER     search: relevance (default), newest, oldest, title or added
  --facets         search: also count the matches by language, year, source and tag
  --stdin          search: read one query per line, print one JSON line of results per query
  --port N         serve: port (default 4310; 0 picks a free one)
  --host ADDR      serve: address to listen on (default 127.0.0.1); on another address the API is
                   read-only unless --token is given
  --token TOKEN    serve: write methods need "Authorization: Bearer TOKEN" (or ARCHIVE_READER_TOKEN)
  --to FILE        backup: write the backup to FILE instead of the backups/ folder
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
    to: parsed.values.to,
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
