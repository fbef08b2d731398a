import { parse } from 'csv-parse/sync';
import type { FileImporter, ImportedEntry } from '../file-importer.ts';
import { readExportText } from './common.ts';
import { isPocketCsv, pocketCsvItems, pocketEntries } from './pocket.ts';
import { isReadwiseCsv, readwiseEntries } from './readwise.ts';

const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** A CSV file's rows as records keyed by its header's column names. */
export function readCsv(text: string): { columns: string[]; rows: Record<string, string>[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw new Error(`the CSV file cannot be read (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  const [header = [], ...body] = records;
  const columns = header.map((name) => name.trim());
  const rows = body.map((record) => Object.fromEntries(columns.map((name, i) => [name, record[i] ?? ''])));
  return { columns, rows };
}

/**
 * CSV exports of other readers, told apart by their header, not their name: Pocket's
 * (title,url,time_added,tags,status) and Readwise's (Highlight,Book Title,…). Any other CSV is
 * skipped with the reason.
 */
export const csvExportImporter: FileImporter = {
  name: 'CSV export',
  extensions: ['.csv'],
  *read(path): Iterable<ImportedEntry> {
    const { columns, rows } = readCsv(readExportText(path, MAX_FILE_BYTES, 'CSV files'));
    if (isReadwiseCsv(columns)) yield* readwiseEntries(rows);
    else if (isPocketCsv(columns)) yield* pocketEntries(pocketCsvItems(rows));
    else
      yield {
        kind: 'skipped',
        message: `not an export this app reads (Pocket or Readwise CSV); its columns are ${columns.slice(0, 6).join(', ') || 'none'}`,
      };
  },
};
