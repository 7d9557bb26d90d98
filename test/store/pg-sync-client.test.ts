// PgSyncClient against a real PostgreSQL: the synchronous calls, their placeholders and row
// shapes, errors with their SQLSTATE, transactions, and the client's ends (a refused connection,
// a query past its timeout, use after close).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgPlaceholders, PgSyncClient } from '../../store/postgres/sync-client.js';

const URL = process.env.NETLEDGER_TEST_PG_URL ?? 'postgres://netledger:netledger@127.0.0.1:5432/netledger';

// Is PostgreSQL there? Asked once, briefly, so that the suite is skipped rather than failed without it.
let unreachable: string | undefined;
try {
  PgSyncClient.open(URL, { timeoutMs: 5000 }).close();
} catch (e) {
  unreachable = (e as Error).message;
}

function thrown(f: () => unknown): Error & { code?: string } {
  try {
    f();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

it('numbers ? placeholders outside literals, identifiers and comments, and leaves $n text alone', () => {
  expect(pgPlaceholders(`SELECT "a?" , '?''?' FROM t -- where ?\nWHERE x = ? /* ? */ AND y = ?`)).toBe(
    `SELECT "a?" , '?''?' FROM t -- where ?\nWHERE x = $1 /* ? */ AND y = $2`,
  );
  expect(pgPlaceholders('SELECT $1, ?')).toBe('SELECT $1, ?');
  expect(pgPlaceholders(`SELECT '$1', ?`)).toBe(`SELECT '$1', $1`);
});

describe.skipIf(unreachable !== undefined)(unreachable ? `PgSyncClient (skipped, PostgreSQL not reachable: ${unreachable})` : 'PgSyncClient', () => {
  const table = `pg_sync_client_test_${process.pid}_${Date.now()}`;
  let db: PgSyncClient;

  beforeAll(() => {
    db = PgSyncClient.open(URL);
    db.prepare(`CREATE TABLE ${table} (id bigserial PRIMARY KEY, name text UNIQUE NOT NULL, note text, n int4)`).run();
  });
  afterAll(() => {
    // A test that failed mid-transaction would otherwise take the DROP down with it at close.
    if (db.inTransaction) db.prepare('ROLLBACK').run();
    db.prepare(`DROP TABLE IF EXISTS ${table}`).run();
    db.close();
  });

  const count = () => db.prepare(`SELECT count(*) AS n FROM ${table}`).pluck().get();
  const clear = () => db.prepare(`DELETE FROM ${table}`).run();

  it('runs ? and $n placeholders, leaving a ? inside a string literal alone', () => {
    clear();
    const insert = db.prepare(`INSERT INTO ${table} (name, note, n) VALUES (?, 'why?', ?)`);
    expect(insert.run('a', 1)).toEqual({ changes: 1 });
    expect(db.prepare(`INSERT INTO ${table} (name, note, n) VALUES ($2, $1, $3)`).run('said $1', 'b', 2)).toEqual({ changes: 1 });
    expect(db.prepare(`SELECT name, note, n FROM ${table} ORDER BY name`).all()).toEqual([
      { name: 'a', note: 'why?', n: 1 },
      { name: 'b', note: 'said $1', n: 2 },
    ]);
  });

  it('all, get, run and iterate', () => {
    clear();
    const insert = db.prepare(`INSERT INTO ${table} (name, n) VALUES (?, ?)`);
    for (const [name, n] of [['x', 1], ['y', 2], ['z', 3]] as const) insert.run(name, n);
    const byN = db.prepare(`SELECT name FROM ${table} WHERE n >= ? ORDER BY n`);
    expect(byN.all(2)).toEqual([{ name: 'y' }, { name: 'z' }]);
    expect(byN.get(2)).toEqual({ name: 'y' });
    expect(byN.get(9)).toBeUndefined();
    expect([...byN.iterate(1)]).toEqual([{ name: 'x' }, { name: 'y' }, { name: 'z' }]);
    expect(db.prepare(`UPDATE ${table} SET note = 'seen' WHERE n <= ?`).run(2)).toEqual({ changes: 2 });
    expect(db.prepare(`UPDATE ${table} SET note = 'none' WHERE n > ?`).run(9)).toEqual({ changes: 0 });
  });

  it('raw rows are arrays in select order, pluck gives the first column, each turns the other off', () => {
    clear();
    db.prepare(`INSERT INTO ${table} (name, n) VALUES ('p', 7), ('q', 8)`).run();
    const s = db.prepare(`SELECT n, name FROM ${table} ORDER BY n`);
    expect(s.raw().all()).toEqual([[7, 'p'], [8, 'q']]);
    expect(s.get()).toEqual([7, 'p']);
    expect(s.pluck().all()).toEqual([7, 8]);
    expect([...s.iterate()]).toEqual([7, 8]);
    expect(s.raw().get()).toEqual([7, 'p']);
    expect(s.raw(false).get()).toEqual({ n: 7, name: 'p' });
    expect(s.pluck().pluck(false).get()).toEqual({ n: 7, name: 'p' });
  });

  it('gives int8 counts, ids and numeric sums as numbers, and nulls as null', () => {
    clear();
    db.prepare(`INSERT INTO ${table} (name, note, n) VALUES ('a', NULL, 5), ('b', 'x', NULL)`).run();
    expect(count()).toBe(2);
    const row = db.prepare(`SELECT count(*) AS c, sum(id) AS ids, sum(n::int8) AS s, max(id) AS id FROM ${table}`).get() as Record<string, unknown>;
    expect(typeof row.c).toBe('number');
    expect(typeof row.ids).toBe('number');
    expect(typeof row.id).toBe('number');
    expect(row.s).toBe(5);
    expect(db.prepare(`SELECT note, n FROM ${table} ORDER BY name`).all()).toEqual([
      { note: null, n: 5 },
      { note: 'x', n: null },
    ]);
    expect(db.prepare('SELECT ?::text AS v').pluck().get(null)).toBeNull();
  });

  it('round-trips bytea as Buffers', () => {
    const b = db.prepare(`SELECT ?::bytea AS b`).pluck().get(Buffer.from([0xde, 0xad, 0x00]));
    expect(Buffer.isBuffer(b)).toBe(true);
    expect(b).toEqual(Buffer.from([0xde, 0xad, 0x00]));
  });

  it('throws PostgreSQL errors synchronously with their SQLSTATE, and stays usable', () => {
    clear();
    const insert = db.prepare(`INSERT INTO ${table} (name) VALUES (?)`);
    insert.run('dup');
    const e = thrown(() => insert.run('dup'));
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('23505');
    expect(e.message).toMatch(/duplicate key/);
    expect(thrown(() => db.prepare('SELECT * FROM no_such_table_here').all()).code).toBe('42P01');
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(1);
  });

  it('commits a transaction and returns its result', () => {
    clear();
    const insert = db.prepare(`INSERT INTO ${table} (name) VALUES (?)`);
    const seen: boolean[] = [];
    const add = db.transaction((names: string[]) => {
      seen.push(db.inTransaction);
      for (const name of names) insert.run(name);
      return names.length;
    });
    expect(add(['t1', 't2'])).toBe(2);
    expect(seen).toEqual([true]);
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(2);
  });

  it('rolls a throwing transaction back, leaving nothing written', () => {
    clear();
    const insert = db.prepare(`INSERT INTO ${table} (name) VALUES (?)`);
    const add = db.transaction((name: string) => {
      insert.run(name);
      throw new Error('changed my mind');
    });
    expect(() => add('r1')).toThrow('changed my mind');
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(0);
    // A failed statement inside: the transaction is rolled back and the PostgreSQL error comes out.
    const twice = db.transaction(() => {
      insert.run('r2');
      insert.run('r2');
    });
    expect(thrown(twice).code).toBe('23505');
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(0);
  });

  it('a nested transaction that throws undoes only its own writes', () => {
    clear();
    const insert = db.prepare(`INSERT INTO ${table} (name) VALUES (?)`);
    const inner = db.transaction((name: string) => {
      insert.run(name);
      throw new Error('inner');
    });
    const outer = db.transaction(() => {
      insert.run('kept');
      expect(() => inner('undone')).toThrow('inner');
      expect(db.inTransaction).toBe(true);
      insert.run('also kept');
    });
    outer();
    expect(db.prepare(`SELECT name FROM ${table} ORDER BY name`).pluck().all()).toEqual(['also kept', 'kept']);
  });

  it('open throws a clear error for a refused connection, without the password', () => {
    const e = thrown(() => PgSyncClient.open('postgres://netledger:sekret@127.0.0.1:1/netledger'));
    expect(e.message).toMatch(/^could not connect to PostgreSQL at postgres:\/\/netledger:\*\*\*@127\.0\.0\.1:1\/netledger: .*ECONNREFUSED/);
    expect(e.message).not.toContain('sekret');
  });

  it('gives up on a query past its timeout, naming it, and is closed after', () => {
    const slow = PgSyncClient.open(URL, { timeoutMs: 300 });
    try {
      expect(() => slow.prepare('SELECT pg_sleep(3)').get()).toThrow(/did not answer within 300 ms running "SELECT pg_sleep\(3\)"/);
      expect(() => slow.prepare('SELECT 1').get()).toThrow(/cannot run "SELECT 1": PostgreSQL did not answer/);
    } finally {
      slow.close();
    }
  });

  it('throws on use after close; close twice is fine', () => {
    const c = PgSyncClient.open(URL);
    const s = c.prepare('SELECT 1 AS one');
    expect(s.get()).toEqual({ one: 1 });
    c.close();
    c.close();
    expect(() => s.get()).toThrow(/cannot run "SELECT 1 AS one": the PostgreSQL client is closed/);
    expect(() => c.prepare('SELECT 2').all()).toThrow(/closed/);
    expect(c.inTransaction).toBe(false);
  });
});
