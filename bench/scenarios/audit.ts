// `audit`: on the scale scenario's database (built here when scale did not run in this bench
// run), latency of a node's iptables history page, a diff across 10,000 revisions, and a
// time-travel read 10,000 revisions back, over loopback HTTP to the built server.

import { Pool } from 'undici';
import { Ledger } from '../../store/ledger.js';
import { buildEnvelope, layout } from '../lib/envelope.js';
import { nodeName, SERVE_FLAGS } from '../lib/objects.js';
import type { BenchOptions, EnvelopeDb, Shared } from '../lib/options.js';
import { startNetledger, tempDir, vmRss } from '../lib/processes.js';
import { Report } from '../lib/report.js';
import { atMost, summarize, type Summary } from '../lib/stats.js';
import { envelopeSize } from './scale.js';

const SPAN = 10_000;
const MAX_SAMPLES = 30;
const BUDGET_MS = 20_000;

interface Timed {
  status: number;
  bytes: number;
  latency?: Summary;
  samples: number;
  firstMs: number;
}

/** GETs path repeatedly (one warm-up, then up to MAX_SAMPLES or BUDGET_MS). */
async function timeGet(pool: Pool, path: string): Promise<Timed> {
  const once = async () => {
    const t = performance.now();
    const res = await pool.request({ method: 'GET', path, headersTimeout: 300_000, bodyTimeout: 300_000 });
    const body = await res.body.arrayBuffer();
    return { status: res.statusCode, bytes: body.byteLength, ms: performance.now() - t };
  };
  const first = await once();
  if (first.status !== 200) return { status: first.status, bytes: first.bytes, samples: 0, firstMs: first.ms };
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < MAX_SAMPLES && performance.now() - started < BUDGET_MS) samples.push((await once()).ms);
  return { status: 200, bytes: first.bytes, latency: summarize(samples), samples: samples.length, firstMs: first.ms };
}

async function ensureEnvelope(opts: BenchOptions, shared: Shared): Promise<EnvelopeDb> {
  if (shared.envelope) return shared.envelope;
  const size = envelopeSize(opts.quick);
  const dir = tempDir('netledger-bench-audit-');
  shared.cleanup.push(dir);
  opts.log(`audit: building the envelope (${size.nodes} nodes, ${size.services} services)`);
  const ledger = await Ledger.open({ dataDir: dir });
  await buildEnvelope(ledger, size, opts.log);
  const env: EnvelopeDb = { dataDir: dir, nodes: size.nodes, services: size.services, pods: layout(size).pods, headRv: ledger.committedRv, loadedRv: ledger.committedRv };
  await ledger.close();
  shared.envelope = env;
  return env;
}

export async function audit(opts: BenchOptions, shared: Shared): Promise<Report> {
  const report = new Report('audit');
  const env = await ensureEnvelope(opts, shared);
  report.note(`database: ${env.nodes} nodes, ${env.services} services, ${env.pods} pods, head rv ${env.headRv}`);
  report.note(`each query: one warm-up call, then up to ${MAX_SAMPLES} calls or ${BUDGET_MS / 1000} s; JSON responses`);
  const t = performance.now();
  const server = await startNetledger({ dataDir: env.dataDir, flags: SERVE_FLAGS });
  report.add('server start-up on the envelope (spawn to "serving")', (performance.now() - t) / 1000, 's');
  report.add('server RSS after start-up', vmRss(server.pid) / 1024 ** 2, 'MiB');
  const pool = new Pool(server.url, { connections: 1 });
  try {
    const node = nodeName(0);
    const base = `/apis/netledger.io/v1/nodes/${node}/tables/iptables`;
    const head = Number((await (await fetch(`${server.url}/api/v1/namespaces/default/services?limit=1`)).json()).metadata.resourceVersion);
    const from = Math.max(0, head - SPAN);
    report.note(`node ${node}; R = head − ${SPAN} = ${from}; head = ${head}`);
    const first = (await (await fetch(`${server.url}/api/v1/services?limit=1`)).json()).items[0].metadata;
    const oneKey = encodeURIComponent(`nat/KUBE-SERVICES/${first.namespace}/${first.name}`);
    report.note(`one-key reads: key nat/KUBE-SERVICES/${first.namespace}/${first.name}`);
    const queries: [string, string, boolean][] = [
      ['history ?limit=100', `${base}/history?limit=100`, true],
      [`diff from=R to=R+${SPAN}`, `${base}/diff?from=${from}&to=${from + SPAN}`, true],
      ['time travel ?resourceVersion=R', `${base}?resourceVersion=${from}`, true],
      ['time travel of one key ?resourceVersion=R&key=K', `${base}?resourceVersion=${from}&key=${oneKey}`, false],
      ['live table read (reference)', base, false],
    ];
    for (const [label, path, targeted] of queries) {
      opts.log(`audit: ${label}`);
      const r = await timeGet(pool, path);
      report.detail(label, { path, ...r });
      if (r.status === 404) {
        report.add(`${label}: skipped`, 'HTTP 404', '', targeted ? '<= 100 ms p99' : '', '');
        report.note(`${label}: ${path} returned 404 (route not built yet)`);
        continue;
      }
      if (r.status !== 200 || !r.latency) {
        report.add(`${label}: failed`, `HTTP ${r.status}`, '', '', targeted ? 'MISS' : '');
        continue;
      }
      report.add(`${label}: p50`, r.latency.p50, 'ms');
      report.add(`${label}: p99 (${r.samples} calls)`, r.latency.p99, 'ms', targeted ? '<= 100 ms' : '', targeted ? atMost(r.latency.p99, 100) : '');
      report.add(`${label}: response size`, r.bytes / 1024, 'KiB');
    }
  } finally {
    await pool.close();
    await server.stop();
  }
  return report;
}
