// The agent's side of the node stream: one long GET, newline-delimited JSON, lines handed to the
// caller one at a time (the next waits until the previous is applied, and the socket is paused
// while lines pile up, so a slow apply back-pressures the server instead of buffering here).
// Reconnects with exponential backoff, resuming from the caller's last applied rv; after a 410
// (or a 504 for an rv the server never reached) it drops the rv so the server starts over with a
// SNAPSHOT.

import http from 'node:http';
import https from 'node:https';
import type { TableName } from '../../projections/model.js';
import type { Logger } from '../log.js';
import { Backoff } from './backoff.js';
import { LineSplitter, parseStreamLine, type StreamMessage } from './messages.js';

export interface StreamClientOptions {
  server: string;
  node: string;
  tables: readonly TableName[];
  /** The rv to resume from (the last applied), or undefined for a SNAPSHOT. Asked on every connect. */
  resumeFrom(): number | undefined;
  /** Applies one line (receivedAt: performance.now() when it arrived); the stream waits for it. A throw ends the connection (and reconnects). */
  onMessage(msg: StreamMessage, receivedAt: number): Promise<void>;
  log: Logger;
  /** No byte for this long = a dead connection (the server bookmarks at least every 30 s). */
  idleTimeoutMs?: number;
  backoff?: Backoff;
  /** Called before each connection attempt (metrics). */
  onConnect?: () => void;
}

const MAX_QUEUED_LINES = 64;

export function streamPath(node: string, tables: readonly TableName[], rv: number | undefined): string {
  const q = new URLSearchParams({ watch: 'true' });
  if (rv !== undefined) q.set('resourceVersion', String(rv));
  q.set('tables', tables.join(','));
  return `/apis/netledger.io/v1/nodes/${encodeURIComponent(node)}/tables?${q}`;
}

export class NodeStreamClient {
  private stopped = false;
  private snapshotNext = false;
  private current?: http.ClientRequest;
  private wake?: () => void;
  private loop?: Promise<void>;
  private readonly backoff: Backoff;
  /** Connections made so far (tests and logs). */
  connects = 0;

  constructor(private readonly opts: StreamClientOptions) {
    this.backoff = opts.backoff ?? new Backoff();
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Drops the current connection and starts over with a SNAPSHOT (the server lost our rv). */
  resync(): void {
    this.snapshotNext = true;
    this.current?.destroy();
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.current?.destroy();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const rv = this.snapshotNext ? undefined : this.opts.resumeFrom();
      this.snapshotNext = false;
      let delivered = false;
      try {
        delivered = await this.connectOnce(rv);
      } catch (err) {
        this.opts.log.warn({ err: String(err), server: this.opts.server }, 'node stream broke');
      }
      if (this.stopped) break;
      if (delivered) this.backoff.reset();
      const delay = this.backoff.next();
      this.opts.log.info({ delayMs: delay, resumeFrom: this.snapshotNext ? null : this.opts.resumeFrom() ?? null }, 'node stream reconnecting');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** One connection; resolves when it ended and every line it brought was applied. True when a line came. */
  private connectOnce(rv: number | undefined): Promise<boolean> {
    const url = new URL(streamPath(this.opts.node, this.opts.tables, rv), this.opts.server);
    const lib = url.protocol === 'https:' ? https : http;
    this.connects++;
    this.opts.onConnect?.();
    this.opts.log.info({ url: url.toString() }, 'node stream connecting');
    return new Promise<boolean>((resolve, reject) => {
      let delivered = false;
      let ended = false;
      let failed: unknown;
      const queue: { line: string; at: number }[] = [];
      let busy = false;
      const splitter = new LineSplitter();
      const finish = () => {
        if (!ended || busy || queue.length) return;
        if (failed !== undefined && !delivered) reject(failed);
        else {
          if (failed !== undefined) this.opts.log.warn({ err: String(failed) }, 'node stream ended');
          resolve(delivered);
        }
      };
      const req = lib.get(url, { headers: { accept: 'application/x-ndjson' } }, (res) => {
        if (res.statusCode !== 200) {
          let body = '';
          res.setEncoding('utf8').on('data', (d: string) => (body += d));
          res.on('end', () => {
            // 410: the server no longer has our rv. 504 ResourceVersionTooLarge: it never had it
            // (another server, or one restored from an older backup); as client-go's reflector
            // relists then, start over with a SNAPSHOT.
            if (res.statusCode === 410 || (res.statusCode === 504 && body.includes('ResourceVersionTooLarge'))) this.snapshotNext = true;
            failed = new Error(`GET ${url.pathname}: HTTP ${res.statusCode} ${body.slice(0, 200)}`);
            ended = true;
            finish();
          });
          return;
        }
        const pump = async () => {
          if (busy) return;
          busy = true;
          while (queue.length && failed === undefined) {
            const { line, at } = queue.shift()!;
            try {
              const msg = parseStreamLine(line);
              if (msg.type === 'ERROR') {
                if (msg.status.code === 410) this.snapshotNext = true;
                this.opts.log.warn({ status: msg.status }, 'node stream ERROR');
              }
              await this.opts.onMessage(msg, at);
              delivered = true;
            } catch (err) {
              failed = err;
              queue.length = 0;
              req.destroy();
            }
            if (queue.length < MAX_QUEUED_LINES / 2 && res.isPaused()) res.resume();
          }
          busy = false;
          finish();
        };
        res.on('data', (chunk: Buffer) => {
          idle.refresh();
          const at = performance.now();
          for (const line of splitter.push(chunk)) queue.push({ line, at });
          if (queue.length >= MAX_QUEUED_LINES) res.pause();
          void pump();
        });
        res.on('end', () => {
          ended = true;
          finish();
        });
        res.on('error', (err) => {
          failed ??= err;
          ended = true;
          finish();
        });
      });
      this.current = req;
      const idle = setTimeout(() => {
        failed ??= new Error(`node stream silent for ${this.opts.idleTimeoutMs ?? 65_000} ms`);
        req.destroy();
      }, this.opts.idleTimeoutMs ?? 65_000);
      idle.unref();
      req.on('error', (err) => {
        failed ??= err;
        ended = true;
        finish();
      });
      req.on('close', () => {
        clearTimeout(idle);
        ended = true;
        finish();
      });
    });
  }
}
