// A scratch ClusterState for previews: every map of the live state (objects, indexes,
// allocations) is replaced by a shadow that reads through to the live one and keeps its own
// writes, so decide/execute/projections run on it unchanged — ClusterState's own methods, on
// shadows — while the live state, owned by the appender, is never written. Creating one costs
// O(number of fields); each write O(what it touches) (an index set is copied when first used).
//
// Shadowing is by shape, not by name, so an index added to ClusterState later is covered without
// a change here; a field of a shape it does not know makes the constructor throw (the preview
// tests catch that) rather than silently share live data.

import { Allocations } from '../../../domain/allocations.js';
import { ZoneCapacity } from '../../../domain/controllers/topology-cache.js';
import { ClusterState } from '../../../domain/state.js';
import { ShadowMap } from './shadow-map.js';

/** A Map of Sets over a base: a Set is copied into the shadow the first time it is handed out,
 * since index code mutates the Set it gets (addTo/removeFrom). */
export class ShadowIndex<K, V> extends ShadowMap<K, Set<V>> {
  private readonly own = new Set<K>();

  override get(k: K): Set<V> | undefined {
    const v = super.get(k);
    if (v === undefined || this.own.has(k)) return v;
    const copy = new Set(v);
    super.set(k, copy);
    this.own.add(k);
    return copy;
  }

  override set(k: K, v: Set<V>): this {
    this.own.add(k);
    return super.set(k, v);
  }
}

type AnyMap = Map<unknown, unknown>;

/** The shadow of one field value: Map of Maps -> Map of shadows; Map of Sets (or empty) -> ShadowIndex; Map of objects -> ShadowMap. */
function shadowOf(name: string, value: unknown): unknown {
  if (!(value instanceof Map)) throw new Error(`PreviewState: do not know how to shadow ClusterState.${name}`);
  const first = (value as AnyMap).values().next();
  if (!first.done && first.value instanceof Map) {
    return new Map([...(value as Map<unknown, AnyMap>)].map(([k, inner]) => [k, shadowOf(`${name}[${String(k)}]`, inner)]));
  }
  if (first.done || first.value instanceof Set) return new ShadowIndex(value as Map<unknown, Set<unknown>>);
  return new ShadowMap(value as AnyMap);
}

/** Allocations over the live ones: claims and releases land in shadows; the cursors are copied
 * so "next free" is what a real write would get. */
function shadowAllocations(live: Allocations): Allocations {
  const a = new Allocations();
  const target = a as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(live as unknown as Record<string, unknown>)) {
    if (!(value instanceof Map)) throw new Error(`PreviewState: do not know how to shadow Allocations.${name}`);
    // Cursors are plain values (bigint offsets): a copy is a full snapshot.
    const first = (value as AnyMap).values().next();
    target[name] = !first.done && typeof first.value === 'bigint' ? new Map(value as AnyMap) : new ShadowMap(value as AnyMap);
  }
  return a;
}

export class PreviewState extends ClusterState {
  constructor(live: ClusterState) {
    super();
    const self = this as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(live as unknown as Record<string, unknown>)) {
      if (name === 'rv' || name === 'config') self[name] = value;
      else if (name === 'allocations') self[name] = shadowAllocations(value as Allocations);
      else if (value instanceof ZoneCapacity) self[name] = value.clone(); // a handful of zones
      else if (name === 'objects') {
        self[name] = new Map([...(value as Map<string, AnyMap>)].map(([kind, objs]) => [kind, new ShadowMap(objs)]));
      } else self[name] = shadowOf(name, value);
    }
  }
}
