import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MethodName } from '../../archive/api/contract.ts';
import type { Envelope } from '../../archive/api/envelope.ts';
import { TRANSLATIONS } from '../../main/i18n/strings.ts';
import { MAX_PATHS_PER_IMPORT } from '../../main/import/open-requests.ts';
import { importSummary, runImport } from '../../main/import/run-import.ts';

function host(answer: (paths: string[]) => Envelope<unknown>) {
  const calls: { method: MethodName; args: unknown }[] = [];
  return {
    calls,
    async call(method: MethodName, args: unknown) {
      calls.push({ method, args });
      return answer((args as { paths: string[] }).paths);
    },
  };
}

const report = (paths: string[]) => ({
  ok: true as const,
  value: { imported: paths.length, duplicates: 0, skipped: 0, failed: 0, items: [] },
});

describe('runImport', () => {
  it('imports through the contract in batches and adds the reports up', async () => {
    const fake = host(report);
    const paths = Array.from({ length: MAX_PATHS_PER_IMPORT + 5 }, (_, i) => `/articles/${i}.txt`);
    const outcome = await runImport(fake, paths);
    assert.deepEqual(outcome, { ok: true, total: { imported: paths.length, duplicates: 0, skipped: 0, failed: 0 } });
    assert.deepEqual(
      fake.calls.map((call) => [call.method, (call.args as { paths: string[] }).paths.length]),
      [
        ['importPaths', MAX_PATHS_PER_IMPORT],
        ['importPaths', 5],
      ],
    );
  });

  it('does not call the archive with nothing to import', async () => {
    const fake = host(report);
    assert.deepEqual(await runImport(fake, []), {
      ok: true,
      total: { imported: 0, duplicates: 0, skipped: 0, failed: 0 },
    });
    assert.deepEqual(fake.calls, []);
  });

  it('validates paths as the IPC handler does, before the worker sees them', async () => {
    const fake = host(report);
    const outcome = await runImport(fake, ['']);
    assert.equal(outcome.ok, false);
    assert.match(!outcome.ok ? outcome.message : '', /importPaths/);
    assert.deepEqual(fake.calls, []);
  });

  it('stops at a failed batch and keeps what was counted before it', async () => {
    let call = 0;
    const fake = host((paths) =>
      ++call === 1 ? report(paths) : { ok: false, error: { code: 'internal', message: 'disk full' } },
    );
    const paths = Array.from({ length: MAX_PATHS_PER_IMPORT * 2 }, (_, i) => `/a/${i}.md`);
    assert.deepEqual(await runImport(fake, paths), {
      ok: false,
      total: { imported: MAX_PATHS_PER_IMPORT, duplicates: 0, skipped: 0, failed: 0 },
      message: 'disk full',
    });
  });
});

describe('importSummary', () => {
  it('words the counts in the UI language', () => {
    const total = { imported: 3, duplicates: 1, skipped: 2, failed: 0 };
    assert.equal(importSummary(TRANSLATIONS.en, total), '3 imported, 1 already in the archive, 2 skipped, 0 failed.');
    assert.equal(
      importSummary(TRANSLATIONS.fr, total),
      '3 importé(s), 1 déjà dans l’archive, 2 ignoré(s), 0 en échec.',
    );
  });
});
