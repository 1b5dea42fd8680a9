/** The ordered list of cache migrations. Append only; numbers are contiguous from 1. */
import type Database from 'better-sqlite3';
import { migration001 } from './001_initial';
import { migration002 } from './002_search';
import { migration003 } from './003_sla';
import { migration005 } from './005_inbox_counts';
import { migration004 } from './004_canned_responses';
import { migration006 } from './006_alerts';
import { migration007 } from './007_message_insight';
import { migration008 } from './008_inbox_pages';
import { migration009 } from './009_conversation_drops';
import { migration010 } from './010_inbox_counts_table';
import { migration011 } from './011_fewer_conversation_indexes';
import { migration012 } from './012_outbox_records';
import { migration013 } from './013_qa';
import { migration014 } from './014_qa_calibrations';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
];
