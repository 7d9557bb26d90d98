// Finishes graceful Pod deletions. There is no kubelet to confirm a pod stopped, so when a Pod's
// deletionTimestamp passes, the server deletes it as a separate event (API.md, "Status").

import { randomUUID } from 'node:crypto';
import { podTermination } from '../domain/commands.js';
import type { KubeObject } from '../domain/objects.js';
import type { Ledger } from '../store/ledger.js';

export class Terminator {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();

  constructor(private readonly ledger: Ledger, private readonly log: { warn(o: unknown, m?: string): void }) {}

  /** Schedules every terminating pod of the loaded state (after a restart). */
  start(): void {
    for (const pod of this.ledger.state.list('Pod')) this.watch(pod);
  }

  watch(obj: KubeObject): void {
    if (obj.kind !== 'Pod' || !obj.metadata.deletionTimestamp || !obj.metadata.uid) return;
    const key = `${obj.metadata.namespace}/${obj.metadata.name}/${obj.metadata.uid}`;
    const at = Date.parse(obj.metadata.deletionTimestamp);
    // A later delete may shorten the grace period: the earlier deadline wins.
    const scheduled = this.timers.get(key);
    if (scheduled && scheduled.at <= at) return;
    if (scheduled) clearTimeout(scheduled.timer);
    const due = Math.max(0, at - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.ledger
        .submit(podTermination(obj, new Date().toISOString(), randomUUID()))
        .catch((err) => this.log.warn({ err, pod: key }, 'finishing a graceful deletion failed'));
    }, due);
    timer.unref();
    this.timers.set(key, { timer, at });
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
  }
}
