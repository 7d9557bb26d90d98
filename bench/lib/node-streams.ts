// Many per-node streams held open by one process: node table streams, a kubelet's watch of its
// pods, a kube-proxy's watch of the EndpointSlices. A stream's progress is the highest rv of a complete line it has received; lines are
// not JSON-parsed (thousands of streams × thousands of lines would make the bench the
// bottleneck): the rv is the line's first "resourceVersion" (a node stream line's own, a watch
// event's object's metadata), and an ERROR line is recognised by its type.

import { Pool } from 'undici';

const RV_FIELD = Buffer.from('"resourceVersion":"');
const ERROR_TYPE = Buffer.from('"type":"ERROR"');
const NL = 0x0a;

/** The path of one node's stream, resuming after rv `from`. */
export type StreamPath = (node: string, from: number) => string;

/** The node table stream (API.md), every table. */
export const nodeTableStream: StreamPath = (node, from) => `/apis/netledger.io/v1/nodes/${node}/tables?watch=true&resourceVersion=${from}`;

/** A kubelet's watch of the pods bound to its node. */
export const kubeletPodWatch: StreamPath = (node, from) => `/api/v1/pods?watch=true&allowWatchBookmarks=true&fieldSelector=${encodeURIComponent(`spec.nodeName=${node}`)}&resourceVersion=${from}`;

/** A kube-proxy's watch of the EndpointSlices (client-go's selector; one per node, not by node). */
export const kubeProxySliceWatch: StreamPath = (_node, from) =>
  `/apis/discovery.k8s.io/v1/endpointslices?watch=true&allowWatchBookmarks=true&labelSelector=${encodeURIComponent('!service.kubernetes.io/headless,!service.kubernetes.io/service-proxy-name')}&resourceVersion=${from}`;

export interface NodeStreamClient {
  node: string;
  /** Highest rv of a complete line received. */
  rv: number;
  /** When it got that rv (performance.now() ms). */
  rvAt?: number;
  /** One caller waiting for rv >= this (reach). */
  waiter?: { rv: number; resolve: (at: number | undefined) => void };
  lines: number;
  bytes: number;
  error?: string;
  ended: boolean;
  /** When the stream first reached the current target rv (performance.now() ms). */
  reachedAt?: number;
}

export class StreamFleet {
  readonly streams: NodeStreamClient[] = [];
  private readonly pool: Pool;
  private target = Infinity;
  private waiting = 0;
  private onAllReached?: () => void;

  constructor(
    readonly url: string,
    maxStreams: number,
    private readonly path: StreamPath = nodeTableStream,
  ) {
    this.pool = new Pool(url, { connections: maxStreams, pipelining: 1, bodyTimeout: 0, headersTimeout: 0, keepAliveTimeout: 600_000 });
  }

  /** Opens a stream for each node from rv `from` (no SNAPSHOT); resolves once all have headers. */
  async open(nodes: readonly string[], from: number, concurrency = 200): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < nodes.length) await this.openOne(nodes[next++]!, from);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, nodes.length) }, worker));
  }

  private async openOne(node: string, from: number): Promise<void> {
    const s: NodeStreamClient = { node, rv: 0, lines: 0, bytes: 0, ended: false };
    this.streams.push(s);
    const res = await this.pool.request({ method: 'GET', path: this.path(node, from) });
    if (res.statusCode !== 200) {
      s.error = `HTTP ${res.statusCode}: ${(await res.body.text()).slice(0, 200)}`;
      s.ended = true;
      return;
    }
    // Registered with the server's hub before its headers were sent: live from here on. A
    // resumer that missed nothing gets no line until something changes (or the 25 s BOOKMARK).
    s.rv = from;
    let carry: Buffer | undefined;
    res.body.on('data', (chunk: Buffer) => {
      s.bytes += chunk.length;
      const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
      const end = buf.lastIndexOf(NL);
      if (end < 0) {
        carry = buf;
        return;
      }
      carry = end + 1 < buf.length ? buf.subarray(end + 1) : undefined;
      // The last complete line carries the highest rv of this chunk (streams are rv-ordered).
      const lineStart = buf.lastIndexOf(NL, end - 1) + 1;
      let lines = 0;
      for (let i = buf.indexOf(NL); i >= 0 && i <= end; i = buf.indexOf(NL, i + 1)) lines++;
      s.lines += lines;
      if (buf.indexOf(ERROR_TYPE) >= 0 && !s.error) s.error = buf.subarray(0, end).toString().split('\n').find((l) => l.includes('"ERROR"'))?.slice(0, 300);
      const at = buf.indexOf(RV_FIELD, lineStart);
      if (at >= 0 && at < end) {
        const start = at + RV_FIELD.length;
        const close = buf.indexOf(0x22, start);
        const rv = Number(buf.toString('latin1', start, close));
        if (rv > s.rv) {
          s.rv = rv;
          s.rvAt = performance.now();
          if (rv > this.target && s.reachedAt === undefined) this.reached(s);
          if (s.waiter && rv >= s.waiter.rv) {
            s.waiter.resolve(s.rvAt);
            s.waiter = undefined;
          }
        }
      }
    });
    res.body.on('end', () => (s.ended = true));
    res.body.on('error', (e) => {
      s.ended = true;
      s.error ??= String(e);
    });
  }

  private reached(s: NodeStreamClient): void {
    s.reachedAt = performance.now();
    if (--this.waiting === 0) this.onAllReached?.();
  }

  /**
   * Arms the fleet for a measurement: each live stream records when it first gets a line with
   * rv > `after`. Returns a promise that resolves when all have, or after timeoutMs.
   */
  arm(after: number, timeoutMs: number): Promise<boolean> {
    this.target = after;
    this.waiting = 0;
    for (const s of this.live()) {
      s.reachedAt = undefined;
      if (s.rv > after) s.reachedAt = performance.now();
      else this.waiting++;
    }
    return new Promise((resolve) => {
      if (this.waiting === 0) return resolve(true);
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.onAllReached = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /** Changes the target of an armed fleet (the burst's last rv is known only at its end). */
  retarget(after: number): void {
    this.target = after;
    this.waiting = 0;
    for (const s of this.live()) {
      if (s.rv > after) {
        s.reachedAt ??= performance.now();
      } else {
        s.reachedAt = undefined;
        this.waiting++;
      }
    }
    if (this.waiting === 0) this.onAllReached?.();
  }

  /** When the node's stream got a line with rv >= `rv` (at once if it had already), or undefined
   * after timeoutMs. */
  reach(node: string, rv: number, timeoutMs: number): Promise<number | undefined> {
    const s = this.streams.find((x) => x.node === node);
    if (!s) return Promise.resolve(undefined);
    if (s.rv >= rv) return Promise.resolve(s.rvAt);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        s.waiter = undefined;
        resolve(undefined);
      }, timeoutMs);
      s.waiter = {
        rv,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
    });
  }

  live(): NodeStreamClient[] {
    return this.streams.filter((s) => !s.ended && !s.error);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
