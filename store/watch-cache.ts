// Recent events in memory, so watches resuming from a recent rv need no database read; older rvs
// come from the log. Bounded: the oldest fall off.

import type { LogEvent } from '../domain/events.js';
import type { KubeObject } from '../domain/objects.js';
import type { PublishedChange } from '../projections/tables.js';

export interface CachedEvent {
  event: LogEvent;
  before: KubeObject | undefined;
  /** The table changes this event caused. */
  changes: PublishedChange[];
}

export class WatchCache {
  private entries: CachedEvent[] = [];

  constructor(private readonly capacity = 50_000) {}

  add(events: readonly LogEvent[], befores: readonly (KubeObject | undefined)[], changesByRv: ReadonlyMap<number, PublishedChange[]>): void {
    events.forEach((event, i) => this.entries.push({ event, before: befores[i], changes: changesByRv.get(event.rv) ?? [] }));
    const excess = this.entries.length - this.capacity;
    if (excess > this.capacity / 10) this.entries = this.entries.slice(excess);
  }

  /** Oldest rv held, or undefined when empty. */
  get oldest(): number | undefined {
    return this.entries[0]?.event.rv;
  }

  /** The cached event at exactly rv, if held. */
  at(rv: number): CachedEvent | undefined {
    const oldest = this.oldest;
    if (oldest === undefined || rv < oldest) return undefined;
    const hit = this.entries[rv - oldest];
    return hit?.event.rv === rv ? hit : undefined;
  }

  /** Events with rv > since, when the cache reaches back that far; undefined otherwise. */
  since(since: number): CachedEvent[] | undefined {
    const oldest = this.oldest;
    if (oldest === undefined || since + 1 < oldest) return undefined;
    return this.entries.slice(since + 1 - oldest);
  }
}
