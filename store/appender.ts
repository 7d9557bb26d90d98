// The single writer with group commit. Requests queue; the appender takes everything queued
// (up to a bound), decides and folds each command in order against the live state, writes the
// whole batch in one transaction (one fsync), and only then resolves each request and publishes
// its events. A rejected command contributes nothing to the batch.

import type { Command, Decision } from '../domain/commands.js';
import { StatusError } from '../domain/errors.js';
import type { LogEvent } from '../domain/events.js';
import type { KubeObject } from '../domain/objects.js';
import { execute } from '../domain/execute.js';
import type { ClusterState } from '../domain/state.js';
import type { ProjectionEngine } from '../projections/engine.js';
import type { TableChange } from '../projections/tables.js';
import { changeOf } from './object-change.js';
import type { EventStore } from './event-store.js';

export interface CommittedBatch {
  events: LogEvent[];
  /** Each event's object as it was before the event (selector transitions need it). */
  befores: (KubeObject | undefined)[];
  changes: TableChange[];
}

interface Queued {
  cmd: Command;
  resolve: (d: Decision) => void;
  reject: (e: unknown) => void;
}

export interface AppenderMetrics {
  onBatch?(size: number, events: number, seconds: number): void;
}

const MAX_BATCH = 512;

export class Appender {
  private queue: Queued[] = [];
  private draining = false;
  private failed: unknown;

  constructor(
    private readonly state: ClusterState,
    private readonly engine: ProjectionEngine,
    private readonly store: EventStore,
    private readonly publish: (batch: CommittedBatch) => void,
    private readonly metrics: AppenderMetrics = {},
  ) {}

  submit(cmd: Command): Promise<Decision> {
    if (this.failed) return Promise.reject(this.failed);
    // Dry runs never come here: deciding on the live state would move its allocator cursors
    // (the API runs them on a scratch copy, api/netledger/audit/preview.ts).
    if (cmd.dryRun) return Promise.reject(new Error('dry runs are previewed, not submitted'));
    return new Promise((resolve, reject) => {
      this.queue.push({ cmd, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        // Let requests that arrived in this tick join the first batch.
        setImmediate(() => this.drain());
      }
    });
  }

  private drain(): void {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const started = process.hrtime.bigint();
      const events: LogEvent[] = [];
      const befores: (KubeObject | undefined)[] = [];
      const changes: TableChange[] = [];
      const outcomes: { q: Queued; decision?: Decision; error?: unknown }[] = [];
      for (const q of batch) {
        try {
          const decision = execute(this.state, q.cmd, (ev, before) => {
            events.push(ev);
            befores.push(before);
            changes.push(...this.engine.apply(changeOf(ev, before), this.state, ev.rv));
          });
          outcomes.push({ q, decision });
        } catch (e) {
          if (!(e instanceof StatusError)) {
            // A bug in decide or a projection leaves the live state unknowable: stop writing.
            this.fail(e, batch);
            return;
          }
          outcomes.push({ q, error: e });
        }
      }
      try {
        this.store.commit(events, changes);
      } catch (e) {
        // The state already holds the batch but the disk does not: nothing more may be acknowledged.
        this.fail(e, batch);
        return;
      }
      this.metrics.onBatch?.(batch.length, events.length, Number(process.hrtime.bigint() - started) / 1e9);
      for (const o of outcomes) {
        if (o.decision) o.q.resolve(o.decision);
        else o.q.reject(o.error);
      }
      if (events.length) this.publish({ events, befores, changes });
    }
    this.draining = false;
  }

  private fail(e: unknown, batch: Queued[]): void {
    this.failed = e;
    for (const q of [...batch, ...this.queue]) q.reject(e);
    this.queue = [];
    this.draining = false;
  }

  get broken(): unknown {
    return this.failed;
  }
}
