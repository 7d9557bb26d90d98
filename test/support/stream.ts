// A minimal node-stream reader for tests: newline-delimited JSON over real HTTP, folded into
// local tables the way an agent does, with digests computed like the server's.

import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { digestOf } from '../../projections/tables.js';

export interface StreamLine {
  type: 'SNAPSHOT' | 'DELTA' | 'BOOKMARK' | 'ERROR';
  resourceVersion?: string;
  tables?: Record<string, { digest: string; entries: { key: string; value: unknown }[] }>;
  changes?: { table: string; op: 'upsert' | 'delete'; key: string; value?: unknown }[];
  status?: { code: number; reason: string; message: string; details?: Record<string, unknown> };
}

export class StreamReader {
  readonly lines: StreamLine[] = [];
  readonly tables = new Map<string, Map<string, unknown>>();
  ended = false;
  private buffer = '';
  private waiters: (() => void)[] = [];
  private req?: ClientRequest;
  private res?: IncomingMessage;

  constructor(readonly url: string) {}

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.req = request(this.url, (res) => {
        this.res = res;
        if (res.statusCode !== 200) reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => this.onData(chunk));
        res.on('end', () => this.finish());
        res.on('close', () => this.finish());
        resolve();
      });
      this.req.on('error', (e) => {
        this.finish();
        reject(e);
      });
      this.req.end();
    });
  }

  private finish(): void {
    this.ended = true;
    this.wake();
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const text = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      if (!text.trim()) continue;
      const line = JSON.parse(text) as StreamLine;
      this.lines.push(line);
      this.fold(line);
    }
    this.wake();
  }

  private fold(line: StreamLine): void {
    if (line.type === 'SNAPSHOT') {
      this.tables.clear();
      for (const [t, { entries }] of Object.entries(line.tables!)) this.tables.set(t, new Map(entries.map((e) => [e.key, e.value])));
    } else if (line.type === 'DELTA') {
      for (const c of line.changes!) {
        let t = this.tables.get(c.table);
        if (!t) this.tables.set(c.table, (t = new Map()));
        if (c.op === 'upsert') t.set(c.key, c.value);
        else t.delete(c.key);
      }
    }
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits (bounded) until a line satisfies the predicate; returns it. */
  async waitFor(pred: (l: StreamLine) => boolean, timeoutMs = 10_000): Promise<StreamLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.lines.find(pred);
      if (hit) return hit;
      if (this.ended) throw new Error(`stream ended before the expected line; got ${JSON.stringify(this.lines.map((l) => l.type + ' ' + l.resourceVersion))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; lines: ${JSON.stringify(this.lines.map((l) => l.type + ' ' + l.resourceVersion))}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  digest(table: string): string {
    return digestOf(table, this.tables.get(table) ?? new Map());
  }

  lastRv(): number {
    const rvs = this.lines.filter((l) => l.resourceVersion).map((l) => Number(l.resourceVersion));
    return rvs.length ? Math.max(...rvs) : 0;
  }

  /** Resolves when the server has closed the stream (bounded by timeoutMs). */
  async waitForEnd(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('the stream did not end');
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  close(): void {
    this.req?.destroy();
    this.res?.destroy();
  }
}
