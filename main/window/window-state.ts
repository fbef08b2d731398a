/**
 * The window's size and position, remembered between runs in a small JSON file in userData. What is
 * read back is never trusted: the file may be corrupt or hand-edited, and the screen it was saved on
 * may be gone (a laptop off its dock), so a saved state is checked against the displays there are now.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The window's normal (not maximised, not full-screen) bounds. */
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

export interface SizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** Where to open the window; no x/y lets Electron centre it. */
export interface WindowPlacement {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
  fullScreen: boolean;
}

const STATE_VERSION = 1;
// Beyond any real desktop: coordinates past this are corruption, not a very large screen.
const MAX_COORDINATE = 100_000;
// How much of the window must show on a display for it to be found and dragged back by its title bar.
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 40;

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
}

/** The saved state in `json`, or null when it is missing, corrupt or implausible. */
export function parseWindowState(json: string | null): WindowState | null {
  if (json === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { version, bounds, maximized, fullScreen } = data as Record<string, unknown>;
  if (version !== STATE_VERSION || typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isCoordinate(x) || !isCoordinate(y) || !isCoordinate(width) || !isCoordinate(height)) return null;
  if (width <= 0 || height <= 0) return null;
  return {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    maximized: maximized === true,
    fullScreen: fullScreen === true,
  };
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify({ version: STATE_VERSION, ...state }, null, 2)}\n`;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/** `size` within the limits, but never larger than the work area it must fit in. */
function fitSize(size: { width: number; height: number }, area: Rect, limits: SizeLimits) {
  return {
    width: Math.min(Math.max(size.width, limits.minWidth), area.width),
    height: Math.min(Math.max(size.height, limits.minHeight), area.height),
  };
}

/**
 * Where to open the window, given the saved state (or null) and the work areas of the displays
 * there are now, the primary display's first. A window that still shows enough on some display is
 * kept there, shrunk to fit it and moved fully inside it; one that would be off every screen keeps
 * its size but is centred on the primary display; with nothing saved, the default size, centred.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  limits: SizeLimits,
): WindowPlacement {
  const primary = workAreas[0];
  if (!saved || !primary) {
    const size = primary ? fitSize(limits, primary, limits) : { width: limits.width, height: limits.height };
    return { bounds: size, maximized: false, fullScreen: false };
  }
  const flags = { maximized: saved.maximized, fullScreen: saved.fullScreen };
  let best: { area: Rect; visible: number } | null = null;
  for (const area of workAreas) {
    const shown = overlap(saved.bounds, area);
    const enough =
      shown.width >= Math.min(MIN_VISIBLE_WIDTH, saved.bounds.width) &&
      shown.height >= Math.min(MIN_VISIBLE_HEIGHT, saved.bounds.height);
    if (enough && (!best || shown.width * shown.height > best.visible))
      best = { area, visible: shown.width * shown.height };
  }
  if (!best) {
    const size = fitSize(saved.bounds, primary, limits);
    const x = primary.x + Math.round((primary.width - size.width) / 2);
    const y = primary.y + Math.round((primary.height - size.height) / 2);
    return { bounds: { x, y, ...size }, ...flags };
  }
  const { area } = best;
  const size = fitSize(saved.bounds, area, limits);
  const x = clamp(saved.bounds.x, area.x, area.x + area.width - size.width);
  const y = clamp(saved.bounds.y, area.y, area.y + area.height - size.height);
  return { bounds: { x, y, ...size }, ...flags };
}
