// LIST with kube-apiserver's resourceVersion semantics (api-concepts "Semantics for get and
// list"), selectors and limit/continue paging. The continue token pins the list's rv: later pages
// are served from the snapshot at that rv, so a paged list is consistent.

import { errors, type FieldError } from '../domain/errors.js';
import { queryInt64 } from './query-params.js';
import type { KindInfo } from '../domain/kinds.js';
import type { KubeObject } from '../domain/objects.js';
import type { Ledger } from '../store/ledger.js';
import { filterFromQuery, liveCandidates, matches, pinnedCandidates, type ObjectFilter } from './filter.js';
import { resourceVersionParam, waitForRv } from './wait-rv.js';
import { firstAfter, firstAtOrAfter } from '../projections/sorted-keys.js';

export interface ListResult {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: KubeObject[];
}

interface ContinueToken {
  /** -1: the rest of the list at the latest state (the token a 410 on an expired one offers). */
  rv: number;
  start: string;
}

function encodeContinue(t: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: t.rv, start: t.start })).toString('base64url');
}

function decodeContinue(text: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof t.rv !== 'number' || typeof t.start !== 'string') throw new Error('bad');
    return { rv: t.rv, start: t.start };
  } catch {
    throw errors.badRequest(`invalid continue token: ${text}`);
  }
}

const INCONSISTENT_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, ' +
  'or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an ' +
  'inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

function sortKey(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

export async function listObjects(ledger: Ledger, info: KindInfo, namespace: string | undefined, q: Record<string, unknown>): Promise<ListResult> {
  const filter = filterFromQuery(info.kind, namespace, q);
  const rvParam = typeof q.resourceVersion === 'string' && q.resourceVersion !== '' ? q.resourceVersion : undefined;
  const match = typeof q.resourceVersionMatch === 'string' && q.resourceVersionMatch !== '' ? q.resourceVersionMatch : undefined;
  const asked = queryInt64('limit', q.limit) ?? 0;
  queryInt64('timeoutSeconds', q.timeoutSeconds); // a list ignores it, but it must decode
  // The storage pages only when limit > 0: a negative one lists everything, as upstream.
  const limit = Math.max(0, asked);
  const cont = typeof q.continue === 'string' && q.continue !== '' ? decodeContinue(q.continue) : undefined;

  checkListOptions(q, rvParam, match, cont !== undefined);
  if (cont && rvParam && rvParam !== '0') throw errors.badRequest('specifying resource version is not allowed when using continue');

  let atRv: number | undefined; // undefined = the live state
  if (cont && cont.rv !== -1) {
    // A token from this server names an rv it has reached; one from another (a restored backup,
    // or made up) may not: wait for it as for a resourceVersion, then 504, rather than read a
    // state that is not that rv's (and keep it for other readers).
    await waitForRv(ledger, cont.rv);
    atRv = cont.rv;
  } else if (rvParam && rvParam !== '0') {
    const n = resourceVersionParam(rvParam)!;
    await waitForRv(ledger, n);
    // An exact rv, or a paged list from an rv, is a snapshot; otherwise "not older than" = now.
    if (match === 'Exact' || (limit > 0 && !match)) atRv = n;
  }
  if (atRv !== undefined && atRv < ledger.floorRv) {
    if (!cont) throw errors.expired('The resourceVersion for the provided list is too old.');
    // handleCompactedErrorForPaging: the client may go on from where it was, at the latest state.
    const expired = errors.expired(INCONSISTENT_CONTINUE);
    expired.status.metadata = { continue: encodeContinue({ rv: -1, start: cont.start }) };
    throw expired;
  }

  const listRv = atRv ?? ledger.committedRv;
  const metadata: ListResult['metadata'] = { resourceVersion: String(listRv) };
  if (atRv !== undefined) {
    // Pinned to an rv (every page after the first, or a list at an rv): from that rv's state,
    // sorted once and kept for the pages that follow; or, when the selectors pin a few objects,
    // from those alone.
    const few = pinnedAt(ledger, filter, atRv);
    const page = pageOf(few ? inKeyOrder(few) : await stateAt(ledger, info, atRv), filter, cont?.start, limit);
    if (page.next !== undefined) {
      metadata.continue = encodeContinue({ rv: listRv, start: page.next });
      if (!filter.label && !filter.field) metadata.remainingItemCount = page.remaining;
    }
    return { kind: `${info.kind}List`, apiVersion: info.apiVersion, metadata, items: page.items };
  }
  const candidates: Keyed[] = [];
  for (const o of liveCandidates(ledger.state, filter)) {
    if (!matches(filter, o)) continue;
    const key = sortKey(o);
    if (!cont || key > cont.start) candidates.push({ key, o });
  }
  if (limit > 0 && candidates.length > limit) {
    const page = smallest(candidates, limit);
    metadata.continue = encodeContinue({ rv: listRv, start: page[page.length - 1]!.key });
    if (!filter.label && !filter.field) metadata.remainingItemCount = candidates.length - limit;
    return { kind: `${info.kind}List`, apiVersion: info.apiVersion, metadata, items: page.map((k) => k.o) };
  }
  return { kind: `${info.kind}List`, apiVersion: info.apiVersion, metadata, items: candidates.sort(byKey).map((k) => k.o) };
}

interface Keyed {
  key: string;
  o: KubeObject;
}

function byKey(a: Keyed, b: Keyed): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The `n` items of smallest key, sorted: one pass keeping the n smallest so far in a max-heap.
 * A page of a paged list (kubectl's 500) costs one pass over the collection, where sorting all
 * of it for every page made `kubectl get pods -A` at 100,000 pods take 44 s (200 pages).
 */
function smallest(items: readonly Keyed[], n: number): Keyed[] {
  const heap: Keyed[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.key >= heap[i]!.key) return;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && heap[l]!.key > heap[top]!.key) top = l;
      if (r < heap.length && heap[r]!.key > heap[top]!.key) top = r;
      if (top === i) return;
      [heap[top], heap[i]] = [heap[i]!, heap[top]!];
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < n) {
      heap.push(item);
      up(heap.length - 1);
    } else if (item.key < heap[0]!.key) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(byKey);
}

/** Objects in namespace/name order, with their keys alongside: what a pinned list pages through. */
interface SortedState {
  keys: string[];
  objects: KubeObject[];
}

/** `objects` in namespace/name order, each key made once (not at every comparison of the sort). */
export function inKeyOrder(objects: readonly KubeObject[]): SortedState {
  const keyed = objects.map((o) => ({ key: sortKey(o), o })).sort(byKey);
  return { keys: keyed.map((k) => k.key), objects: keyed.map((k) => k.o) };
}

/**
 * Up to `limit` (0: all) objects of a sorted state that match, with keys after `after`; when more
 * follow, the last key given and how many objects after it the page left out (of the namespace
 * when the filter has one: its keys are contiguous). Its cost follows the page, not the state.
 */
function pageOf({ keys, objects }: SortedState, filter: ObjectFilter, after: string | undefined, limit: number): { items: KubeObject[]; next?: string; remaining: number } {
  // A namespace's keys (`ns/name`) are one range.
  const start = filter.namespace ? firstAtOrAfter(keys, `${filter.namespace}/`) : 0;
  const end = filter.namespace ? firstAfter(keys, `${filter.namespace}/\uffff`) : keys.length;
  const items: KubeObject[] = [];
  let i = after === undefined ? start : firstAfter(keys, after, start);
  for (; i < end && (limit === 0 || items.length < limit); i++) if (matches(filter, objects[i]!)) items.push(objects[i]!);
  // More only if another match follows.
  let more = i;
  while (more < end && !matches(filter, objects[more]!)) more++;
  if (more >= end || items.length === 0) return { items, remaining: 0 };
  return { items, next: sortKey(items[items.length - 1]!), remaining: end - i };
}

/**
 * The objects a pinned selector names (one object, one node's pods: pinnedCandidates) as they were
 * at rv: the live ones, each object changed since rv put back as its first event after rv found
 * it (the watch cache's `before`). Undefined when the selectors pin nothing, or when the cache
 * does not reach back to rv (the kind's whole state at rv is read then). A kubelet relisting at
 * its last rv costs its node's pods, not the kind: at 100,000 pods, running its field selector
 * over the kind's whole state took 0.5-1.2 s per list (bench/README.md, nineteenth session).
 */
function pinnedAt(ledger: Ledger, filter: ObjectFilter, rv: number): KubeObject[] | undefined {
  const live = pinnedCandidates(ledger.state, filter);
  if (!live) return undefined;
  if (rv >= ledger.committedRv) return [...live];
  const later = ledger.cache.since(rv);
  if (!later) return undefined;
  const at = new Map(live.map((o) => [sortKey(o), o]));
  const seen = new Set<string>();
  for (const { event, before } of later) {
    if (event.kind !== filter.kind) continue;
    const key = `${event.namespace}/${event.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (before && matches(filter, before)) at.set(key, before);
    else at.delete(key);
  }
  return [...at.values()];
}

/** States of a kind recently listed at an rv, sorted, per ledger, by `kind@rv`, the newest last. */
const keptStates = new WeakMap<Ledger, Map<string, { state: Promise<SortedState>; rv: number; used: number }>>();
const STATES_KEPT = 4;
/** A kept state not asked for this long is dropped (at the next pinned list): a paged list asks
 * for its next page within moments, and a state of 100,000 pods holds ~hundreds of MB. */
const STATE_IDLE_MS = 60_000;

/**
 * A kind's objects at rv in key order, kept for the next pages: every page of a paged list is read
 * at the rv of its first page, and a state at an rv never changes (objects are replaced, never
 * changed in place), so later pages need neither rewind the live state again (at 100,000 pods
 * with 100,000 events since the rv, that was 7 s a page) nor pass over and select from the whole
 * kind (32 ms a page at 100,000 pods: `kubectl get pods -A` spent 7.9 s in 200 pages). The floor
 * is checked before this is asked, so compaction cannot have taken what a kept state was read
 * from.
 */
function stateAt(ledger: Ledger, info: KindInfo, rv: number): Promise<SortedState> {
  let kept = keptStates.get(ledger);
  if (!kept) keptStates.set(ledger, (kept = new Map()));
  const now = Date.now();
  for (const [k, e] of kept) if (now - e.used > STATE_IDLE_MS || e.rv < ledger.floorRv) kept.delete(k);
  const key = `${info.kind}@${rv}`;
  let entry = kept.get(key);
  if (entry) {
    kept.delete(key); // to the newest end
    entry.used = now;
  } else {
    const objects = rv === ledger.committedRv ? Promise.resolve(ledger.state.list(info.kind)) : snapshotAt(ledger, info, rv);
    const state = objects.then(inKeyOrder);
    entry = { state, rv, used: now };
    // A failed read is not kept.
    state.catch(() => kept.delete(key));
  }
  kept.set(key, entry);
  if (kept.size > STATES_KEPT) kept.delete(kept.keys().next().value!);
  return entry.state;
}

/** The objects of a kind as they were at rv: the live ones, rewound by the events after rv. */
export async function snapshotAt(ledger: Ledger, info: KindInfo, rv: number): Promise<KubeObject[]> {
  const byKey = new Map<string, KubeObject>();
  for (const o of ledger.state.list(info.kind)) byKey.set(sortKey(o), o);
  const later = (await ledger.eventsSince(rv)).filter((e) => e.kind === info.kind);
  const touched = new Set(later.map((e) => `${e.namespace}/${e.name}`));
  for (const key of touched) {
    const slash = key.indexOf('/');
    const prior = await ledger.store.lastEventAtOrBefore(info.kind, key.slice(0, slash), key.slice(slash + 1), rv);
    if (!prior || prior.type === 'DELETED') byKey.delete(key);
    else byKey.set(key, prior.object);
  }
  return [...byKey.values()];
}

/** apimachinery's ValidateListOptions (not a watch): every problem at once, 422 on ListOptions. */
function checkListOptions(q: Record<string, unknown>, rv: string | undefined, match: string | undefined, hasContinue: boolean): void {
  const causes: FieldError[] = [];
  const forbidden = (field: string, why: string) => causes.push({ type: 'FieldValueForbidden', field, message: `Forbidden: ${why}` });
  if (match) {
    if (!rv) forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided');
    if (hasContinue) forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided');
    if (match !== 'Exact' && match !== 'NotOlderThan') {
      causes.push({ type: 'FieldValueNotSupported', field: 'resourceVersionMatch', message: `Unsupported value: ${JSON.stringify(match)}: supported values: "Exact", "NotOlderThan", ""` });
    }
    if (match === 'Exact' && rv === '0') forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
  }
  if (q.sendInitialEvents !== undefined) forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list');
  if (causes.length) throw errors.invalid('ListOptions', 'meta.k8s.io', '', causes);
}
