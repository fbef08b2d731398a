import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WINDOW_SIZE } from '../../main/window/options.ts';
import { readWindowStateFile, writeWindowStateFile } from '../../main/window/window-state-file.ts';
import {
  parseWindowState,
  placeWindow,
  serializeWindowState,
  type Rect,
  type WindowState,
} from '../../main/window/window-state.ts';
import { tempDir } from '../helpers/temp.ts';

// A 1920×1080 primary display with a 40px taskbar, and a 1280×1024 display to its right.
const PRIMARY: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const SECOND: Rect = { x: 1920, y: 0, width: 1280, height: 984 };
const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 };

const state = (bounds: Rect, flags: Partial<WindowState> = {}): WindowState => ({
  bounds,
  maximized: false,
  fullScreen: false,
  ...flags,
});
const saved = (value: unknown) => JSON.stringify(value);

describe('parseWindowState', () => {
  it('reads back what serializeWindowState wrote', () => {
    const original = state({ x: 100, y: 80, width: 1000, height: 700 }, { maximized: true });
    assert.deepEqual(parseWindowState(serializeWindowState(original)), original);
  });

  it('answers null for a missing, corrupt or implausible file', () => {
    const bounds = { x: 0, y: 0, width: 800, height: 600 };
    for (const text of [
      null,
      '',
      '{',
      'null',
      '[]',
      '"text"',
      '42',
      '{"version":1}',
      saved({ version: 2, bounds }),
      saved({ bounds }),
      saved({ version: 1, bounds: null }),
      saved({ version: 1, bounds: { ...bounds, width: 0 } }),
      saved({ version: 1, bounds: { ...bounds, height: -600 } }),
      saved({ version: 1, bounds: { ...bounds, x: '0' } }),
      saved({ version: 1, bounds: { ...bounds, y: null } }),
      saved({ version: 1, bounds: { ...bounds, width: 1e308 } }),
      saved({ version: 1, bounds: { ...bounds, x: -1e9 } }),
      '{"version":1,"bounds":{"x":0,"y":0,"width":NaN,"height":600}}',
      '\u0000\u0001garbage',
    ]) {
      assert.equal(parseWindowState(text), null, JSON.stringify(text));
    }
  });

  it('rounds fractional coordinates and treats odd flags as false', () => {
    const parsed = parseWindowState(
      saved({ version: 1, bounds: { x: 10.4, y: 20.6, width: 800.5, height: 600 }, maximized: 'yes' }),
    );
    assert.deepEqual(parsed, state({ x: 10, y: 21, width: 801, height: 600 }));
  });
});

describe('placeWindow', () => {
  it('opens at the default size, centred, with nothing saved', () => {
    assert.deepEqual(placeWindow(null, [PRIMARY], WINDOW_SIZE), {
      bounds: { width: WINDOW_SIZE.width, height: WINDOW_SIZE.height },
      maximized: false,
      fullScreen: false,
    });
    // On a screen smaller than the default, the default shrinks to fit.
    const small = placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 700 }], WINDOW_SIZE);
    assert.deepEqual(small.bounds, { width: 1024, height: 700 });
    assert.deepEqual(placeWindow(null, [], WINDOW_SIZE).bounds, {
      width: WINDOW_SIZE.width,
      height: WINDOW_SIZE.height,
    });
  });

  it('keeps a window that is on a screen exactly where it was', () => {
    const bounds = { x: 200, y: 100, width: 1000, height: 700 };
    assert.deepEqual(placeWindow(state(bounds, { maximized: true }), [PRIMARY, SECOND], WINDOW_SIZE), {
      bounds,
      maximized: true,
      fullScreen: false,
    });
    const onSecond = { x: 2000, y: 50, width: 1000, height: 700 };
    assert.deepEqual(placeWindow(state(onSecond), [PRIMARY, SECOND], WINDOW_SIZE).bounds, onSecond);
  });

  it('pulls a window that hangs over an edge back fully onto its screen', () => {
    const placed = placeWindow(state({ x: 1500, y: -200, width: 1000, height: 700 }), [PRIMARY], WINDOW_SIZE);
    assert.deepEqual(placed.bounds, { x: 920, y: 0, width: 1000, height: 700 });
  });

  it('centres on the primary screen a window saved on a display that is gone', () => {
    const onSecond = state({ x: 2200, y: 100, width: 1000, height: 700 }, { maximized: true });
    const placed = placeWindow(onSecond, [PRIMARY], WINDOW_SIZE);
    assert.deepEqual(placed, {
      bounds: { x: 460, y: 170, width: 1000, height: 700 },
      maximized: true,
      fullScreen: false,
    });
  });

  it('centres a window that is entirely or almost entirely off every screen', () => {
    for (const bounds of [
      { x: -5000, y: -5000, width: 800, height: 600 },
      { x: 99_000, y: 99_000, width: 800, height: 600 },
      { x: -790, y: 100, width: 800, height: 600 },
      { x: 100, y: 1030, width: 800, height: 600 },
      { x: 3200, y: 0, width: 800, height: 600 },
    ]) {
      const placed = placeWindow(state(bounds), [PRIMARY, SECOND], WINDOW_SIZE);
      assert.deepEqual(placed.bounds, { x: 560, y: 220, width: 800, height: 600 }, JSON.stringify(bounds));
    }
  });

  it('shrinks a window larger than its screen, and never below the minimum size', () => {
    const huge = placeWindow(state({ x: 0, y: 0, width: 4000, height: 3000 }), [LAPTOP], WINDOW_SIZE);
    assert.deepEqual(huge.bounds, { x: 0, y: 25, width: 1440, height: 875 });
    const tiny = placeWindow(state({ x: 10, y: 40, width: 50, height: 20 }), [LAPTOP], WINDOW_SIZE);
    assert.deepEqual(tiny.bounds, { x: 10, y: 40, width: WINDOW_SIZE.minWidth, height: WINDOW_SIZE.minHeight });
  });

  it('puts a window on the display that shows most of it', () => {
    const straddling = state({ x: 1700, y: 100, width: 1000, height: 700 });
    const placed = placeWindow(straddling, [PRIMARY, SECOND], WINDOW_SIZE);
    assert.deepEqual(placed.bounds, { x: 1920, y: 100, width: 1000, height: 700 });
  });
});

describe('the window state file', () => {
  it('writes atomically and reads back, leaving no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'nested', 'window-state.json');
    const original = state({ x: 1, y: 2, width: 900, height: 650 }, { fullScreen: true });
    writeWindowStateFile(file, original);
    assert.deepEqual(parseWindowState(readWindowStateFile(file)), original);
    assert.deepEqual(readdirSync(join(dir, 'nested')), ['window-state.json']);
    assert.match(readFileSync(file, 'utf8'), /"version": 1/);
  });

  it('reads a missing file as nothing and a corrupt one as nothing usable', () => {
    const dir = tempDir();
    assert.equal(readWindowStateFile(join(dir, 'missing.json')), null);
    writeFileSync(join(dir, 'corrupt.json'), '{"version":1,"bounds":');
    assert.equal(parseWindowState(readWindowStateFile(join(dir, 'corrupt.json'))), null);
    assert.deepEqual(
      placeWindow(parseWindowState(readWindowStateFile(join(dir, 'corrupt.json'))), [PRIMARY], WINDOW_SIZE),
      {
        bounds: { width: WINDOW_SIZE.width, height: WINDOW_SIZE.height },
        maximized: false,
        fullScreen: false,
      },
    );
  });
});
