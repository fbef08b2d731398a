import type { Database } from 'better-sqlite3';

export interface Migration {
  /** user_version after this migration has run; migrations are numbered 1, 2, 3... */
  version: number;
  name: string;
  up(db: Database): void;
}
