// A node's table at two rvs, computed together: the live entries of the keys that changed after
// the older rv, with the changes after each rv undone (store/table-history.ts rewindPair). Cost
// follows the changes since the older rv, never the table size, and values stay JSON text until
// someone needs them.

import type { TableName } from '../../../projections/model.js';
import type { TableSet } from '../../../projections/tables.js';
import type { Ledger } from '../../../store/ledger.js';
import { layerAt, liveLayers, rewindPair, type RewoundPair } from '../../../store/table-history.js';

export interface TwoStates {
  /** rv of the live state the rows were undone from. */
  liveRv: number;
  /** key -> JSON text at the older / newer rv (undefined = absent on the node); touched keys only. */
  older: Map<string, string | undefined>;
  newer: Map<string, string | undefined>;
  /** The node's live table (all keys, sorted), for rendering whole tables. */
  live: Map<string, { value: unknown }>;
}

/** Both states and the node's live table, read synchronously: the rows and the live tables they
 * undo are one snapshot (for rendering both whole tables: the text diff). */
export function nodeTableStates(ledger: Ledger, table: TableName, node: string, older: number, newer: number): TwoStates {
  const set = ledger.engine.tables[table];
  const liveRv = ledger.committedRv;
  const pair = rewindPair(ledger.store, table, node, older, newer, liveRv, false);
  const states: Pick<TwoStates, 'older' | 'newer'> = { older: new Map(), newer: new Map() };
  eachTouched(pair, set, node, (key, a, b) => {
    states.older.set(key, a);
    states.newer.set(key, b);
  });
  return { ...states, liveRv, live: set.nodeTable(node) };
}

/** A key whose text differs between two rvs (undefined: absent), as a diff lists it. */
export type DiffRow = [key: string, from: string | undefined, to: string | undefined];

export function byKey(a: DiffRow, b: DiffRow): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** The keys whose text differs between the pair's two rvs, sorted, from the older to the newer
 * (`reversed`: the other way). `set` must be the live state the pair was undone from. */
export function pairDifferences(pair: RewoundPair, set: TableSet, node: string, reversed: boolean): DiffRow[] {
  const rows: DiffRow[] = [];
  eachTouched(pair, set, node, (key, a, b) => {
    if (a !== b) rows.push(reversed ? [key, b, a] : [key, a, b]);
  });
  return rows.sort(byKey);
}

/** Every key the older side undoes (a key the newer undoes, the older does too), once, with what
 * the node saw there at both rvs. */
function eachTouched(pair: RewoundPair, set: TableSet, node: string, visit: (key: string, older: string | undefined, newer: string | undefined) => void): void {
  const one = (key: string) => {
    const live = liveLayers(set, node, key);
    visit(key, layerAt(set, node, pair.older, key, live).text ?? undefined, layerAt(set, node, pair.newer, key, live).text ?? undefined);
  };
  for (const key of pair.older.cluster.keys()) one(key);
  // Most nodes override nothing: the set of keys seen is needed only when they do.
  if (pair.older.own.size === 0) return;
  const seen = new Set(pair.older.cluster.keys());
  for (const key of pair.older.own.keys()) if (!seen.has(key)) one(key);
}

/** The whole table at one of the two rvs: the live table with the touched keys put back. */
export function wholeTable(states: TwoStates, which: 'older' | 'newer'): Map<string, unknown> {
  const touched = states[which];
  const out = new Map<string, unknown>();
  // Both key lists are sorted: merge them instead of sorting the whole table again.
  const extra = [...touched.keys()].filter((k) => !states.live.has(k)).sort();
  let i = 0;
  const put = (k: string) => {
    if (touched.has(k)) {
      const text = touched.get(k);
      if (text !== undefined) out.set(k, JSON.parse(text));
    } else out.set(k, states.live.get(k)!.value);
  };
  for (const k of states.live.keys()) {
    while (i < extra.length && extra[i]! < k) put(extra[i++]!);
    put(k);
  }
  while (i < extra.length) put(extra[i++]!);
  return out;
}
