import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { READABILITY_PAGES, readReadabilityCases } from '../../../../bench/import-quality/corpora.ts';
import { shingleF1 } from '../../../../bench/import-quality/metrics.ts';
import { plainText } from '../../../../bench/import-quality/plain-text.ts';
import { ours } from '../../../../bench/import-quality/systems.ts';

// A handful of Mozilla's test pages, French ones first; `npm run bench:import` runs all of them.
const PAGES = ['lemonde-1', 'liberation-1', 'nytimes-1', 'guardian-1', 'wapo-1', 'rtl-1'];
const present = existsSync(READABILITY_PAGES);
if (!present) console.log(`Notice: ${READABILITY_PAGES} is absent; the Readability test pages are skipped.`);

describe('Mozilla Readability test pages', { skip: !present }, () => {
  for (const page of present ? readReadabilityCases(READABILITY_PAGES, PAGES) : []) {
    it(`${page.name}: the expected title, and the expected text (shingle F1 ≥ 0.95)`, () => {
      const result = ours(page);
      assert.ok(result, 'an article is found');
      assert.equal(result.title, page.expectedTitle.replace(/\s+/g, ' ').trim());
      const f1 = shingleF1(result.text, plainText(page.expectedHtml));
      assert.ok(f1 >= 0.95, `text F1 ${f1.toFixed(3)}`);
    });
  }
});
