const PATHS = {
  bookmark: 'M6.5 3.5h11a1 1 0 0 1 1 1v16l-6.5-4.2-6.5 4.2v-16a1 1 0 0 1 1-1Z',
  tag: 'M3.5 12.2V4.5a1 1 0 0 1 1-1h7.7l8.3 8.3a1.5 1.5 0 0 1 0 2.1l-6.2 6.2a1.5 1.5 0 0 1-2.1 0ZM8 8h.01',
  folder: 'M3.5 6.5a1 1 0 0 1 1-1h5l2 2.5h8a1 1 0 0 1 1 1v9.5a1 1 0 0 1-1 1h-15a1 1 0 0 1-1-1Z',
  note: 'M5 4h10l4 4v12H5ZM14.5 4v4.5H19M8.5 12.5h7M8.5 16h5',
  highlighter: 'm9 15-4 4h5l1.5-1.5M9 15l7.5-11.5 4 4L9 15Zm0 0 3 3',
  settings:
    'M12 15.2a3.2 3.2 0 1 0 0-6.4 3.2 3.2 0 0 0 0 6.4ZM19.4 13.5l1.6 1.2-2 3.4-1.9-.7a7.5 7.5 0 0 1-2.2 1.3l-.3 2H9.4l-.3-2a7.5 7.5 0 0 1-2.2-1.3l-1.9.7-2-3.4 1.6-1.2a7.6 7.6 0 0 1 0-3L3 9.3l2-3.4 1.9.7A7.5 7.5 0 0 1 9.1 5.3l.3-2h5.2l.3 2a7.5 7.5 0 0 1 2.2 1.3l1.9-.7 2 3.4-1.6 1.2a7.6 7.6 0 0 1 0 3Z',
  notebook: 'M6 3.5h12a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H6ZM6 3.5v17M4 7.5h4M4 12h4M4 16.5h4M11 8h5',
  library: 'M4.5 4v16M9 4v16M13.5 4.5l4.5 15M20 20H4',
  search: 'M11 17.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM16 16l4.5 4.5',
  menu: 'M4 7h16M4 12h16M4 17h16',
  close: 'M6 6l12 12M18 6 6 18',
  back: 'M15 5l-7 7 7 7',
  chevronDown: 'm6 9 6 6 6-6',
  up: 'm6 15 6-6 6 6',
  down: 'm6 9 6 6 6-6',
  external: 'M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5',
  trash: 'M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13',
  plus: 'M12 5v14M5 12h14',
  edit: 'M4 20h4L19 9l-4-4L4 16ZM13.5 6.5l4 4',
  type: 'M4 18 9 5l5 13M5.8 14h6.4M15 18l3-8 3 8M15.8 16h4.4',
  keyboard: 'M3 6.5h18v11H3ZM7 10h.01M10.5 10h.01M14 10h.01M17.5 10h.01M8 14h8',
  check: 'm5 12.5 4.5 4.5L19 7.5',
  clock: 'M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17ZM12 7.5V12l3 2',
  import: 'M12 4v11M7.5 10.5 12 15l4.5-4.5M4.5 15.5V19a1 1 0 0 0 1 1h13a1 1 0 0 0 1-1v-3.5',
  bundle: 'M12 15V4M7.5 8.5 12 4l4.5 4.5M4.5 15.5V19a1 1 0 0 0 1 1h13a1 1 0 0 0 1-1v-3.5',
  filter: 'M4 6h16M7 12h10M10 18h4',
  quote: 'M5 17.5h3.5l2-4V7H5v6.5h3M13.5 17.5H17l2-4V7h-5.5v6.5h3',
  saved: 'M11 17.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM16 16l4.5 4.5M8.5 11h5M11 8.5v5',
} as const;

export type IconName = keyof typeof PATHS;

/** A line icon, hidden from assistive technology: the control it sits in carries the name. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={className ? `icon ${className}` : 'icon'} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
