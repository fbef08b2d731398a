import { migration001 } from './001-articles.ts';
import { migration002 } from './002-library.ts';
import { migration003 } from './003-annotations.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. A new schema change is a new numbered file added here. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003];

export const SCHEMA_VERSION = MIGRATIONS.length;
