// Random histories through the real ledger, read over loopback HTTP: a node's table diff between
// two rvs of one lifetime (either order, whole or in pages of 2) says exactly what two time-travel
// reads at those rvs differ in, for the node layers every history makes (overrides, tombstones,
// nodes deleted and created again).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../api/server.js';
import type { TableName } from '../../projections/model.js';
import type { Ledger } from '../../store/ledger.js';
import { NODES, step, withRandomHistory } from '../support/random-history.js';

const TABLES: TableName[] = ['iptables', 'routes', 'dns'];
const NL = '/apis/netledger.io/v1/nodes';

interface Diff {
  added: { key: string; value: unknown }[];
  removed: { key: string; value: unknown }[];
  changed: { key: string; from: unknown; to: unknown }[];
}

/** Each time the node existed, as the rvs at which it had a table. */
function lifetimes(ledger: Ledger, node: string): { from: number; to: number }[] {
  const rows = ledger.store.sql.prepare("SELECT rv, type FROM events WHERE kind = 'Node' AND name = ? ORDER BY rv").all(node) as { rv: number; type: string }[];
  const out: { from: number; to: number }[] = [];
  for (const r of rows) {
    if (r.type === 'ADDED') out.push({ from: r.rv, to: ledger.committedRv });
    if (r.type === 'DELETED') out[out.length - 1]!.to = r.rv - 1;
  }
  return out;
}

async function get(base: string, path: string): Promise<any> {
  const res = await fetch(base + path);
  expect(res.status, path).toBe(200);
  return res.json();
}

/** What two whole-table reads differ in, in the diff's own form. */
async function expectedDiff(base: string, node: string, table: TableName, from: number, to: number): Promise<Diff> {
  const read = async (rv: number) => new Map<string, unknown>((await get(base, `${NL}/${node}/tables/${table}?resourceVersion=${rv}`)).entries.map((e: { key: string; value: unknown }) => [e.key, e.value]));
  const [a, b] = [await read(from), await read(to)];
  const out: Diff = { added: [], removed: [], changed: [] };
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (!a.has(key)) out.added.push({ key, value: b.get(key) });
    else if (!b.has(key)) out.removed.push({ key, value: a.get(key) });
    else if (JSON.stringify(a.get(key)) !== JSON.stringify(b.get(key))) out.changed.push({ key, from: a.get(key), to: b.get(key) });
  }
  return out;
}

async function pagedDiff(base: string, node: string, table: TableName, from: number, to: number): Promise<Diff> {
  const out: Diff = { added: [], removed: [], changed: [] };
  let path = `${NL}/${node}/tables/${table}/diff?from=${from}&to=${to}&limit=2`;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await get(base, path);
    out.added.push(...page.added);
    out.removed.push(...page.removed);
    out.changed.push(...page.changed);
    if (!page.metadata.continue) return out;
    path = `${NL}/${node}/tables/${table}/diff?continue=${encodeURIComponent(page.metadata.continue)}&limit=2`;
  }
  throw new Error('diff pages did not end');
}

describe('table diff property: diff == the difference of two time-travel reads', () => {
  it('holds for random histories, both orders, whole and in pages of 2', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (steps, x, y) =>
        withRandomHistory(steps, async (ledger) => {
          const { app } = await buildApp({ ledger });
          const base = await app.listen({ host: '127.0.0.1', port: 0 });
          try {
            for (const node of NODES) {
              for (const life of lifetimes(ledger, node)) {
                const span = life.to - life.from + 1;
                // Two rvs of the lifetime, neither necessarily the live one.
                const [r1, r2] = [life.from + (x % span), life.from + (y % span)];
                for (const table of TABLES) {
                  const expected = await expectedDiff(base, node, table, r1, r2);
                  const whole = await get(base, `${NL}/${node}/tables/${table}/diff?from=${r1}&to=${r2}`);
                  expect({ added: whole.added, removed: whole.removed, changed: whole.changed }, `${node} ${table} ${r1} -> ${r2}`).toEqual(expected);
                  expect(await pagedDiff(base, node, table, r1, r2), `${node} ${table} ${r1} -> ${r2}, pages of 2`).toEqual(expected);
                  checked += expected.added.length + expected.removed.length + expected.changed.length;
                }
              }
            }
          } finally {
            await app.close();
          }
        }),
      ),
      { numRuns: 15 },
    );
    // The histories moved nodes' tables between the rvs picked (not only empty diffs were checked).
    expect(checked).toBeGreaterThan(50);
  }, 180_000);
});
