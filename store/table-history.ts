// Reads of table history: a node's table at a past rv (time travel), whole, in pages or one key,
// both sides of a diff, and the last-change rv at an rv. Each starts from the live entries and
// undoes the changes after R: a key's first change after R holds what it was at R. Its cost
// follows what changed since R, not the log's length. Synchronous, so the live entries and the
// rows that undo them are one snapshot (an await between them would let a batch land).

import { sql } from 'kysely';
import type { TableName } from '../projections/model.js';
import { entryHash, type Entry, type TableSet } from '../projections/tables.js';
import { mergeSorted } from '../projections/sorted-keys.js';
import type { EventStore } from './event-store.js';
import { changesFromId, changesInKeyRange, changesOfKeys, firstChangeIdAfter, lastChangeRvs, type KeyRange, type RangeChange } from './table-pages.js';

export interface PastEntry {
  key: string;
  value: unknown;
  rv: number;
  /** The value's JSON text (reads write it out as is). */
  text: string;
  /** The live entry it is, when it is one (not put back from history): its encoding can be kept
   * with it, as entries are replaced, never changed (api/netledger/entry-bytes.ts). */
  entry?: Entry;
}

/** What undoing the changes after rv puts back, per layer: key -> JSON text at rv (null =
 * absent; the text "null" is a node tombstone). Keys not listed are as they are live. */
export interface Rewound {
  cluster: Map<string, string | null>;
  own: Map<string, string | null>;
  /** The rv each restored value was set at, by `scope\0key`, where the change that undid it
   * recorded one (rows written before migration 006 did not: restoredRvs looks those up). */
  rvs: Map<string, number>;
}

/** Undoes one change after the rv, the changes taken oldest first: a key's first change after
 * the rv holds what it was at the rv (its previous value, and that value's rv); later ones are
 * skipped. */
function undo(back: Rewound, scope: string, key: string, prev: string | null, prevRv: number | null): void {
  const undone = scope === '' ? back.cluster : back.own;
  if (undone.has(key)) return;
  undone.set(key, prev);
  if (prev !== null && prevRv !== null) back.rvs.set(`${scope}\0${key}`, prevRv);
}

/** Nothing undone: every key as it is live. */
function nothingUndone(): Rewound {
  return { cluster: new Map(), own: new Map(), rvs: new Map() };
}

/** What undoing the changes after two rvs puts back, for a diff's two sides. */
export interface RewoundPair {
  older: Rewound;
  /** Only keys changed after the newer rv. */
  newer: Rewound;
}

/** Both sides as they are live, before any change is folded in. */
export function livePair(): RewoundPair {
  return { older: nothingUndone(), newer: nothingUndone() };
}

/** Folds one change (taken oldest first, after the older rv) into both sides: every change undoes
 * towards the older rv, those after the newer rv towards the newer one too. `withRvs`: record the
 * rv each restored value was set at (time travel names it; a diff does not). */
export function undoPair(pair: RewoundPair, newer: number, c: Pick<RangeChange, 'scope' | 'key' | 'prev' | 'prev_rv' | 'rv'>, withRvs = true): void {
  const prevRv = withRvs ? c.prev_rv : null;
  undo(pair.older, c.scope, c.key, c.prev, prevRv);
  if (c.rv > newer) undo(pair.newer, c.scope, c.key, c.prev, prevRv);
}

/**
 * Undoes a node's view of a table (cluster scope and its own) back to two rvs at once, in one pass
 * over the changes after the older: cost follows what changed since it, never the table's size.
 * Synchronous, so the rows read and the live entries they undo are one snapshot.
 */
export function rewindPair(store: EventStore, table: TableName, node: string, older: number, newer: number, liveRv: number, withRvs = true): RewoundPair {
  const pair = livePair();
  const first = older >= liveRv ? undefined : firstChangeIdAfter(store, older);
  if (first === undefined) return pair;
  for (const scope of ['', node]) {
    for (const [key, prev, prev_rv, rv] of changesFromId(store, table, scope, first)) undoPair(pair, newer, { scope, key, prev, prev_rv, rv }, withRvs);
  }
  return pair;
}

/** Undoes a node's view of a table back to rv. */
export function rewind(store: EventStore, table: TableName, node: string, rv: number, liveRv: number): Rewound {
  return rewindPair(store, table, node, rv, liveRv, liveRv).older;
}

/** What a node sees at a key with some changes undone: its own layer (an override, or the
 * tombstone "null" that hides the cluster entry) over the cluster's. `text` null = absent.
 * `live`: the key's live texts when the caller has them (a diff resolves two sides from one
 * lookup of the cluster's 100k+ entries). */
export function layerAt(tables: TableSet, node: string, back: Rewound, key: string, live = liveLayers(tables, node, key)): { text: string | null; scope: string } {
  const own = back.own.has(key) ? back.own.get(key)! : live.own;
  if (own !== null) return { text: own === 'null' ? null : own, scope: node };
  return { text: back.cluster.has(key) ? back.cluster.get(key)! : live.cluster, scope: '' };
}

/** A key's live texts in both layers (null = absent). */
export function liveLayers(tables: TableSet, node: string, key: string): { own: string | null; cluster: string | null } {
  return { own: tables.get(node, key)?.encoded ?? null, cluster: tables.get('', key)?.encoded ?? null };
}

/** A node's two layers of a table at rv — the cluster entries and its own overrides (tombstones
 * kept, as value null); restored entries have rv -1 (not yet known). */
export function layersAt(store: EventStore, tables: TableSet, node: string, rv: number, liveRv: number) {
  const back = rewind(store, tables.table, node, rv, liveRv);
  const layer = (live: Iterable<[string, Entry]>, undone: Map<string, string | null>) => {
    const out = new Map<string, PastEntry>();
    for (const [k, e] of live) if (!undone.has(k)) out.set(k, past(k, e));
    for (const [k, text] of undone) if (text !== null) out.set(k, restored(k, text, -1));
    return out;
  };
  return { cluster: layer(tables.clusterEntries(), back.cluster), own: layer(tables.nodeOverrides(node) ?? [], back.own) };
}

export interface NodeTableAtRv {
  /** Effective entries, keys sorted. */
  entries: PastEntry[];
  /** The node's digest at rv (the live digest moved by the keys that differ). */
  digest: string;
}

/**
 * A node's table at rv: the live entries in key order with the rewound keys put back. Nothing is
 * copied or parsed for keys that did not change since rv; restored values stay JSON text, and
 * the digest is the live sum adjusted by those keys only.
 */
export function nodeTableAt(store: EventStore, tables: TableSet, node: string, rv: number, liveRv: number): NodeTableAtRv {
  const back = rewind(store, tables.table, node, rv, liveRv);
  const { entries, adjustment } = entriesAt(store, tables, node, rv, tables.nodeKeys(node), back);
  return { entries, digest: tables.digest(node, adjustment) };
}

export interface NodeTablePage {
  /** Effective entries at rv, keys sorted, at most `limit`. */
  entries: PastEntry[];
  /** The last key this page covers when more may follow (the next page starts after it). */
  next?: string;
}

/**
 * Up to `limit` entries of a node's table at rv whose keys come after `after`: the next `limit`
 * live keys, with that key range alone rewound (changesInKeyRange). Its cost follows the page
 * and its keys' history, never the table's size or the changes since rv elsewhere.
 */
export function nodeTablePageAt(store: EventStore, tables: TableSet, node: string, rv: number, liveRv: number, after: string, limit: number): NodeTablePage {
  const { keys: window, more } = tables.nodeKeysAfter(node, after, limit);
  const range: KeyRange = { after, through: more ? window[window.length - 1] : undefined };
  const back = nothingUndone();
  if (rv < liveRv) for (const r of changesInKeyRange(store, tables.table, node, rv, range)) undo(back, r.scope, r.key, r.prev, r.prev_rv);
  const { entries } = entriesAt(store, tables, node, rv, window, back);
  // Keys put back (deleted since rv) can make the range hold more than `limit` entries.
  if (entries.length > limit) return { entries: entries.slice(0, limit), next: entries[limit - 1]!.key };
  return { entries, next: range.through };
}

/**
 * The effective entries at rv of the live keys given (sorted) and of the rewound keys, merged in
 * key order, and how far the node's digest moves between live and rv. Keys untouched since rv
 * are the live entries themselves.
 */
function entriesAt(store: EventStore, tables: TableSet, node: string, rv: number, keys: readonly string[], back: Rewound): { entries: PastEntry[]; adjustment: bigint } {
  const extra = [...back.cluster.keys(), ...back.own.keys()].filter((k) => !tables.get('', k) && !tables.get(node, k));
  const all = extra.length ? mergeSorted(keys, [...new Set(extra)].sort()) : keys;
  const rvs = restoredRvs(store, tables.table, node, rv, back);
  const entries: PastEntry[] = [];
  let adjustment = 0n;
  // A live read rewinds nothing: its 100k+ keys need not be looked up in empty maps.
  const rewound = back.cluster.size > 0 || back.own.size > 0;
  for (const k of all) {
    if (!rewound || (!back.cluster.has(k) && !back.own.has(k))) {
      const e = tables.effective(node, k);
      if (e) entries.push(live(e, k));
      continue;
    }
    const { text, scope } = layerAt(tables, node, back, k);
    adjustment -= tables.effective(node, k)?.hash ?? 0n;
    if (text === null) continue;
    adjustment += entryHash(tables.table, k, text);
    const undone = (scope === '' ? back.cluster : back.own).has(k);
    entries.push(undone ? restored(k, text, rvs.get(`${scope}\0${k}`) ?? 0) : live(tables.get(scope, k)!, k));
  }
  return { entries, adjustment };
}

/** The rv of each restored value: recorded by the change that undid it, else (rows from before
 * migration 006) that of its key's last change at or before rv, per scope. */
function restoredRvs(store: EventStore, table: TableName, node: string, rv: number, back: Rewound): Map<string, number> {
  const out = back.rvs;
  for (const [scope, undone] of [['', back.cluster], [node, back.own]] as const) {
    const keys = [...undone].filter(([k, text]) => text !== null && !out.has(`${scope}\0${k}`)).map(([k]) => k);
    for (const [key, at] of lastChangeRvs(store, table, scope, rv, keys)) out.set(`${scope}\0${key}`, at);
  }
  return out;
}

function live(e: Entry, key: string): PastEntry {
  return { key, value: e.value, rv: e.rv, text: e.encoded, entry: e };
}

function past(key: string, e: Entry): PastEntry {
  return live(e, key);
}

/** A value put back from history: parsed only if someone reads `value`. */
function restored(key: string, text: string, rv: number): PastEntry {
  let parsed: unknown;
  let done = false;
  return {
    key,
    rv,
    text,
    get value() {
      if (!done) {
        parsed = JSON.parse(text);
        done = true;
      }
      return parsed;
    },
  };
}

/** rv of the table's last change at or before rv (any scope), 0 when none. */
export async function lastChangeAt(store: EventStore, table: TableName, rv: number): Promise<number> {
  const row = await store.db
    .selectFrom('table_changes')
    .select(sql<number>`max(rv)`.as('rv'))
    .where('table_name', '=', table)
    .where('rv', '<=', rv)
    .executeTakeFirst();
  return row?.rv ?? 0;
}

/** One key of a node's table at rv: a page of that one key (its later changes undone), so its
 * cost follows the key's history, not the table's size. Synchronous, like every read that
 * undoes the live entries. */
export function nodeEntryAt(store: EventStore, tables: TableSet, node: string, key: string, rv: number, liveRv: number): PastEntry | undefined {
  const back = nothingUndone();
  if (rv < liveRv) for (const r of changesOfKeys(store, tables.table, node, rv, [key])) undo(back, r.scope, r.key, r.prev, r.prev_rv);
  const live = tables.get('', key) || tables.get(node, key) ? [key] : [];
  return entriesAt(store, tables, node, rv, live, back).entries[0];
}
