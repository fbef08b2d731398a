import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { OPENABLE_EXTENSIONS } from '../../main/import/open-requests.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

interface FileAssociation {
  ext: string | string[];
  name?: string;
  mimeType?: string;
  role?: string;
  rank?: string;
}
interface BuilderConfig {
  fileAssociations?: FileAssociation[];
  electronFuses?: Record<string, boolean>;
}

// electron-builder's own loader and schema check, as `npm run dist` runs them; neither needs Electron.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger, log } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
  log: { stream: NodeJS.WritableStream };
};
// electron-builder logs to stdout, which node:test reads as its own serialised stream from a test file:
// a log line there can make the runner fail the whole file ("Unable to deserialize cloned data").
log.stream = process.stderr;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    const config = await getConfig(ROOT, null, null);
    await validateConfiguration(config, new DebugLogger(false));
  });

  it('associates .warc, .warc.gz, .zip and .bundle with the app, as a viewer, with a MIME type for Linux', async () => {
    const config = await getConfig(ROOT, null, null);
    const associations = config.fileAssociations ?? [];
    assert.deepEqual(associations.map((association) => association.ext).flat(), ['warc', 'warc.gz', 'zip', 'bundle']);
    for (const association of associations) {
      assert.equal(association.role, 'Viewer', String(association.ext));
      assert.match(association.mimeType ?? '', /^application\/[\w.+-]+$/, String(association.ext));
      assert.ok(association.name, String(association.ext));
    }
    // Never the default program for every zip file.
    assert.equal(associations.find((association) => association.ext === 'zip')?.rank, 'Alternate');
    // Every associated file is one the app imports when it is opened with it.
    for (const ext of associations.flatMap((association) => association.ext)) {
      assert.ok((OPENABLE_EXTENSIONS as readonly string[]).includes(`.${ext}`), ext);
    }
  });

  it('sets the fuses, file: without its extra privileges among them', async () => {
    const config = await getConfig(ROOT, null, null);
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
