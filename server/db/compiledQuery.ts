/**
 * Hot statements built and compiled once per dialect, then run with fresh parameters. Kysely
 * builds an operation tree and compiles it to SQL on every execution; for the few statements a
 * pushed reply runs several times over (tests/bench `outbox`), that was about a fifth of the
 * server's time. Here the query is built once with marker values, compiled, and each marker's
 * position among the compiled parameters is remembered; a call then runs the stored SQL with
 * its own values (`CompiledQuery.raw`), so the statement cache (statementCache.ts) also hits.
 *
 * Only for statements whose shape never depends on the values (no optional clauses, no value
 * lists of varying length): the SQL is fixed at the first call.
 */
import { CompiledQuery, type Compilable } from 'kysely';
import type { Db, Trx } from './database';

type Params = Record<string, unknown>;

interface Compiled {
  sql: string;
  /** Per compiled parameter: the name of the value to pass, or a constant the query holds. */
  slots: ({ name: string } | { constant: unknown })[];
}

const MARKER = '\u0000switchboard-param:';

export interface PreparedQuery<P extends Params, R> {
  execute(db: Db | Trx, params: P): Promise<R[]>;
  executeTakeFirst(db: Db | Trx, params: P): Promise<R | undefined>;
}

export function preparedQuery<P extends Params, R>(
  names: readonly (keyof P & string)[],
  build: (db: Db | Trx, params: P) => Compilable<R>,
): PreparedQuery<P, R> {
  // Keyed by the dialect adapter (shared by a Kysely instance and its transactions), so the
  // SQLite and PostgreSQL stores of one process each get their own SQL.
  const byAdapter = new WeakMap<object, Compiled>();
  const compile = (db: Db | Trx): Compiled => {
    const adapter = db.getExecutor().adapter;
    const known = byAdapter.get(adapter);
    if (known) return known;
    const markers = Object.fromEntries(names.map((name) => [name, `${MARKER}${name}`])) as P;
    const query = build(db, markers).compile();
    const compiled: Compiled = {
      sql: query.sql,
      slots: query.parameters.map((value) =>
        typeof value === 'string' && value.startsWith(MARKER)
          ? { name: value.slice(MARKER.length) }
          : { constant: value },
      ),
    };
    byAdapter.set(adapter, compiled);
    return compiled;
  };
  const execute = async (db: Db | Trx, params: P): Promise<R[]> => {
    const { sql, slots } = compile(db);
    const values = slots.map((slot) => ('name' in slot ? params[slot.name] : slot.constant));
    return (await db.executeQuery<R>(CompiledQuery.raw(sql, values))).rows;
  };
  return {
    execute,
    executeTakeFirst: async (db, params) => (await execute(db, params))[0],
  };
}
