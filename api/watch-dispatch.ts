// Hands each committed event to the watches that can be interested in it, as the cacher's
// dispatchEvent does: by kind, and through the same trigger indexes kube-apiserver registers
// (pods by spec.nodeName, nodes by metadata.name): a watch whose field selector requires one
// value of its kind's trigger field gets an event only when the object has or had that value.
// At 5,000 nodes every kubelet watches its pods and its Node: handing every pod event to every
// such watch, for each to find it is not its node's, made one event cost thousands of selector
// matches.

import type { LogEvent } from '../domain/events.js';
import type { KubeObject, Pod } from '../domain/objects.js';
import { requiredFieldValue, type FieldSelector } from '../domain/selectors/index.js';
import type { Ledger } from '../store/ledger.js';
import { objectJsonOnce } from '../store/object-json.js';
import { SharedJoins } from './joined-lines.js';

/** The indexed field of each kind that has one, and its value on an object. */
const TRIGGERS: Record<string, { field: string; valueOf(obj: KubeObject): string | undefined }> = {
  Pod: { field: 'spec.nodeName', valueOf: (obj) => (obj as Pod).spec?.nodeName || undefined },
  Node: { field: 'metadata.name', valueOf: (obj) => obj.metadata.name || undefined },
};

/** The trigger value a watch of `kind` with this field selector requires, if any. */
export function triggerValue(kind: string, field: FieldSelector | undefined): string | undefined {
  const trigger = TRIGGERS[kind];
  return (trigger && field && requiredFieldValue(field, trigger.field)) || undefined;
}

export interface WatchTarget {
  kind: string;
  /** The one value of its kind's trigger field its selector requires (triggerValue): only the
   * events of objects that have or had it come. */
  trigger?: string;
  /** Each event of its kind (with its trigger value), in rv order, with the object as it was before. */
  onEvent(event: LogEvent, before: KubeObject | undefined): void;
  /** Around the events of one batch that it gets: what it writes in between can go out as one
   * write (a watch corks its socket). */
  batchStart?(): void;
  batchEnd?(): void;
}

interface KindTargets {
  all: Set<WatchTarget>;
  byTrigger: Map<string, Set<WatchTarget>>;
}

export class WatchDispatch {
  private readonly byKind = new Map<string, KindTargets>();
  /** What the watches of the batch being dispatched computed alike, by what it is of (an event,
   * an object) and a key (once). */
  private readonly computed = new Map<object, Map<string, unknown>>();
  private dispatching = false;
  private readonly joins = new SharedJoins();
  private readonly listener = (events: LogEvent[], _changes: unknown, befores: (KubeObject | undefined)[]) => this.dispatch(events, befores);

  constructor(private readonly ledger: Ledger) {
    ledger.on('fanout', this.listener);
  }

  add(target: WatchTarget): void {
    let kind = this.byKind.get(target.kind);
    if (!kind) this.byKind.set(target.kind, (kind = { all: new Set(), byTrigger: new Map() }));
    if (target.trigger === undefined) kind.all.add(target);
    else {
      let same = kind.byTrigger.get(target.trigger);
      if (!same) kind.byTrigger.set(target.trigger, (same = new Set()));
      same.add(target);
    }
  }

  remove(target: WatchTarget): void {
    const kind = this.byKind.get(target.kind);
    if (!kind) return;
    if (target.trigger === undefined) kind.all.delete(target);
    else {
      const same = kind.byTrigger.get(target.trigger);
      same?.delete(target);
      if (same?.size === 0) kind.byTrigger.delete(target.trigger);
    }
  }

  /**
   * What every watch of the batch being dispatched would compute alike from `of` (an event, an
   * object), made by the first that asks and handed to the others: at 5,000 nodes every
   * kube-proxy watches every EndpointSlice with the same selector, and each matching it and
   * encoding a ~3 KB line of its own was most of what one slice change cost. Outside a dispatch
   * (a watch catching up) it is made for its one caller.
   */
  once<T>(of: object, key: string, make: () => T): T {
    if (!this.dispatching) return make();
    let byKey = this.computed.get(of);
    if (!byKey) this.computed.set(of, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key) as T;
    const value = make();
    byKey.set(key, value);
    return value;
  }

  /** An event's line as a plain watch sends it, `{"type":…,"object":…}` and a newline; encoded
   * once for every watch of the batch that sends it. */
  line(type: string, obj: KubeObject): Buffer {
    return this.once(obj, type, () => Buffer.from(`{"type":"${type}","object":${objectJsonOnce(obj)}}\n`));
  }

  /** A watch's lines of the batch being dispatched as one buffer, for one write, shared with the
   * watches of the same `key` (namespace and selectors) that send the same lines. */
  joined(key: string, lines: readonly Buffer[]): Buffer {
    return this.joins.join(key, lines);
  }

  close(): void {
    this.ledger.off('fanout', this.listener);
  }

  /** Each target on its own: one that throws neither stops the others nor the writer. The first
   * error is rethrown once every target has its events (the ledger logs it). */
  private dispatch(events: readonly LogEvent[], befores: readonly (KubeObject | undefined)[]): void {
    this.dispatching = true;
    try {
      this.dispatchEach(events, befores);
    } finally {
      this.dispatching = false;
      this.computed.clear();
      this.joins.clear();
    }
  }

  private dispatchEach(events: readonly LogEvent[], befores: readonly (KubeObject | undefined)[]): void {
    let failure: { error: unknown } | undefined;
    const touched = new Set<WatchTarget>();
    const call = (target: WatchTarget, event: LogEvent, before: KubeObject | undefined) => {
      try {
        if (!touched.has(target)) {
          touched.add(target);
          target.batchStart?.();
        }
        target.onEvent(event, before);
      } catch (error) {
        failure ??= { error };
      }
    };
    events.forEach((event, i) => {
      const kind = this.byKind.get(event.kind);
      if (!kind) return;
      const before = befores[i];
      for (const target of kind.all) call(target, event, before);
      if (!kind.byTrigger.size) return;
      // A binding moves a pod from no node to one: an event goes to the watches of both values.
      const { valueOf } = TRIGGERS[event.kind]!;
      const now = valueOf(event.object);
      const was = before ? valueOf(before) : undefined;
      for (const value of now === was ? [now] : [now, was]) {
        if (value) for (const target of kind.byTrigger.get(value) ?? []) call(target, event, before);
      }
    });
    for (const target of touched) {
      try {
        target.batchEnd?.();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }
}
