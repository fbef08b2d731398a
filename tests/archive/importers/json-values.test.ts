import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidJsonError, jsonValues } from '../../../archive/importers/json-values.ts';

const chunked = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size));

describe('jsonValues', () => {
  const FEED = '\uFEFF{"version": "1.1", "items": [{"id": 1, "t": "é\\u00e9"}, {"id": 2}], "title": "Fil"}';

  it('gives the values asked for as each is complete, wherever the chunks end', () => {
    for (const size of [1, 3, 1000]) {
      assert.deepEqual(
        [...jsonValues(chunked(FEED, size), ['$.version', '$.title', '$.items.*'])],
        [
          { key: 'version', value: '1.1', depth: 1 },
          { key: 0, value: { id: 1, t: 'éé' }, depth: 2 },
          { key: 1, value: { id: 2 }, depth: 2 },
          { key: 'title', value: 'Fil', depth: 1 },
        ],
        `chunks of ${size}`,
      );
    }
  });

  it('gives the values before the damage, then says what is wrong', () => {
    const seen: unknown[] = [];
    assert.throws(
      () => {
        for (const found of jsonValues(['[{"a": 1}, {"b"', ': 2}, {oops'], ['$.*'])) seen.push(found.value);
      },
      (error: unknown) => error instanceof InvalidJsonError && /Unexpected "o"/.test(error.message),
    );
    assert.deepEqual(seen, [{ a: 1 }, { b: 2 }]);
    assert.throws(() => [...jsonValues(['[1, 2'], ['$.*'])], InvalidJsonError, 'a file cut short');
  });

  it('holds one value at a time: 100,000 entries stream through', () => {
    const entry = JSON.stringify({ title: 'Un titre', content: `<p>${'La saison des pluies. '.repeat(80)}</p>` });
    function* file() {
      yield '[';
      for (let index = 0; index < 100_000; index++) yield `${index ? ',' : ''}${entry}`;
      yield ']';
    }
    const before = process.memoryUsage().rss;
    let count = 0;
    let peak = 0;
    for (const found of jsonValues(file(), ['$.*'])) {
      count += 1;
      assert.equal((found.value as { title: string }).title, 'Un titre');
      if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().rss - before);
    }
    assert.equal(count, 100_000);
    // The file is 180 MB of text: held whole, it would take at least that.
    assert.ok(peak < 100 * 1048576, `memory grew by ${Math.round(peak / 1048576)} MB`);
  });
});
