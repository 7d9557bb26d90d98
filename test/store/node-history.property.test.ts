// Random histories through the real ledger (SQLite, appender, projections): a node's history over
// each of its lifetimes equals the differences between its table read at one rv and the next
// (time travel), for the node layers every history makes: overrides (Local traffic policies),
// tombstones (its own VTEP entries), nodes deleted and created again, network settings changed.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeExistedAt } from '../../api/netledger/tables.js';
import type { TableName } from '../../projections/model.js';
import type { Ledger } from '../../store/ledger.js';
import { nodeHistory } from '../../store/node-history.js';
import { nodeTableAt } from '../../store/table-history.js';
import { NODES, step, withRandomHistory } from '../support/random-history.js';

const TABLES: TableName[] = ['iptables', 'routes'];

/** Each time the node existed: from its creation's rv to the rv of its deletion (or none). */
function lifetimes(ledger: Ledger, node: string): { from: number; to?: number }[] {
  const rows = ledger.store.sql.prepare("SELECT rv, type FROM events WHERE kind = 'Node' AND name = ? ORDER BY rv").all(node) as { rv: number; type: string }[];
  const out: { from: number; to?: number }[] = [];
  for (const r of rows) {
    if (r.type === 'ADDED') out.push({ from: r.rv });
    if (r.type === 'DELETED') out[out.length - 1]!.to = r.rv;
  }
  return out;
}

async function snapshot(ledger: Ledger, table: TableName, node: string, rv: number): Promise<Map<string, string>> {
  const at = await nodeTableAt(ledger.store, ledger.engine.tables[table], node, rv, ledger.committedRv);
  return new Map(at.entries.map((e) => [e.key, e.text]));
}

/** What the node's table did between consecutive rvs over (from, to], as history items say it. */
async function snapshotChanges(ledger: Ledger, table: TableName, node: string, from: number, to: number): Promise<string[]> {
  const out: string[] = [];
  let before = await snapshot(ledger, table, node, from);
  for (let rv = from + 1; rv <= to; rv++) {
    const after = await snapshot(ledger, table, node, rv);
    const moved: string[] = [];
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const [a, b] = [before.get(key), after.get(key)];
      if (a !== b) moved.push(`${rv} ${key} ${a ?? 'absent'} -> ${b ?? 'absent'}`);
    }
    out.push(...moved.sort());
    before = after;
  }
  return out;
}

async function historyChanges(ledger: Ledger, table: TableName, node: string, from: number, to: number, limit: number): Promise<string[]> {
  const out: string[] = [];
  const existedAt = (rv: number) => nodeExistedAt(ledger, node, rv);
  let beforeId: number | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await nodeHistory(ledger.store, table, node, { existedAt, limit, beforeId, since: from, until: to });
    for (const c of page.changes) {
      out.push(`${c.rv} ${c.key} ${c.prev === undefined ? 'absent' : JSON.stringify(c.prev)} -> ${c.op === 'delete' ? 'absent' : JSON.stringify(c.value)}`);
    }
    if (page.beforeId === undefined) break;
    beforeId = page.beforeId;
  }
  return out.sort((a, b) => Number(a.split(' ')[0]) - Number(b.split(' ')[0]) || (a < b ? -1 : a > b ? 1 : 0));
}

describe('node history property: history == time travel, layer by layer', () => {
  it('holds for random histories, whole and in pages of 3', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) =>
        withRandomHistory(steps, async (ledger) => {
          for (const node of NODES) {
            for (const life of lifetimes(ledger, node)) {
              const to = life.to === undefined ? ledger.committedRv : life.to - 1;
              for (const table of TABLES) {
                const expected = await snapshotChanges(ledger, table, node, life.from, to);
                expect(await historyChanges(ledger, table, node, life.from, to, 1000), `${node} ${table} (${life.from}, ${to}]`).toEqual(expected);
                expect(await historyChanges(ledger, table, node, life.from, to, 3), `${node} ${table} (${life.from}, ${to}], pages of 3`).toEqual(expected);
                checked += expected.length;
              }
            }
          }
        }),
      ),
      { numRuns: 15 },
    );
    // The histories moved nodes' tables (the property was not checked on empty ones only).
    expect(checked).toBeGreaterThan(50);
  }, 120_000);
});
