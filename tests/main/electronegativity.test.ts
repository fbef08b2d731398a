import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * electronegativity (Doyensec's Electron security linter) over main/, as `npm run audit:electron`
 * runs it: every finding of MEDIUM severity or above must be fixed or explained in
 * main/electronegativity-allowlist.json. The findings are also written as CSV, to
 * $ELECTRONEGATIVITY_CSV or a temp file, for a person to read.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ELECTRON_VERSION = '45.5.0';
const require = createRequire(import.meta.url);

interface Level {
  name: string;
  value: number;
}
interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  sample?: string;
  description: string;
}
interface AllowedFinding {
  id: string;
  file: string;
  reason: string;
  enforcedBy: string[];
}
type Run = (
  options: Record<string, unknown>,
) => Promise<{ issues: Issue[]; errors: { file: string; message: string }[] }>;

const ALLOWLIST = JSON.parse(readFileSync(join(ROOT, 'main', 'electronegativity-allowlist.json'), 'utf8')) as {
  findings: AllowedFinding[];
};

/**
 * The tool fetches its translations and Electron's release list with `got` on every run. This
 * project runs offline and must not reach out, so `got` is replaced, before the tool loads, by one
 * that fails at once; the tool then uses its bundled English strings. The release check (which
 * needs that list) is left out.
 */
function offlineElectronegativity(): Run {
  const entry = require.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(entry).resolve('got');
  const refuse = () => Promise.reject(new Error('electronegativity runs offline here'));
  const offline = Object.assign(refuse, { head: refuse, get: refuse, __esModule: true });
  Object.assign(offline, { default: offline });
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
  } as unknown as NodeJS.Module;
  return require(entry) as Run;
}

const key = (finding: { id: string; file: string }) => `${finding.id} ${finding.file}`;

describe('electronegativity over main/', () => {
  it('finds nothing of MEDIUM severity or above that is not fixed or explained', async () => {
    const run = offlineElectronegativity();
    const csv = process.env.ELECTRONEGATIVITY_CSV || join(tmpdir(), 'archive-reader-electronegativity.csv');
    const log = console.log;
    let report: Awaited<ReturnType<Run>>;
    try {
      console.log = () => {}; // the tool's progress and "no connectivity" chatter
      report = await run({
        input: join(ROOT, 'main'),
        output: csv,
        isSarif: false,
        isRelative: true,
        isVerbose: false,
        customScan: [],
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        electronVersionOverride: ELECTRON_VERSION,
        parserPlugins: [],
      });
    } finally {
      console.log = log;
    }
    // A file it could not parse would be a file it never checked.
    assert.deepEqual(report.errors, []);

    const serious = report.issues.filter((issue) => issue.severity.value >= 2);
    const allowed = new Set(ALLOWLIST.findings.map(key));
    const unexplained = serious.filter((issue) => !allowed.has(key(issue)));
    assert.deepEqual(
      unexplained.map(
        (issue) => `${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line} ${issue.description}`,
      ),
      [],
      'fix these, or explain them in main/electronegativity-allowlist.json',
    );
    const found = new Set(serious.map(key));
    assert.deepEqual(
      ALLOWLIST.findings.filter((finding) => !found.has(key(finding))).map(key),
      [],
      'these allowlist entries match no finding any more: remove them',
    );
    assert.ok(existsSync(csv));
    console.log(
      `electronegativity: ${report.issues.length} findings (${serious.length} MEDIUM+, all explained); CSV at ${csv}`,
    );
  });

  it('explains every allowed finding and names existing tests that enforce it', () => {
    assert.ok(ALLOWLIST.findings.length > 0);
    for (const finding of ALLOWLIST.findings) {
      assert.match(finding.id, /^[A-Z_]+_CHECK$/, finding.id);
      assert.ok(finding.reason.length > 40, `${finding.id} needs a real reason`);
      assert.ok(finding.enforcedBy.length > 0, finding.id);
      for (const test of finding.enforcedBy) assert.ok(existsSync(join(ROOT, test)), `${finding.id}: ${test}`);
    }
  });
});
