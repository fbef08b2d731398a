import { useEffect, useEffectEvent } from 'react';

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** A modal dialog is open: page shortcuts would act behind it. */
export const dialogOpen = () => document.querySelector('dialog[open]') !== null;

/**
 * Single-key shortcuts of a view ("j", "b", "?", "Escape"…), ignored while typing in a field, while a
 * dialog is open and with Ctrl, Alt or ⌘ held. A handler returning false lets the key through.
 */
export function useShortcuts(handlers: Record<string, (event: KeyboardEvent) => unknown>): void {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTextField(event.target) || dialogOpen()) return;
    const handler = handlers[event.key];
    if (!handler) return;
    if (handler(event) === false) return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handle(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** Moves focus to the next (or previous) article of the list on screen; the first when none has it. */
export function moveListFocus(delta: 1 | -1): boolean {
  const items = [...document.querySelectorAll<HTMLElement>('main [data-nav-item]')];
  if (items.length === 0) return false;
  const current = items.findIndex((item) => item === document.activeElement);
  const next = current === -1 ? (delta === 1 ? 0 : items.length - 1) : current + delta;
  const target = items[Math.max(0, Math.min(items.length - 1, next))];
  target?.focus();
  target?.scrollIntoView({ block: 'nearest' });
  return true;
}

/** The article whose list row has focus. */
export function focusedArticleId(): number | null {
  const row = document.activeElement?.closest<HTMLElement>('[data-row-article]');
  const id = Number(row?.dataset.rowArticle);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
