// `writes`: durable create throughput of the built server as a child process, 64 concurrent
// HTTP clients (autocannon) creating unique Pods and Services, against a bare fastify app that
// only parses the body and replies 201. Also reads the server's /metrics for the appender's
// batch sizes and commit latency over the measured window.

import autocannon, { type Request, type Result } from 'autocannon';
import { join } from 'node:path';
import type { BenchOptions, Shared } from '../lib/options.js';
import { startBare, startNetledger, tempDir, vmRss, type Child } from '../lib/processes.js';
import { histogram, minus, quantile, type PromHistogram } from '../lib/prom.js';
import { Report } from '../lib/report.js';
import { atLeast, atMost } from '../lib/stats.js';
import { scratchDatabase } from '../lib/postgres.js';

const CONNECTIONS = 64;
const NAMESPACES = 64;

/** Pods (unscheduled, label app=w-N) and Services selecting them, alternately, all unique. */
function createRequests(): Request[] {
  let n = 0;
  const next = () => {
    const i = n++;
    return { i, ns: `bench-${String(i % NAMESPACES).padStart(2, '0')}` };
  };
  const json = { 'content-type': 'application/json' };
  return [
    {
      method: 'POST',
      headers: json,
      setupRequest: (req) => {
        const { i, ns } = next();
        const body = { apiVersion: 'v1', kind: 'Pod', metadata: { name: `w-${i}`, labels: { app: `w-${i}` } }, spec: { containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.9', ports: [{ name: 'http', containerPort: 8080 }] }] } };
        return { ...req, path: `/api/v1/namespaces/${ns}/pods`, body: JSON.stringify(body) };
      },
    },
    {
      method: 'POST',
      headers: json,
      setupRequest: (req) => {
        const { i, ns } = next();
        const body = { apiVersion: 'v1', kind: 'Service', metadata: { name: `w-${i}` }, spec: { selector: { app: `w-${i - 1}` }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } };
        return { ...req, path: `/api/v1/namespaces/${ns}/services`, body: JSON.stringify(body) };
      },
    },
  ];
}

interface LoadResult {
  result: Result;
  created: number;
  perSecond: number;
}

async function load(url: string, seconds: number, requests: Request[]): Promise<LoadResult> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 30, requests });
  const created = result.statusCodeStats['201']?.count ?? 0;
  return { result, created, perSecond: created / result.duration };
}

async function metricsText(url: string): Promise<string> {
  const res = await fetch(url + '/metrics');
  return res.text();
}

function errorsOf(r: Result): number {
  return r.errors + r.timeouts + r.non2xx;
}

export async function writes(opts: BenchOptions, shared: Shared): Promise<Report> {
  const report = new Report('writes');
  const seconds = opts.quick ? 3 : 10;
  const warm = opts.quick ? 1 : 2;
  report.note(`autocannon, ${CONNECTIONS} connections, ${warm} s warm-up then ${seconds} s measured; bodies alternate a unique Pod (unscheduled) and a Service selecting it, over ${NAMESPACES} namespaces`);
  report.note('latency is autocannon\'s histogram of 2xx responses (1 ms resolution); the bench, the server and the bare app share this machine\'s 2 cores');

  const run = async (label: string, start: () => Promise<Child>) => {
    const child = await start();
    try {
      // One generator per server: names stay unique across the warm-up and the measured run.
      const requests = createRequests();
      await load(child.url, warm, requests);
      const before = label.startsWith('bare') ? '' : await metricsText(child.url);
      const r = await load(child.url, seconds, requests);
      const after = label.startsWith('bare') ? '' : await metricsText(child.url);
      return { r, before, after, rss: vmRss(child.pid) };
    } finally {
      await child.stop();
    }
  };

  const dataDir = tempDir('netledger-bench-writes-');
  shared.cleanup.push(dataDir);
  opts.log('writes: netledger');
  const nl = await run('netledger', () => startNetledger({ dataDir }));
  opts.log('writes: bare fastify');
  const bare = await run('bare', () => startBare(join(dataDir, 'bare.log')));

  const r = nl.r.result;
  report.add('netledger creates/s', nl.r.perSecond, '/s', '>= 5,000', atLeast(nl.r.perSecond, 5000));
  report.add('netledger latency p50', r.latency.p50, 'ms');
  report.add('netledger latency p99', r.latency.p99, 'ms', '<= 25 ms', atMost(r.latency.p99, 25));
  report.add('netledger errors (non-2xx + socket + timeouts)', errorsOf(r), '');
  report.add('netledger server RSS after run', nl.rss / 1024 ** 2, 'MiB');
  addAppender(report, '', minus(histogram(nl.after, 'netledger_appender_batch_commands')!, histogram(nl.before, 'netledger_appender_batch_commands')), minus(histogram(nl.after, 'netledger_appender_commit_duration_seconds')!, histogram(nl.before, 'netledger_appender_commit_duration_seconds')));

  const b = bare.r.result;
  report.add('bare fastify POST replies/s', bare.r.perSecond, '/s');
  report.add('bare fastify latency p50 / p99', `${b.latency.p50} / ${b.latency.p99}`, 'ms');
  report.add('bare fastify errors', errorsOf(b), '');
  report.add('ratio netledger / bare', nl.r.perSecond / bare.r.perSecond, 'x');

  // The same load with the log on PostgreSQL (--database-url), for reference: the target is the
  // embedded default's.
  const db = await scratchDatabase();
  let onPg: Awaited<ReturnType<typeof run>> | undefined;
  if ('missing' in db) report.note(`on PostgreSQL: skipped (${db.missing})`);
  else {
    opts.log('writes: netledger on PostgreSQL');
    try {
      const scratch = tempDir('netledger-bench-writes-pg-'); // the server's --data: logs only
      shared.cleanup.push(scratch);
      onPg = await run('netledger on PostgreSQL', () => startNetledger({ dataDir: scratch, flags: ['--database-url', db.url] }));
    } finally {
      await db.drop();
    }
    report.add('on PostgreSQL: creates/s', onPg.r.perSecond, '/s');
    report.add('on PostgreSQL: latency p50 / p99', `${onPg.r.result.latency.p50} / ${onPg.r.result.latency.p99}`, 'ms');
    report.add('on PostgreSQL: errors (non-2xx + socket + timeouts)', errorsOf(onPg.r.result), '');
  }
  report.detail('autocannon', { netledger: r, bare: b, ...(onPg ? { postgres: onPg.r.result } : {}) });
  return report;
}

function addAppender(report: Report, prefix: string, batch: PromHistogram, commit: PromHistogram): void {
  report.add(`${prefix}appender batches`, batch.count, '');
  report.add(`${prefix}appender mean commands per batch`, batch.count ? batch.sum / batch.count : NaN, 'cmds');
  report.add(`${prefix}appender batch size p50 / p99 (bucket estimate)`, `${quantile(batch, 0.5).toFixed(1)} / ${quantile(batch, 0.99).toFixed(1)}`, 'cmds');
  // netledger_appender_commit_duration_seconds: decide + project + durable commit of one batch.
  report.add(`${prefix}batch latency (decide+project+commit) mean`, commit.count ? (1000 * commit.sum) / commit.count : NaN, 'ms');
  report.add(`${prefix}batch latency p50 / p99 (bucket estimate)`, `${(1000 * quantile(commit, 0.5)).toFixed(2)} / ${(1000 * quantile(commit, 0.99)).toFixed(2)}`, 'ms');
}
