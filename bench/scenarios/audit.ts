// `audit`: on the scale scenario's database (built here when scale did not run in this bench
// run), latency of a node's iptables history page, a diff across 10,000 revisions and a
// time-travel read 10,000 revisions back: paged (limit=500, every page of the walk timed) and,
// for reference, in one response each, over loopback HTTP to the built server; then the same
// byte counts from a bare fastify app, the loopback floor of those one-response reads.

import { Pool } from 'undici';
import { Ledger } from '../../store/ledger.js';
import { buildEnvelope, layout } from '../lib/envelope.js';
import { nodeName, SERVE_FLAGS } from '../lib/objects.js';
import type { BenchOptions, EnvelopeDb, Shared } from '../lib/options.js';
import { startBare, startNetledger, tempDir, vmRss } from '../lib/processes.js';
import { join } from 'node:path';
import { Report } from '../lib/report.js';
import { atMost, summarize, type Summary } from '../lib/stats.js';
import { envelopeSize } from './scale.js';

const SPAN = 10_000;
const MAX_SAMPLES = 30;
const BUDGET_MS = 20_000;
/** Calls of each text form after its warm-up: they are references, and each is seconds at most. */
const TEXT_SAMPLES = 5;

interface Timed {
  status: number;
  bytes: number;
  latency?: Summary;
  samples: number;
  firstMs: number;
}

/** GETs path repeatedly (one warm-up, then up to MAX_SAMPLES or BUDGET_MS), each timed until its
 * last byte has arrived. The bytes are counted, not gathered: joining a 50–75 MB body into one
 * buffer is the client's work, and in this process it added 60–95 ms to the p50 of the
 * whole-table reads (2026-12-04, one audit run each way). */
async function timeGet(pool: Pool, path: string, maxSamples = MAX_SAMPLES): Promise<Timed> {
  const once = async () => {
    const t = performance.now();
    const res = await pool.request({ method: 'GET', path, headersTimeout: 300_000, bodyTimeout: 300_000 });
    let bytes = 0;
    for await (const chunk of res.body) bytes += (chunk as Buffer).byteLength;
    return { status: res.statusCode, bytes, ms: performance.now() - t };
  };
  const first = await once();
  if (first.status !== 200) return { status: first.status, bytes: first.bytes, samples: 0, firstMs: first.ms };
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxSamples && performance.now() - started < BUDGET_MS) samples.push((await once()).ms);
  return { status: 200, bytes: first.bytes, latency: summarize(samples), samples: samples.length, firstMs: first.ms };
}

interface Walk {
  pages: number;
  /** Per page, over every walk. */
  latency: Summary;
  /** Whole walk (first page to the one without a continue token), per walk. */
  total: Summary;
  bytes: number;
  walks: number;
}

const PAGE = 500;
const WALKS = 3;

/** Reads every page of a paged read (limit=PAGE, following continue tokens), WALKS times after
 * one warm-up walk: the latency of each page and of the whole walk. */
async function timeWalk(pool: Pool, first: string, next: (token: string) => string): Promise<Walk | { status: number }> {
  const pageMs: number[] = [];
  const totals: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let w = 0; w <= WALKS; w++) {
    const started = performance.now();
    let path = first;
    pages = 0;
    bytes = 0;
    for (let i = 0; i < 100_000; i++) {
      const t = performance.now();
      const res = await pool.request({ method: 'GET', path, headersTimeout: 300_000, bodyTimeout: 300_000 });
      const body = Buffer.from(await res.body.arrayBuffer());
      if (res.statusCode !== 200) return { status: res.statusCode };
      if (w > 0) pageMs.push(performance.now() - t);
      pages++;
      bytes += body.byteLength;
      const token = JSON.parse(body.toString('utf8')).metadata.continue as string | undefined;
      if (!token) break;
      path = next(token);
    }
    if (w > 0) totals.push(performance.now() - started);
  }
  return { pages, latency: summarize(pageMs), total: summarize(totals), bytes, walks: WALKS };
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
  /** The one-response reads' sizes, for the loopback floor below. */
  const oneResponse: [string, number][] = [];
  try {
    const node = nodeName(0);
    const base = `/apis/netledger.io/v1/nodes/${node}/tables/iptables`;
    const head = Number((await (await fetch(`${server.url}/api/v1/namespaces/default/services?limit=1`)).json()).metadata.resourceVersion);
    const from = Math.max(0, head - SPAN);
    report.note(`node ${node}; R = head − ${SPAN} = ${from}; head = ${head}`);
    const first = (await (await fetch(`${server.url}/api/v1/services?limit=1`)).json()).items[0].metadata;
    const oneKey = encodeURIComponent(`nat/KUBE-SERVICES/${first.namespace}/${first.name}`);
    report.note(`one-key reads: key nat/KUBE-SERVICES/${first.namespace}/${first.name}`);
    const walks: [string, string, (token: string) => string][] = [
      [`diff from=R to=R+${SPAN}, paged`, `${base}/diff?from=${from}&to=${from + SPAN}&limit=${PAGE}`, (t) => `${base}/diff?limit=${PAGE}&continue=${t}`],
      ['time travel ?resourceVersion=R, paged', `${base}?resourceVersion=${from}&limit=${PAGE}`, (t) => `${base}?limit=${PAGE}&continue=${t}`],
    ];
    report.note(`paged reads: limit=${PAGE} (kubectl's list chunk size), continue tokens followed to the end, ${WALKS} walks after a warm-up one`);
    for (const [label, first, next] of walks) {
      opts.log(`audit: ${label}`);
      const w = await timeWalk(pool, first, next);
      report.detail(label, { path: first, ...w });
      if (!('pages' in w)) {
        report.add(`${label}: failed`, `HTTP ${w.status}`, '', '', 'MISS');
        continue;
      }
      report.add(`${label}: page p50`, w.latency.p50, 'ms');
      report.add(`${label}: page p99 (${w.latency.count} pages)`, w.latency.p99, 'ms', '<= 100 ms', atMost(w.latency.p99, 100));
      report.add(`${label}: whole walk (${w.pages} pages) p50`, w.total.p50, 'ms');
      report.add(`${label}: all pages' size`, w.bytes / 1024, 'KiB');
    }
    // The same reads in one response each, for reference: their size (17 and 50 MB at the
    // envelope) bounds them, not the history they read.
    const queries: [string, string, boolean][] = [
      ['history ?limit=100', `${base}/history?limit=100`, true],
      [`diff from=R to=R+${SPAN}, one response`, `${base}/diff?from=${from}&to=${from + SPAN}`, false],
      ['time travel ?resourceVersion=R, one response', `${base}?resourceVersion=${from}`, false],
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
      if (!targeted && r.bytes > 1024 ** 2) oneResponse.push([label, r.bytes]);
    }
    // The text forms people and agents read (netledger tables; iptables-restore, ip/bridge
    // -batch, named), live, for reference: at this size the zone file once failed outright.
    const textForms: [string, string][] = [
      ['iptables', 'format=text'],
      ['routes', 'format=text'],
      ['dns', 'format=text'],
      ['dns', 'format=text&zone=in-addr.arpa'],
    ];
    for (const [table, query] of textForms) {
      const label = `text form of ${table}${query.includes('zone=') ? ` (${query.split('zone=')[1]})` : ''}, live`;
      const path = `/apis/netledger.io/v1/nodes/${node}/tables/${table}?${query}`;
      opts.log(`audit: ${label}`);
      const r = await timeGet(pool, path, TEXT_SAMPLES);
      report.detail(label, { path, ...r });
      if (r.status !== 200 || !r.latency) {
        report.add(`${label}: failed`, `HTTP ${r.status}`, '', 'HTTP 200', 'MISS');
        continue;
      }
      report.add(`${label}: p50 / max (${r.samples} calls)`, `${r.latency.p50.toFixed(0)} / ${r.latency.max.toFixed(0)}`, 'ms');
      report.add(`${label}: response size`, r.bytes / 1024, 'KiB');
    }
  } finally {
    await pool.close();
    await server.stop();
  }
  await loopbackFloor(report, oneResponse, env.dataDir);
  return report;
}

/**
 * What a one-response read of each size costs before any server computes it: the same number of
 * bytes, built once, sent by a bare fastify app to this client and timed as the reads were (after
 * netledger has stopped). No server can answer faster on this machine, so a read whose floor
 * is already over its target misses it whatever the server does.
 */
async function loopbackFloor(report: Report, sizes: [string, number][], dir: string): Promise<void> {
  if (!sizes.length) return;
  const bare = await startBare(join(dir, 'bare.log'));
  const pool = new Pool(bare.url, { connections: 1 });
  try {
    for (const [label, bytes] of sizes) {
      const r = await timeGet(pool, `/bytes/${bytes}`);
      if (!r.latency) continue;
      report.add(`loopback floor for ${label} (${Math.round(bytes / 1024)} KiB prebuilt, bare fastify): p50 / p99`, `${r.latency.p50.toFixed(2)} / ${r.latency.p99.toFixed(2)}`, 'ms');
    }
  } finally {
    await pool.close();
    await bare.stop();
  }
}
