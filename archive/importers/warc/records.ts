import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import { ByteReader } from './byte-reader.ts';
import { GzipDamage, gunzipMembers } from './gzip-members.ts';

/** A WARC record's header block, fields by lower-case name (repeated fields joined by ", "). */
export type WarcHeaders = ReadonlyMap<string, string>;

/** What is known of a record before its block is read: enough to decide how much of the block to keep. */
export interface RecordHead {
  /** 1-based, in file order; the same on every read of the same file. */
  number: number;
  /** Lower-case WARC-Type ("response", "revisit"…); empty when the record has none. */
  type: string;
  headers: WarcHeaders;
  contentLength: number;
}

export interface WarcRecord extends RecordHead {
  kind: 'record';
  /** The first bytes of the record's block: as many as asked for, up to the whole block. */
  block: Buffer;
  /** Whether `block` is the whole block. */
  complete: boolean;
}

/** A stretch of the file that is not a well-formed record: reported, then reading goes on after it. */
export interface BrokenRecord {
  kind: 'broken';
  number: number;
  message: string;
}

export type WarcItem = WarcRecord | BrokenRecord;

/** How many bytes of a record's block to keep; the rest is skipped without being held. */
export type KeepPolicy = (head: RecordHead) => number;

const MAX_LINE = 64 * 1024;
const MAX_HEADER_BYTES = 1024 * 1024;
/**
 * At least this much of every block is kept, so that a record whose length is wrong can be cut where it
 * really ends, and the records a length running past the end of the file swallowed can be put back.
 */
const SMALL_BLOCK = 64 * 1024;
/** Where a record may start when reading resumes after damage: anywhere, as garbage may be glued to its front. */
const RECORD_START = Buffer.from('WARC/');
const RECORD_BOUNDARY = Buffer.from('\nWARC/');
const VERSION_LINE = /^WARC\/\d+\.\d+\r?\n$/;
/** A version line among the headers, on a line of its own or glued to the end of one: the next record starts there. */
const NEXT_VERSION = /WARC\/\d+\.\d+\r?\n$/;
const isNewline = (byte: number | undefined) => byte === 10 || byte === 13;
const isBlankLine = (line: Buffer) => line.every((byte) => isNewline(byte));

/** A line's start as text for a message: printable ASCII only, shortened. */
function quote(bytes: Buffer): string {
  const text = bytes
    .subarray(0, 40)
    .toString('latin1')
    .replace(/[\r\n]+$/, '')
    .replace(/[^\x20-\x7e]/g, '·')
    .trimEnd();
  return `"${text}${bytes.length > 40 ? '…' : ''}"`;
}

function describeRecord(type: string, headers: WarcHeaders): string {
  const uri = targetUri(headers);
  return `${type || 'untyped'} record${uri ? ` of ${uri}` : ''}`;
}

/**
 * The record's WARC-Target-URI as a usable URL: wget writes it in angle brackets, and some
 * crawlers leave spaces in it.
 */
export function targetUri(headers: WarcHeaders): string | null {
  const raw = headers.get('warc-target-uri')?.trim();
  if (!raw) return null;
  return (
    raw
      .replace(/^<(.*)>$/, '$1')
      .trim()
      .replace(/ /g, '%20') || null
  );
}

/** Where reading is, shared with the caller so that a failure of the stream itself can name the record. */
interface ReadState {
  number: number;
  inRecord: boolean;
  /** " at byte N" for a plain file; nothing for a compressed one, whose offsets in its decompressed data help no one. */
  at: (offset: number) => string;
}

/**
 * The records of an uncompressed WARC stream, in order. A record that does not end where its
 * Content-Length says, or whose headers cannot be read, is reported as broken and reading goes on
 * at the next line that starts a record; a record cut short by the end of the file ends the file.
 */
async function* readRecords(reader: ByteReader, keep: KeepPolicy, state: ReadState): AsyncGenerator<WarcItem> {
  const broken = (message: string): BrokenRecord => ({ kind: 'broken', number: state.number, message });
  const resync = () => reader.skipTo(RECORD_START);
  for (;;) {
    state.inRecord = false;
    let line: Buffer | null;
    do line = await reader.readLine(MAX_LINE);
    while (line && isBlankLine(line));
    if (!line) return;
    const start = reader.offset - line.length;
    state.number++;
    state.inRecord = true;

    if (!VERSION_LINE.test(line.toString('latin1'))) {
      // Garbage glued to the front of a record (no line end between them): the record is read from its
      // start, even when the garbage itself holds "WARC/".
      let glued = line.indexOf(RECORD_START, 1);
      while (glued > 0 && !VERSION_LINE.test(line.subarray(glued).toString('latin1')))
        glued = line.indexOf(RECORD_START, glued + 1);
      if (glued > 0) reader.unread(line.subarray(glued));
      else await resync();
      const skipped = reader.offset - start;
      yield broken(`no WARC record starts${state.at(start)} (found ${quote(line)}); ${skipped} bytes skipped`);
      continue;
    }

    // The header block: "Name: value" lines up to an empty line; a line starting with a space continues the last.
    const headers = new Map<string, string>();
    let headerBytes = 0;
    let lastName: string | null = null;
    let headerProblem: string | null = null;
    // A version line among the headers: this record's were cut short and the next record starts there.
    let nextRecord: Buffer | null = null;
    for (;;) {
      const headerLine = await reader.readLine(MAX_LINE);
      if (!headerLine) {
        yield broken(`the file ends inside the headers of the record${state.at(start)}`);
        return;
      }
      headerBytes += headerLine.length;
      if (isBlankLine(headerLine)) break;
      const next = NEXT_VERSION.exec(headerLine.toString('latin1'));
      if (next) {
        nextRecord = headerLine.subarray(next.index);
        break;
      }
      if (headerBytes > MAX_HEADER_BYTES || headerLine[headerLine.length - 1] !== 10) {
        headerProblem = `the headers of the record${state.at(start)} are too long to be WARC headers`;
        break;
      }
      const text = headerLine.toString('utf8').replace(/\r?\n$/, '');
      if ((text.startsWith(' ') || text.startsWith('\t')) && lastName) {
        headers.set(lastName, `${headers.get(lastName) ?? ''} ${text.trim()}`);
        continue;
      }
      const colon = text.indexOf(':');
      if (colon <= 0) continue;
      lastName = text.slice(0, colon).trim().toLowerCase();
      const value = text.slice(colon + 1).trim();
      const previous = headers.get(lastName);
      headers.set(lastName, previous === undefined ? value : `${previous}, ${value}`);
    }
    if (nextRecord) {
      reader.unread(nextRecord);
      yield broken(`the headers of the record${state.at(start)} are cut short by the next record`);
      continue;
    }
    const type = (headers.get('warc-type') ?? '').toLowerCase();
    const lengthField = headers.get('content-length') ?? '';
    if (!headerProblem && !/^\d+$/.test(lengthField)) {
      headerProblem = `the ${describeRecord(type, headers)}${state.at(start)} has ${
        lengthField ? `an invalid Content-Length ("${lengthField}")` : 'no Content-Length'
      }`;
    }
    if (headerProblem) {
      await resync();
      yield broken(headerProblem);
      continue;
    }

    const contentLength = Number(lengthField);
    const head: RecordHead = { number: state.number, type, headers, contentLength };
    const kept = Math.min(contentLength, Math.max(keep(head), SMALL_BLOCK));
    const block = await reader.read(kept);
    const rest = block.length === kept ? await reader.skip(contentLength - kept) : 0;
    if (block.length + rest < contentLength) {
      // A Content-Length past the end of the file: when the rest of the file was read into the block,
      // the records it swallowed are put back, so a lying length loses only its own record.
      const boundary = rest === 0 ? recordStartIn(block) : -1;
      if (boundary !== -1) {
        reader.unread(block.subarray(boundary));
        yield broken(
          `the ${describeRecord(type, headers)}${state.at(start)} declares ${contentLength} bytes, more than the ` +
            'file holds (it runs into the next record): it is left out',
        );
        continue;
      }
      yield broken(
        `the ${describeRecord(type, headers)} is cut short: it declares ${contentLength} bytes and the file ends after ${
          block.length + rest
        }`,
      );
      return;
    }

    // Records end with two CRLFs. Writers differ on the count, so a run of line ends followed by the next
    // record (or the end of the file) will do; so will two line ends followed by anything, which is then
    // reported on its own.
    const whole: WarcRecord = { kind: 'record', ...head, block, complete: kept === contentLength };
    const trailer: number[] = [];
    let next: Buffer;
    try {
      for (
        let byte = (await reader.peek(1))[0];
        isNewline(byte) && trailer.length < 64;
        byte = (await reader.peek(1))[0]
      ) {
        trailer.push(byte as number);
        await reader.skip(1);
      }
      next = await reader.peek(5);
    } catch (error) {
      // The stream failed past this record (damaged compressed data): the record itself is whole.
      state.inRecord = false;
      yield whole;
      throw error;
    }
    const boundary = kept === contentLength ? recordStartIn(block) : -1;
    // The end of the file, or two line ends before something else, pass too, unless the block holds a
    // record's start: then the length ran into that record and by chance stopped on a blank line of it.
    const ended = next.length === 0 || trailer.filter((byte) => byte === 10).length >= 2;
    if (next.toString('latin1') === 'WARC/' || (ended && boundary === -1)) {
      yield whole;
      continue;
    }

    // The record does not end where its Content-Length says.
    if (boundary !== -1) {
      // Too long: it swallowed the start of the next record, which is put back to be read.
      reader.unread(Buffer.from(trailer));
      reader.unread(block.subarray(boundary));
    } else {
      // The next record may start just before the block's end, its version line cut in two: look from there.
      if (kept === contentLength) {
        reader.unread(Buffer.from(trailer));
        reader.unread(block.subarray(Math.max(0, block.length - 16)));
      }
      await resync();
    }
    yield broken(
      `the ${describeRecord(type, headers)}${state.at(start)} does not end where its Content-Length ` +
        `(${contentLength}) says${boundary !== -1 ? ' (it runs into the next record)' : ''}: it is left out`,
    );
  }
}

/** Where a record's version line, at the start of a line, first stands in a block; -1 when nowhere. */
function recordStartIn(block: Buffer): number {
  for (let at = block.indexOf(RECORD_BOUNDARY); at !== -1; at = block.indexOf(RECORD_BOUNDARY, at + 1)) {
    if (
      VERSION_LINE.test(
        block
          .subarray(at + 1, at + 16)
          .toString('latin1')
          .replace(/\n[^]*$/, '\n'),
      )
    )
      return at + 1;
  }
  return -1;
}

/** Whether the file starts as gzip does. */
function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(3);
    return readSync(fd, magic, 0, 3, 0) === 3 && magic[0] === 0x1f && magic[1] === 0x8b && magic[2] === 8;
  } finally {
    closeSync(fd);
  }
}

/**
 * The next place at or after `from` where a gzip member starts whose text starts a WARC record: where
 * reading can resume after damaged compressed data (WARC files compress each record as its own member).
 */
function nextRecordMember(path: string, from: number): number | null {
  const fd = openSync(path, 'r');
  try {
    const window = Buffer.alloc(1024 * 1024);
    for (let position = from; ;) {
      const read = readSync(fd, window, 0, window.length, position);
      if (read < 3) return null;
      const bytes = window.subarray(0, read);
      for (let index = bytes.indexOf(0x1f); index !== -1 && index + 2 < read; index = bytes.indexOf(0x1f, index + 1)) {
        if (bytes[index + 1] !== 0x8b || bytes[index + 2] !== 8) continue;
        const probe = Buffer.alloc(64 * 1024);
        const length = readSync(fd, probe, 0, probe.length, position + index);
        try {
          const text = gunzipSync(probe.subarray(0, length), { finishFlush: constants.Z_SYNC_FLUSH });
          if (text.subarray(0, 5).toString('latin1') === 'WARC/') return position + index;
        } catch {
          // Not a member start after all: the bytes only looked like one.
        }
      }
      position += read - 2;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Every record of a WARC file, `.warc` or `.warc.gz` (told by its first bytes, not its name),
 * streamed: only the kept part of each block is held. Damaged compressed data is reported as a
 * broken record and reading resumes at the next record's gzip member, when there is one.
 */
export async function* readWarcFile(path: string, keep: KeepPolicy): AsyncGenerator<WarcItem> {
  if (!isGzipFile(path)) {
    yield* readRecords(new ByteReader(createReadStream(path, { highWaterMark: 1024 * 1024 })), keep, {
      number: 0,
      inRecord: false,
      at: (offset) => ` at byte ${offset}`,
    });
    return;
  }
  const state: ReadState = { number: 0, inRecord: false, at: () => '' };
  for (let start = 0; ;) {
    try {
      yield* readRecords(new ByteReader(gunzipMembers(path, start)), keep, state);
      return;
    } catch (error) {
      if (!(error instanceof GzipDamage)) throw error;
      // A damaged member may end a few bytes early or late, so its 8-byte trailer can cover the next
      // member's first bytes: look from just before where the header was expected (always past `start`),
      // or, when none was found there, from the member before it, which may have inflated on into the next.
      const from = error.previousStart === null ? error.memberStart - 8 : error.previousStart + 1;
      const resume = nextRecordMember(path, Math.max(start + 1, from));
      if (!state.inRecord) state.number++;
      yield {
        kind: 'broken',
        number: state.number,
        message: `the compressed data is damaged in the gzip member at byte ${error.memberStart} (${error.message}); ${
          resume === null ? 'the rest of the file cannot be read' : `reading resumes at byte ${resume}`
        }`,
      };
      if (resume === null) return;
      start = resume;
    }
  }
}
