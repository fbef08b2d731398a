import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A CISI document as the archive stores it. */
export interface CisiDocument {
  id: number;
  title: string;
  paragraphs: string[];
}

export interface CisiQuery {
  id: number;
  text: string;
}

export interface CisiCollection {
  documents: CisiDocument[];
  queries: CisiQuery[];
  /** Relevant document ids by query id; queries without judgements are absent. */
  relevant: Map<number, Set<number>>;
}

/** One ".I" record: each field's lines, a field given twice (several ".A" authors) keeping both. */
interface CisiRecord {
  id: number;
  fields: Map<string, string[]>;
}

// A field marker is a dot and one capital letter at the start of a line; ".I" carries the record id.
const MARKER_RE = /^\.([A-Z])(?:\s+(.*))?$/;

/** Splits a SMART-format file (.ALL, .QRY) into records; lines before the first ".I" are ignored. */
export function parseRecords(text: string): CisiRecord[] {
  const records: CisiRecord[] = [];
  let fieldLines: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    const marker = MARKER_RE.exec(line.trimEnd());
    if (marker) {
      const [, name = '', rest = ''] = marker;
      if (name === 'I') {
        const id = Number(rest);
        if (!Number.isInteger(id)) throw new Error(`CISI record id is not a number: "${line}"`);
        records.push({ id, fields: new Map() });
        fieldLines = null;
        continue;
      }
      const record = records.at(-1);
      if (!record) continue;
      fieldLines = record.fields.get(name) ?? [];
      record.fields.set(name, fieldLines);
      // The collection puts field text on the following lines, but text on the marker line is kept too.
      if (rest !== '') fieldLines.push(rest);
    } else {
      fieldLines?.push(line);
    }
  }
  return records;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A field's text as paragraphs: blank lines separate them, line breaks inside one are only wrapping. */
function paragraphs(lines: readonly string[]): string[] {
  return lines
    .join('\n')
    .split(/\n[ \t]*\n/)
    .map(collapse)
    .filter((paragraph) => paragraph !== '');
}

export function parseDocuments(text: string): CisiDocument[] {
  return parseRecords(text).map(({ id, fields }) => ({
    id,
    title: collapse((fields.get('T') ?? []).join(' ')),
    paragraphs: paragraphs(fields.get('W') ?? []),
  }));
}

/**
 * Queries are their ".W" text only: the ".T", ".A" and ".B" some carry name the paper the
 * question was taken from, which a reader typing a search would not know.
 */
export function parseQueries(text: string): CisiQuery[] {
  return parseRecords(text).map(({ id, fields }) => ({ id, text: collapse((fields.get('W') ?? []).join(' ')) }));
}

/** Judgements "query document 0 0.000000", one a line; every listed pair is relevant. */
export function parseJudgements(text: string): Map<number, Set<number>> {
  const relevant = new Map<number, Set<number>>();
  for (const line of text.split(/\r?\n/)) {
    const [query, document] = line.trim().split(/\s+/).map(Number);
    if (query === undefined || document === undefined || !Number.isInteger(query) || !Number.isInteger(document))
      continue;
    const documents = relevant.get(query) ?? new Set<number>();
    documents.add(document);
    relevant.set(query, documents);
  }
  return relevant;
}

export function readCisi(dir: string): CisiCollection {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    documents: parseDocuments(read('CISI.ALL')),
    queries: parseQueries(read('CISI.QRY')),
    relevant: parseJudgements(read('CISI.REL')),
  };
}
