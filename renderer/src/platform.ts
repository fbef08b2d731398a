/** Apple keyboards say ⌘ where others say Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export const searchShortcut = isMac ? '⌘K' : 'Ctrl+K';
