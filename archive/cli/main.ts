import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError } from '../api/envelope.ts';
import { ArchiveTooNewError, NotAnArchiveError } from '../db/errors.ts';
import { defaultArchivePath } from '../paths.ts';
import { COMMANDS, type CommandContext } from './commands.ts';
import { UsageError } from './usage-error.ts';

const OPTIONS = {
  archive: { type: 'string' },
  json: { type: 'boolean', default: false },
  limit: { type: 'string' },
  stdin: { type: 'boolean', default: false },
  port: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

export const USAGE = `Usage: archive-reader <command> [options]

Commands:
  import <files or folders...>   Import articles (.txt, .md); folders are read recursively
  list                           List the articles in the archive
  search "<query>"               Search the archive (or --stdin: one query per line)
  show <id>                      Print one article
  serve                          Serve the app and its API over HTTP on 127.0.0.1

Options:
  --archive FILE   Archive to use (default: ${defaultArchivePath()})
  --json           Machine-readable output
  --limit N        Results per search (default 20)
  --stdin          search: read one query per line, print one JSON line of results per query
  --port N         serve: port (default 4310; 0 picks a free one)
  --host ADDR      serve: address to listen on (default 127.0.0.1)
  -h, --help       Show this help

Search syntax:
  cooperation militaire   articles with both words, in any inflected form (coopérations, COOPERATION...)
  "armée de terre"        an exact phrase
  niger -mali             leave out articles that mention a word
  niger OR mali           either word
  coop*                   words starting with "coop"
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
    stdin: parsed.values.stdin,
    port: parsed.values.port,
    host: parsed.values.host,
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
      error instanceof ApiError || error instanceof ArchiveTooNewError || error instanceof NotAnArchiveError;
    process.stderr.write(
      `archive-reader ${name}: ${known ? error.message : ((error as Error).stack ?? String(error))}\n`,
    );
    return 1;
  }
}
