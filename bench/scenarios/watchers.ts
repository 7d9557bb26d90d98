// `watchers`: one server (child process) with 5,000 Nodes, each with one Pod behind a Service of
// ten, and the watches every node of such a cluster holds, from this process: first each
// kubelet's watch of its pods (`fieldSelector=spec.nodeName=N`), then each kube-proxy's watch of
// the EndpointSlices (client-go's label selector; netledger's own agents read node streams
// instead, see `fanout`). Pod status PATCHes (a kubelet reporting readiness) are timed without
// watches, with the kubelet watches, and with both: serially (response latency, and for the
// kubelet watch the time until the pod's node's watch has the event) and as a burst of 1,000 at
// 64 concurrent clients (writes/s). A kubelet watch gets its node's events only
// (api/watch-dispatch.ts); every kube-proxy gets every slice change, one socket write each.

import { Pool } from 'undici';
import { createObject, parallel, setReady } from '../lib/http.js';
import { kubeletPodWatch, kubeProxySliceWatch, StreamFleet } from '../lib/node-streams.js';
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

export async function watchers(opts: BenchOptions, shared: Shared): Promise<Report> {
  const report = new Report('watchers');
  const nodes = opts.quick ? 500 : 5000;
  report.note(`${nodes} nodes, one pod each (${nodes / PODS_PER_SERVICE} Services of ${PODS_PER_SERVICE}); a change = a Pod status PATCH flipping Ready (its Endpoints and EndpointSlice follow in the same batch)`);
  report.note('"seen" = from sending the PATCH until the pod node watch has the event');

  const dataDir = tempDir('netledger-bench-watchers-');
  shared.cleanup.push(dataDir);
  const server = await startNetledger({ dataDir, flags: SERVE_FLAGS });
  const pool = new Pool(server.url, { connections: 64 });
  const fleet = new StreamFleet(server.url, nodes + 16, kubeletPodWatch);
  const proxies = new StreamFleet(server.url, nodes + 16, kubeProxySliceWatch);
  try {
    opts.log(`watchers: creating ${nodes} nodes and pods`);
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
    let serialRound = 0;
    const serial = async (watched: boolean, count = SERIAL) => {
      const offset = serialRound++ * 101; // other pods each time
      const latency: number[] = [];
      const seen: number[] = [];
      let missing = 0;
      for (let k = 0; k < count; k++) {
        const i = (k * 7919 + offset) % nodes; // spread over nodes and services
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
    const burst = async (count = BURST) => {
      // Distinct pods within a burst (two concurrent PATCHes of one pod could cancel out).
      const offset = round++ * BURST;
      const started = performance.now();
      await parallel(count, 64, (k) => flip(((offset + k) * 613) % nodes));
      return count / ((performance.now() - started) / 1000);
    };

    await burst(); // warm-up: the server's first writes run unoptimized code
    const without = await serial(false);
    const burstWithout = await burst();
    report.add('no watches: PATCH latency p50 / p99', `${without.latency.p50.toFixed(2)} / ${without.latency.p99.toFixed(2)}`, 'ms');
    report.add(`no watches: burst of ${BURST} at 64 clients`, burstWithout, 'writes/s');
    report.add('server RSS with no watches', vmRss(server.pid) / MiB, 'MiB');

    const head = Number((await (await fetch(`${server.url}/api/v1/namespaces/${NS}/pods?limit=1`)).json()).metadata.resourceVersion);
    opts.log(`watchers: opening ${nodes} pod watches from rv ${head}`);
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

    // Then every node's kube-proxy too: each slice change goes to all of them.
    const sliceHead = Number((await (await fetch(`${server.url}/apis/discovery.k8s.io/v1/endpointslices?limit=1`)).json()).metadata.resourceVersion);
    opts.log(`watchers: opening ${nodes} EndpointSlice watches from rv ${sliceHead}`);
    await proxies.open(Array.from({ length: nodes }, (_, i) => nodeName(i)), sliceHead);
    const withProxies = await serial(true, SERIAL / 3);
    const burstProxies = await burst(BURST / 5);
    report.add(`and ${nodes} kube-proxy watches: PATCH latency p50 / p99`, `${withProxies.latency.p50.toFixed(2)} / ${withProxies.latency.p99.toFixed(2)}`, 'ms');
    report.add(`and ${nodes} kube-proxy watches: burst of ${BURST / 5} at 64 clients`, burstProxies, 'writes/s');
    report.add('server RSS with both', vmRss(server.pid) / MiB, 'MiB');
    const broken = [...fleet.streams, ...proxies.streams].filter((s) => s.error || s.ended);
    report.add('watches closed or errored / events never seen', `${broken.length} / ${withWatches.missing + withProxies.missing}`, '', '0 / 0', broken.length || withWatches.missing + withProxies.missing ? 'MISS' : 'PASS');
    if (broken.length) report.detail('errors', broken.slice(0, 5).map((s) => ({ node: s.node, error: s.error, ended: s.ended })));
    report.detail('serial', { without, with: withWatches, withProxies });
  } finally {
    await fleet.close().catch(() => undefined);
    await proxies.close().catch(() => undefined);
    await pool.close().catch(() => undefined);
    await server.stop();
  }
  return report;
}
