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
  /** The node's live table (all keys, sorted), for rendering whole tables; empty unless asked for. */
  live: Map<string, { value: unknown }>;
}

/** Both states, read synchronously: the rows and the live tables they undo are one snapshot. */
export function nodeTableStates(ledger: Ledger, table: TableName, node: string, older: number, newer: number, withLive = false): TwoStates {
  const set = ledger.engine.tables[table];
  const liveRv = ledger.committedRv;
  const pair = rewindPair(ledger.store, table, node, older, newer, liveRv);
  return { ...touchedStates(pair, set, node), liveRv, live: withLive ? set.nodeTable(node) : new Map() };
}

/** What the node saw at each touched key (every key the older side undoes) at both rvs. `set`
 * must be the live state the pair was undone from. */
export function touchedStates(pair: RewoundPair, set: TableSet, node: string): Pick<TwoStates, 'older' | 'newer'> {
  const older = new Map<string, string | undefined>();
  const newer = new Map<string, string | undefined>();
  const visit = (key: string) => {
    if (older.has(key)) return;
    const live = liveLayers(set, node, key);
    older.set(key, layerAt(set, node, pair.older, key, live).text ?? undefined);
    newer.set(key, layerAt(set, node, pair.newer, key, live).text ?? undefined);
  };
  for (const key of pair.older.cluster.keys()) visit(key);
  for (const key of pair.older.own.keys()) visit(key);
  return { older, newer };
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
