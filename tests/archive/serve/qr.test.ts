import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import QRCode from 'qrcode';
import { qrSvg, qrTerminal } from '../../../archive/serve/qr.ts';

/** The modules drawn by the plain half-block QR code (2 modules a character row), quiet zone cut off. */
function modulesOf(drawing: string, margin: number): boolean[][] {
  const rows: boolean[][] = [];
  for (const line of drawing.split('\n')) {
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    for (const char of line) {
      top.push(char === '█' || char === '▀');
      bottom.push(char === '█' || char === '▄');
    }
    rows.push(top, bottom);
  }
  return rows.slice(margin, rows.length - margin).map((row) => row.slice(margin, row.length - margin));
}

describe('QR codes of the address', () => {
  it('draw in the terminal exactly the code of the URL', async () => {
    const url = 'http://[fd00::2]:4310/';
    const drawing = await qrTerminal(url, false);
    const expected = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    const drawn = modulesOf(drawing, 2).slice(0, expected.size);
    assert.equal(drawn.length, expected.size);
    for (let row = 0; row < expected.size; row++) {
      for (let col = 0; col < expected.size; col++) {
        assert.equal(drawn[row]?.[col], Boolean(expected.get(row, col)), `module ${row},${col}`);
      }
    }
  });

  it('use explicit black on white on a terminal, so any theme scans', async () => {
    const drawing = await qrTerminal('http://192.168.1.20:4310/', true);
    assert.ok(drawing.includes('\u001b[47m\u001b[30m'), 'white background, black foreground');
  });

  it('make a standalone SVG for the desktop app', async () => {
    const svg = await qrSvg('http://192.168.1.20:4310/');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 (\d+) \1"/);
    assert.doesNotMatch(svg, /<script|on\w+=|href=/i);
  });
});
