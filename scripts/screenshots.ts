// Regenerates the README's screenshots from the real UI: imports the sample articles into a
// temporary archive, starts `archive-reader serve`, and photographs the pages in Chromium.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/helpers/browser.ts';
import { runCli } from '../tests/helpers/cli.ts';
import { startServe } from '../tests/helpers/serve.ts';
import { FIXTURES, ROOT, SHARED, tempArchivePath } from '../tests/helpers/temp.ts';

const OUT = join(ROOT, 'docs', 'screenshots');
const seed = join(SHARED, 'seed');
const archive = tempArchivePath();
const sources = [FIXTURES, ...(existsSync(seed) ? [seed] : [])];
const imported = runCli(['import', ...sources, '--archive', archive]);
if (imported.status !== 0) throw new Error(imported.stderr);

const server = await startServe(archive);
const browser = await launchChromium();
try {
  for (const [locale, colorScheme] of [
    ['fr-FR', 'light'],
    ['en-GB', 'dark'],
  ] as const) {
    const page = await browser.newPage({ locale, colorScheme, viewport: { width: 1200, height: 800 } });
    const suffix = `${locale.slice(0, 2)}-${colorScheme}`;
    await page.goto(`${server.url}#/search?q=${encodeURIComponent('coopération militaire')}`);
    await page.getByTestId('result-item').first().waitFor();
    await page.screenshot({ path: join(OUT, `search-${suffix}.png`) });
    await page.getByTestId('result-item').first().getByRole('link').first().click();
    await page.getByTestId('reader-body').waitFor();
    await page.screenshot({ path: join(OUT, `reader-${suffix}.png`) });
    await page.close();
  }
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.stop();
}
