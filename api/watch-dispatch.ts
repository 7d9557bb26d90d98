// Hands each committed event to the watches that can be interested in it, as the cacher's
// dispatchEvent does: by kind, and for a watch whose field selector requires one spec.nodeName
// (a kubelet's watch of its own pods; kube-apiserver's pod "trigger" index) only when the pod is
// or was on that node. At 5,000 nodes every node watches its pods: handing every pod event to
// every such watch, for each to find it is not on its node, made one event cost thousands of
// selector matches.

import type { LogEvent } from '../domain/events.js';
import type { KubeObject, Pod } from '../domain/objects.js';
import type { Ledger } from '../store/ledger.js';

export interface WatchTarget {
  kind: string;
  /** The one spec.nodeName its selector requires (Pods only): only that node's events come. */
  node?: string;
  /** Each event of its kind (on its node), in rv order, with the object as it was before. */
  onEvent(event: LogEvent, before: KubeObject | undefined): void;
}

interface KindTargets {
  all: Set<WatchTarget>;
  byNode: Map<string, Set<WatchTarget>>;
}

export class WatchDispatch {
  private readonly byKind = new Map<string, KindTargets>();
  private readonly listener = (events: LogEvent[], _changes: unknown, befores: (KubeObject | undefined)[]) => this.dispatch(events, befores);

  constructor(private readonly ledger: Ledger) {
    ledger.on('batch', this.listener);
  }

  add(target: WatchTarget): void {
    let kind = this.byKind.get(target.kind);
    if (!kind) this.byKind.set(target.kind, (kind = { all: new Set(), byNode: new Map() }));
    if (target.node === undefined) kind.all.add(target);
    else {
      let onNode = kind.byNode.get(target.node);
      if (!onNode) kind.byNode.set(target.node, (onNode = new Set()));
      onNode.add(target);
    }
  }

  remove(target: WatchTarget): void {
    const kind = this.byKind.get(target.kind);
    if (!kind) return;
    if (target.node === undefined) kind.all.delete(target);
    else {
      const onNode = kind.byNode.get(target.node);
      onNode?.delete(target);
      if (onNode?.size === 0) kind.byNode.delete(target.node);
    }
  }

  close(): void {
    this.ledger.off('batch', this.listener);
  }

  /** Each target on its own: one that throws neither stops the others nor the writer. The first
   * error is rethrown once every target has its events (the ledger logs it). */
  private dispatch(events: readonly LogEvent[], befores: readonly (KubeObject | undefined)[]): void {
    let failure: { error: unknown } | undefined;
    const call = (target: WatchTarget, event: LogEvent, before: KubeObject | undefined) => {
      try {
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
      if (!kind.byNode.size) return;
      // A binding moves a pod from no node to one: it goes to the watches of both.
      const now = nodeOf(event.object);
      const was = before ? nodeOf(before) : undefined;
      for (const node of now === was ? [now] : [now, was]) {
        if (node) for (const target of kind.byNode.get(node) ?? []) call(target, event, before);
      }
    });
    if (failure) throw failure.error;
  }
}

function nodeOf(obj: KubeObject): string | undefined {
  return (obj as Pod).spec?.nodeName || undefined;
}
