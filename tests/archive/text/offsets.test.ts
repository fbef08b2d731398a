import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packOffsets, unpackOffsets } from '../../../archive/text/offsets.ts';

describe('packed term offsets', () => {
  it('round-trips small and large offsets', () => {
    const offsets = [0, 5, 6, 12, 200, 230, 70_000, 70_004, 4_000_000_000, 4_000_000_100];
    assert.deepEqual([...unpackOffsets(packOffsets(offsets))], offsets);
    assert.deepEqual([...unpackOffsets(packOffsets([]))], []);
  });

  it('takes about two bytes per word of ordinary text', () => {
    const offsets: number[] = [];
    for (let i = 0, at = 0; i < 1000; i++, at += 8) offsets.push(at, at + 7);
    assert.ok(packOffsets(offsets).length <= 2000);
  });
});
