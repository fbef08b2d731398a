import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../../helpers/temp.ts';
import { articlePage, http, record } from './build-warc.ts';

const IMPORTER = fileURLToPath(new URL('../../../../archive/importers/warc/warc-file.ts', import.meta.url));
const MB = 1024 * 1024;

/** Imports a WARC in a fresh process; returns its article count and peak resident memory in MB. */
function importInChild(path: string): { articles: number; peakMb: number } {
  const script = `
    const { warcFileImporter } = await import(${JSON.stringify(IMPORTER)});
    let articles = 0;
    for await (const entry of warcFileImporter.read(${JSON.stringify(path)})) if (entry.kind === 'article') articles++;
    console.log(JSON.stringify({ articles, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!) as { articles: number; peakMb: number };
}

/** Writes a WARC with two 100 MB records (written a megabyte at a time) around a page. */
function writeLargeWarc(path: string): void {
  const fd = openSync(path, 'w');
  const page = (n: number) =>
    record(
      'response',
      `https://example.org/${n}`,
      http(200, { 'Content-Type': 'text/html' }, articlePage(`Page ${n}`, 'Lead.')),
    );
  const large = (n: number) => {
    const head = record('resource', `https://example.org/video${n}.mp4`, '', {
      contentType: 'video/mp4',
      contentLength: 100 * MB,
    });
    // The record as built ends with its (empty) block and the CRLFs: put the 100 MB between them.
    writeSync(fd, head.subarray(0, head.length - 4));
    const megabyte = Buffer.alloc(MB, n);
    for (let written = 0; written < 100; written++) writeSync(fd, megabyte);
    writeSync(fd, '\r\n\r\n');
  };
  writeSync(fd, page(1));
  large(1);
  writeSync(fd, page(2));
  large(2);
  writeSync(fd, page(3));
  closeSync(fd);
}

describe('WARC import memory', () => {
  it('streams a WARC: records of 100 MB are skipped without being held', () => {
    const dir = tempDir();
    const small = join(dir, 'small.warc');
    const large = join(dir, 'large.warc');
    writeLargeWarc(large);
    const fd = openSync(small, 'w');
    writeSync(
      fd,
      record(
        'response',
        'https://example.org/1',
        http(200, { 'Content-Type': 'text/html' }, articlePage('Page 1', 'Lead.')),
      ),
    );
    closeSync(fd);

    const baseline = importInChild(small);
    // The better of two runs: the skipped chunks are garbage, and how much of it a busy machine's
    // collector lets pile up before a collection varies from run to run.
    const runs = [importInChild(large), importInChild(large)];
    const measured = runs.reduce((best, run) => (run.peakMb < best.peakMb ? run : best));
    assert.equal(measured.articles, 3);
    assert.ok(
      measured.peakMb - baseline.peakMb < 60,
      `peak memory ${measured.peakMb} MB for a 200 MB WARC, against ${baseline.peakMb} MB for a tiny one`,
    );
  });
});
