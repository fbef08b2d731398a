import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dispatch } from '../../../archive/api/dispatch.ts';
import { createHandlers } from '../../../archive/service/handlers.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { ROOT, SHARED, tempDir } from '../../helpers/temp.ts';

const WARC = join(SHARED, 'corpora', 'warc', 'warcio-py', 'example.warc.gz');
const HTML_FIXTURES = join(ROOT, 'tests', 'fixtures', 'html');

/** The article the API gives for a report line, as the reader receives it. */
async function articleOf(archive: Awaited<ReturnType<typeof createTestArchive>>, id: number | undefined) {
  const envelope = await dispatch(createHandlers(archive.db), 'getArticle', { id });
  assert.ok(envelope.ok, JSON.stringify(envelope));
  return envelope.value as { capturedAt: string | null; publishedAt: string | null };
}

describe('capture dates', () => {
  it('stores the WARC-Date of a real WARC capture', { skip: !existsSync(WARC) && `${WARC} is absent` }, async () => {
    const archive = await createTestArchive();
    const report = await archive.importPaths([WARC]);
    const item = report.items.find((line) => line.status === 'imported');
    assert.equal(item?.title, 'Example Domain');
    // The response record's date (record 3); the revisit of 04:03:48 is skipped, not imported.
    assert.equal((await articleOf(archive, item?.articleId)).capturedAt, '2017-03-06T04:02:06Z');
    assert.equal(archive.store.summary(item?.articleId ?? 0)?.capturedAt, '2017-03-06T04:02:06Z');
  });

  it("stores a saved page's date: MHTML's Date header, SingleFile's saved date, none for a plain page", async () => {
    const folder = tempDir();
    const singleFile = join(folder, 'singlefile.html');
    const page = readFileSync(join(HTML_FIXTURES, 'niamey-solaire.html'), 'utf8');
    writeFileSync(
      singleFile,
      `<!--\n Page saved with SingleFile \n url: https://example.org/niamey \n saved date: Wed Jun 05 2024 14:30:00 GMT+0200 (Central European Summer Time)\n-->\n${page}`,
    );
    const archive = await createTestArchive();
    const report = await archive.importPaths([
      join(HTML_FIXTURES, 'tahoua-kiosks.mhtml'),
      singleFile,
      join(HTML_FIXTURES, 'village-pump.html'),
    ]);
    const dates = await Promise.all(
      report.items.map(async (item) => (await articleOf(archive, item.articleId)).capturedAt),
    );
    assert.deepEqual(dates, ['2024-06-04T10:15:00Z', '2024-06-05T12:30:00Z', null]);
  });
});
