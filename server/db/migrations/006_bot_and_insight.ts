/**
 * 006: the bot and message classification. Inbound messages keep their classification (issue
 * type, suggested team, sentiment); conversations keep their issue-type tags, the latest
 * sentiment and when a negative-sentiment alert was last raised (the cool-down). A bot answer or
 * handoff names the customer message it decided on in `in_reply_to`, unique, so no message is
 * ever decided twice, on one node or several. Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  const messages = [
    ['issue_type', 'text'],
    ['suggested_team_id', 'text'],
    ['sentiment_label', 'text'],
    ['sentiment_strength', 'double precision'],
    ['sentiment_score', 'double precision'],
    ['in_reply_to', 'text'],
    ['detail_json', 'text'],
  ] as const;
  for (const [column, type] of messages)
    await db.schema.alterTable('messages').addColumn(column, type).execute();

  const conversations = [
    ['issue_types', 'text'],
    ['sentiment_label', 'text'],
    ['sentiment_strength', 'double precision'],
    ['sentiment_score', 'double precision'],
    ['sentiment_alerted_at', 'text'],
  ] as const;
  for (const [column, type] of conversations)
    await db.schema.alterTable('conversations').addColumn(column, type).execute();

  // One bot decision per customer message (NULLs, every other message, never collide).
  await db.schema.createIndex('messages_in_reply_to').unique().on('messages').column('in_reply_to').execute();
  // The bot's restart sweep: conversations still with the bot.
  await db.schema.createIndex('conversations_status').on('conversations').column('status').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('conversations_status').ifExists().execute();
  await db.schema.dropIndex('messages_in_reply_to').ifExists().execute();
  for (const column of [
    'issue_types',
    'sentiment_label',
    'sentiment_strength',
    'sentiment_score',
    'sentiment_alerted_at',
  ])
    await db.schema.alterTable('conversations').dropColumn(column).execute();
  for (const column of [
    'issue_type',
    'suggested_team_id',
    'sentiment_label',
    'sentiment_strength',
    'sentiment_score',
    'in_reply_to',
    'detail_json',
  ])
    await db.schema.alterTable('messages').dropColumn(column).execute();
}
