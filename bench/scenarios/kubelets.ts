// `kubelets`: one server (child process) with 5,000 Nodes, each with one Pod behind a Service of
// ten; then every node's kubelet watch of its pods (`fieldSelector=spec.nodeName=N`, from the
// current rv) held open by this process. Pod status PATCHes (a kubelet reporting readiness) are
// timed without those watches and with them: serially (response latency, and the time until the
// pod's own node's watch has the event) and as a burst of 1,000 at 64 concurrent clients
// (writes/s). The watches should cost the writes next to nothing: an event goes to its node's
// watch only (api/watch-dispatch.ts), not to all 5,000 to be filtered.

import { Pool } from 'undici';
import { createObject, parallel, setReady } from '../lib/http.js';
import { kubeletPodWatch, StreamFleet } from '../lib/node-streams.js';
import { node, nodeName, pod, SERVE_FLAGS, service } from '../lib/objects.js';
import type { BenchOptions, Shared } from '../lib/options.js';
import { startNetledger, tempDir, vmRss } from '../lib/processes.js';
import { Report } from '../lib/report.js';
import { summarize } from '../lib/stats.js';

const NS = 'kl';
const PODS_PER_SERVICE = 10;
const SERIAL = 300;
const BURST = 1000;
const MiB = 1024 ** 2;

export async function kubelets(opts: BenchOptions, shared: Shared): Promise<Report> {
  const report = new Report('kubelets');
  const nodes = opts.quick ? 500 : 5000;
  report.note(`${nodes} nodes, one pod each (${nodes / PODS_PER_SERVICE} Services of ${PODS_PER_SERVICE}); a change = a Pod status PATCH flipping Ready (its Endpoints and EndpointSlice follow in the same batch)`);
  report.note('"seen" = from sending the PATCH until the pod node watch has the event');

  const dataDir = tempDir('netledger-bench-kubelets-');
  shared.cleanup.push(dataDir);
  const server = await startNetledger({ dataDir, flags: SERVE_FLAGS });
  const pool = new Pool(server.url, { connections: 64 });
  const fleet = new StreamFleet(server.url, nodes + 16, kubeletPodWatch);
  try {
    opts.log(`kubelets: creating ${nodes} nodes and pods`);
    const podName = (i: number) => `p-${i}`;
    await parallel(nodes, 64, (i) => createObject(pool, '/api/v1/nodes', node(i)));
    await parallel(nodes, 64, (i) => createObject(pool, `/api/v1/namespaces/${NS}/pods`, pod(podName(i), nodeName(i), `s-${i % (nodes / PODS_PER_SERVICE)}`)));
    await parallel(nodes, 64, (i) => setReady(pool, NS, podName(i), true));
    await parallel(nodes / PODS_PER_SERVICE, 16, (i) => createObject(pool, `/api/v1/namespaces/${NS}/services`, service(`s-${i}`, `s-${i}`)));

    const ready = new Array<boolean>(nodes).fill(true);
    // Each change turns its pod's Ready over, so that every PATCH is an event.
    const flip = async (i: number) => {
      ready[i] = !ready[i];
      const res = await setReady(pool, NS, podName(i), ready[i]!);
      return Number(res.metadata.resourceVersion);
    };
    const serial = async (watched: boolean) => {
      const latency: number[] = [];
      const seen: number[] = [];
      let missing = 0;
      for (let k = 0; k < SERIAL; k++) {
        const i = (k * 7919) % nodes; // spread over nodes and services
        const sent = performance.now();
        const rv = await flip(i);
        latency.push(performance.now() - sent);
        if (!watched) continue;
        const at = await fleet.reach(nodeName(i), rv, 10_000);
        if (at === undefined) missing++;
        else seen.push(at - sent);
      }
      return { latency: summarize(latency), seen: summarize(seen), missing };
    };
    let round = 0;
    const burst = async () => {
      // Distinct pods within a burst (two concurrent PATCHes of one pod could cancel out).
      const offset = round++ * BURST;
      const started = performance.now();
      await parallel(BURST, 64, (k) => flip(((offset + k) * 613) % nodes));
      return BURST / ((performance.now() - started) / 1000);
    };

    await burst(); // warm-up: the server's first writes run unoptimized code
    const without = await serial(false);
    const burstWithout = await burst();
    report.add('no watches: PATCH latency p50 / p99', `${without.latency.p50.toFixed(2)} / ${without.latency.p99.toFixed(2)}`, 'ms');
    report.add(`no watches: burst of ${BURST} at 64 clients`, burstWithout, 'writes/s');
    report.add('server RSS with no watches', vmRss(server.pid) / MiB, 'MiB');

    const head = Number((await (await fetch(`${server.url}/api/v1/namespaces/${NS}/pods?limit=1`)).json()).metadata.resourceVersion);
    opts.log(`kubelets: opening ${nodes} pod watches from rv ${head}`);
    const t = performance.now();
    await fleet.open(Array.from({ length: nodes }, (_, i) => nodeName(i)), head);
    report.add(`${nodes} kubelet watches: time to open (until headers)`, (performance.now() - t) / 1000, 's');

    const withWatches = await serial(true);
    const burstWith = await burst();
    report.add(`${nodes} watches: PATCH latency p50 / p99`, `${withWatches.latency.p50.toFixed(2)} / ${withWatches.latency.p99.toFixed(2)}`, 'ms');
    report.add(`${nodes} watches: seen by the pod node watch p50 / p99`, `${withWatches.seen.p50.toFixed(2)} / ${withWatches.seen.p99.toFixed(2)}`, 'ms');
    report.add(`${nodes} watches: burst of ${BURST} at 64 clients`, burstWith, 'writes/s');
    report.add(`PATCH latency p50 with / without ${nodes} watches`, withWatches.latency.p50 / without.latency.p50, 'x');
    report.add(`burst writes/s with / without ${nodes} watches`, burstWith / burstWithout, 'x');
    report.add('server RSS with the watches', vmRss(server.pid) / MiB, 'MiB');
    const broken = fleet.streams.filter((s) => s.error || s.ended);
    report.add('watches closed or errored / events never seen', `${broken.length} / ${withWatches.missing}`, '', '0 / 0', broken.length || withWatches.missing ? 'MISS' : 'PASS');
    if (broken.length) report.detail('errors', broken.slice(0, 5).map((s) => ({ node: s.node, error: s.error, ended: s.ended })));
    report.detail('serial', { without, with: withWatches });
  } finally {
    await fleet.close().catch(() => undefined);
    await pool.close().catch(() => undefined);
    await server.stop();
  }
  return report;
}
