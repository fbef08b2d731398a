import { migration001 } from './001-articles.ts';
import { migration002 } from './002-library.ts';
import { migration003 } from './003-annotations.ts';
import { migration004 } from './004-search-speed.ts';
import { migration005 } from './005-import-reports.ts';
import { migration006 } from './006-near-duplicates.ts';
import { migration007 } from './007-library-changes.ts';
import { migration008 } from './008-mentioned-dates.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. A new schema change is a new numbered file added here. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
];

/** The newest migration's version (numbers may have gaps). */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
