// Fan-out of per-node table deltas to agent streams. For each rv, the deltas every node sees alike
// (cluster-scoped changes, for nodes with no override at those keys) are encoded once per table
// filter and the same bytes are written to every such stream; only nodes with their own changes
// at that rv get a line of their own. A stream whose socket cannot keep up is closed with a
// resumable ERROR and never holds up the writer or other streams.

import type { ServerResponse } from 'node:http';
import { errors } from '../../domain/errors.js';
import { CLUSTER, type TableName } from '../../projections/model.js';
import type { NodeDelta, PublishedChange } from '../../projections/tables.js';
import { SharedJoins } from '../joined-lines.js';
import type { Ledger } from '../../store/ledger.js';
import { deltasOf } from '../../store/node-deltas.js';

export const MAX_STREAM_BUFFER = 8 * 1024 * 1024;
const BOOKMARK_AFTER_MS = 25_000;

export interface NodeStream {
  node: string;
  tables: TableName[];
  res: ServerResponse;
  /** Highest rv delivered (or covered by the snapshot). */
  rv: number;
  live: boolean;
  /** rvs published while the stream was catching up. */
  pending: { rv: number; time: string | undefined; changes: PublishedChange[] }[];
  lastWrite: number;
  /** Bytes a big first write (the SNAPSHOT) may keep queued beyond the limit until the socket drains. */
  allowance?: number;
  /** The stream's rv moved past rvs that did not concern it, with no line saying so yet. */
  unannounced?: boolean;
  /** The rv of its node's deletion, published while the stream caught up. */
  deletedAt?: number;
  closed: boolean;
  onClose?: () => void;
}

export class StreamHub {
  private readonly streams = new Set<NodeStream>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ledger: Ledger,
    private readonly gauge?: { inc(): void; dec(): void },
    private readonly maxBuffer = MAX_STREAM_BUFFER,
  ) {
    ledger.on('fanout', (events: BatchEvent[], byRv: Map<number, PublishedChange[]>) => {
      const times = new Map(events.map((e) => [e.rv, e.time]));
      this.publish(byRv, times, events[events.length - 1]!.rv, nodesDeletedIn(events));
    });
    // Every second: agents learn soon that rvs which did not concern them are covered too, so
    // "applied >= N" holds for every write N within about a second.
    this.timer = setInterval(() => this.bookmarks(), 1_000);
    this.timer.unref();
  }

  get size(): number {
    return this.streams.size;
  }

  add(stream: NodeStream): void {
    this.streams.add(stream);
    this.gauge?.inc();
    stream.res.on('close', () => this.remove(stream));
  }

  remove(stream: NodeStream): void {
    if (!this.streams.delete(stream)) return;
    this.gauge?.dec();
    stream.closed = true;
    stream.onClose?.();
  }

  /** Writes one line; closes the stream with a resumable ERROR when its socket is backed up. */
  write(stream: NodeStream, bytes: Buffer | string): void {
    if (stream.closed) return;
    stream.res.write(bytes);
    stream.lastWrite = Date.now();
    stream.unannounced = false;
    // Inside a corked batch the check runs once after uncork (publish).
    if (stream.res.writableCorked === 0) this.dropIfBehind(stream);
  }

  /** A stream whose socket holds more than the limit unsent is closed with a resumable ERROR. */
  private dropIfBehind(stream: NodeStream): void {
    if (stream.closed || stream.res.writableLength <= this.maxBuffer + (stream.allowance ?? 0)) return;
    const status = errors.expired(`node stream for ${stream.node} fell behind; resume from the last applied resourceVersion`).status;
    stream.res.write(JSON.stringify({ type: 'ERROR', status }) + '\n');
    this.remove(stream);
    stream.res.end();
    // A reader that does not read at all would keep the socket: drop it.
    setTimeout(() => stream.res.destroy(), 1000).unref();
  }

  /** Writes the SNAPSHOT: however large, it does not count against the stream until it drained. */
  writeSnapshot(stream: NodeStream, text: string): void {
    stream.allowance = Buffer.byteLength(text);
    stream.res.once('drain', () => (stream.allowance = 0));
    this.write(stream, text);
  }

  /** Catch-up writes many lines in a row: wait for the socket to drain instead of dropping it. */
  async drained(stream: NodeStream, timeoutMs = 30_000): Promise<boolean> {
    if (stream.closed) return false;
    if (stream.res.writableLength <= this.maxBuffer / 2) return true;
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        stream.res.off('drain', onDrain);
        stream.res.off('close', onClose);
        resolve(ok);
      };
      const onDrain = () => done(true);
      const onClose = () => done(false);
      const timer = setTimeout(() => done(false), timeoutMs);
      stream.res.on('drain', onDrain);
      stream.res.on('close', onClose);
    });
  }

  /** Delivers one rv's changes to a stream that is live (used for catch-up too). */
  deliver(stream: NodeStream, rv: number, changes: NodeDelta[], time?: string): void {
    if (rv <= stream.rv) return;
    stream.rv = rv;
    if (changes.length) this.write(stream, deltaLine(rv, changes, time));
    else stream.unannounced = true;
  }

  private publish(byRv: Map<number, PublishedChange[]>, times: Map<number, string>, headRv: number, deleted: Map<string, number>): void {
    if (!this.streams.size) return;
    // One writev per stream per batch, however many rvs the batch holds.
    for (const s of this.streams) if (s.live) s.res.cork();
    try {
      this.publishRvs(byRv, times, deleted);
    } finally {
      for (const s of this.streams) {
        if (!s.live || s.closed) continue;
        s.res.uncork();
        this.dropIfBehind(s);
      }
    }
    // Events that changed no table still move every stream's rv (announced by a bookmark).
    for (const s of this.streams) {
      if (s.live && headRv > s.rv) {
        s.rv = headRv;
        s.unannounced = true;
      }
    }
  }

  private publishRvs(byRv: Map<number, PublishedChange[]>, times: Map<number, string>, deleted: Map<string, number>): void {
    // The common DELTAs of the batch, queued per stream and written in one write at the end (or
    // before a line of its own): streams with the same tables get the same lines, concatenated
    // once for all of them.
    const queued = new Map<NodeStream, Buffer[]>();
    const joins = new SharedJoins();
    const flush = (s: NodeStream) => {
      const lines = queued.get(s);
      if (!lines) return;
      queued.delete(s);
      // Whether the stream's last rv went unannounced is the loop's to say, not this write's.
      const unannounced = s.unannounced;
      this.write(s, joins.join(s.tables.join(','), lines));
      s.unannounced = unannounced;
    };
    // A node deleted in this batch: its stream gets the rvs up to the deletion, then ends.
    const endIfDeleted = (s: NodeStream, rv: number) => {
      if (deleted.get(s.node) !== rv) return;
      flush(s);
      this.endDeleted(s);
    };
    for (const rv of [...new Set([...byRv.keys(), ...deleted.values()])].sort((a, b) => a - b)) {
      const changes = byRv.get(rv) ?? [];
      const time = times.get(rv);
      // Nodes that see this rv differently from the rest: their own changes, or overrides.
      const special = new Set<string>();
      const common: PublishedChange[] = [];
      for (const c of changes) {
        if (c.scope !== CLUSTER) special.add(c.scope);
        else {
          common.push(c);
          for (const n of c.hiddenFrom ?? []) special.add(n);
        }
      }
      const encoded = new Map<string, Buffer | null>();
      for (const s of this.streams) {
        if (!s.live) {
          s.pending.push({ rv, time, changes });
          if (deleted.get(s.node) === rv) s.deletedAt ??= rv;
          continue;
        }
        if (rv <= s.rv) continue;
        if (special.has(s.node)) {
          flush(s);
          this.deliver(s, rv, deltasOf(s.node, s.tables, changes), time);
          endIfDeleted(s, rv);
          continue;
        }
        const filter = s.tables.join(',');
        let bytes = encoded.get(filter);
        if (bytes === undefined) {
          const deltas = deltasOf('', s.tables, common);
          bytes = deltas.length ? Buffer.from(deltaLine(rv, deltas, time)) : null;
          encoded.set(filter, bytes);
        }
        s.rv = rv;
        if (bytes) {
          const lines = queued.get(s);
          if (lines) lines.push(bytes);
          else queued.set(s, [bytes]);
          s.unannounced = false;
        } else s.unannounced = true;
        endIfDeleted(s, rv);
      }
    }
    for (const s of [...queued.keys()]) flush(s);
  }

  /** The stream of a node that no longer exists: an ERROR naming it (404, as a new stream or a
   * read of its tables now gets), then close. Its agent learns the node is gone instead of
   * holding on to cluster rules for a node the server no longer has. */
  private endDeleted(stream: NodeStream): void {
    if (stream.closed) return;
    const status = errors.notFound('nodes', '', stream.node, `nodes "${stream.node}" was deleted at resourceVersion ${stream.rv}`).status;
    stream.res.write(JSON.stringify({ type: 'ERROR', status }) + '\n');
    this.remove(stream);
    stream.res.end();
  }

  /** Streams switch to live delivery after their catch-up; buffered rvs are replayed in order. */
  goLive(stream: NodeStream): void {
    for (const p of stream.pending.splice(0)) {
      this.deliver(stream, p.rv, deltasOf(stream.node, stream.tables, p.changes), p.time);
      // Deleted while it caught up: the rvs up to the deletion, then the end. (Published rvs
      // only: the live state may hold a decided deletion that is not durable yet.)
      if (p.rv === stream.deletedAt) {
        this.endDeleted(stream);
        return;
      }
    }
    stream.live = true;
  }

  private bookmarks(): void {
    const now = Date.now();
    for (const s of this.streams) {
      if (s.live && (s.unannounced || now - s.lastWrite >= BOOKMARK_AFTER_MS)) {
        // Not committedRv: a batch committed but not yet fanned out would be announced before
        // its DELTAs, and then skipped as already covered.
        s.rv = Math.max(s.rv, this.ledger.fannedOutRv);
        this.write(s, JSON.stringify({ type: 'BOOKMARK', resourceVersion: String(s.rv) }) + '\n');
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const s of [...this.streams]) {
      this.remove(s);
      s.res.end();
    }
  }
}

interface BatchEvent {
  rv: number;
  time: string;
  kind: string;
  name: string;
  type: string;
}

/** Node name -> the rv of its deletion, for the Nodes a batch deletes (and does not create again). */
function nodesDeletedIn(events: readonly BatchEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== 'Node') continue;
    if (e.type === 'DELETED') out.set(e.name, e.rv);
    else out.delete(e.name);
  }
  return out;
}

/** One DELTA line; `time` is the event's time, so agents can measure network programming latency. */
export function deltaLine(rv: number, changes: NodeDelta[], time?: string): string {
  return JSON.stringify({
    type: 'DELTA',
    resourceVersion: String(rv),
    ...(time ? { time } : {}),
    changes: changes.map((c) => (c.op === 'upsert' ? { table: c.table, op: c.op, key: c.key, value: c.value } : { table: c.table, op: c.op, key: c.key })),
  }) + '\n';
}
