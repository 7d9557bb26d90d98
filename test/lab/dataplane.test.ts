// A real dataplane on one machine: three nodes (network namespaces on a bridged underlay), pods
// wired the way the bridge CNI plugin does it, and one `netledger agent` per node. The overlay
// device, the routes between nodes and every iptables rule come from the agents alone; the
// proof is real TCP connections through ClusterIPs and NodePorts, and real dig queries.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BIN, removeDir, ROOT, startChildServer, tempDir, type ChildServer } from '../support/server.js';
import { appliedAtLeast, converged, createNode, createPod, killed, must, nodeStatus, setReady, startAgent, waitFor, type AgentProcess } from './cluster.js';
import { inNs, Lab, labSkipReason } from './netns.js';

const built = existsSync(BIN) && existsSync(join(ROOT, 'dist', 'agent', 'main.js')) && existsSync(join(ROOT, 'dist', 'agent', 'netns', 'child.js'));
const skipReason = labSkipReason() ?? (built ? undefined : 'dist/ is missing: run `npm run build` first');
if (skipReason) console.warn(`dataplane lab skipped: ${skipReason}`);

// 192.168.77.0/24: a private range no interface on this machine uses; pods/services keep the
// server's defaults (10.244.0.0/16, 10.96.0.0/12), all inside the lab's namespaces.
const NODES = [1, 2, 3].map((i) => ({ name: `node-${i}`, ip: `192.168.77.1${i}` }));
/** The underlay's router address, advertised as the API server's: the server itself runs outside
 * the lab, so a stand-in listens there on the server's port (the kubernetes Service's endpoint). */
const ADVERTISED = '192.168.77.1';
const WEB = [
  { name: 'web-1', node: 'node-1' },
  { name: 'web-2', node: 'node-2' },
  { name: 'web-3', node: 'node-3' },
];
const CLIENTS = [
  { name: 'client-1', node: 'node-1' },
  { name: 'client-2', node: 'node-2' },
];

interface PodInfo {
  ns: string;
  ip: string;
  node: string;
}

describe.skipIf(skipReason !== undefined)('dataplane lab: 3 nodes, real kernel, agents only', () => {
  const lab = new Lab();
  let dataDir = '';
  let stateDirs: string[] = [];
  let server: ChildServer;
  let port = 0;
  const agents = new Map<string, AgentProcess>();
  const nodeNs = new Map<string, string>();
  const pods = new Map<string, PodInfo>();
  const gateways = new Map<string, string>();
  let clusterIP = '';
  let nodePort = 0;
  const timings: Record<string, number> = {};

  const url = () => server.url;
  const allConverged = (timeoutMs = 20_000) =>
    waitFor('all agents converged', async () => ((await Promise.all(NODES.map((n) => converged(url(), n.name)))).every(Boolean) ? true : undefined), timeoutMs, 100);
  const allApplied = async (rv: number, timeoutMs = 20_000) => {
    const t0 = performance.now();
    await waitFor(`all agents applied ≥ ${rv}`, async () => ((await Promise.all(NODES.map((n) => appliedAtLeast(url(), n.name, rv)))).every(Boolean) ? true : undefined), timeoutMs, 10);
    return performance.now() - t0;
  };
  const agentFor = (i: number, extra: string[] = []) => {
    const n = NODES[i]!;
    const a = startAgent(url(), n.name, nodeNs.get(n.name)!, stateDirs[i]!, extra);
    lab.track(a.child);
    agents.set(n.name, a);
    return a;
  };
  /** Who answers `tries` connections from a pod to ip:port (the set of replies, failures as "!error"). */
  const answers = async (fromNs: string, ip: string, p: number, tries: number) => {
    const out = new Map<string, number>();
    for (let i = 0; i < tries; i++) {
      const r = await lab.connect(fromNs, ip, p);
      const k = r.ok ? r.text : `!${r.text}`;
      out.set(k, (out.get(k) ?? 0) + 1);
    }
    return out;
  };
  const dig = async (fromNs: string, server: string, ...args: string[]) => {
    const r = await inNs(fromNs, ['dig', `@${server}`, '+time=2', '+tries=2', ...args]);
    // The ANSWER section only, each record as "TYPE rdata".
    const answer = r.stdout.split(';; ANSWER SECTION:\n')[1]?.split('\n\n')[0] ?? '';
    const answers = answer.split('\n').filter((l) => l && !l.startsWith(';')).map((l) => l.split(/\s+/).slice(3).join(' ')).sort();
    return { status: /status: (\w+)/.exec(r.stdout)?.[1] ?? `(no answer: ${r.stderr})`, answers };
  };

  beforeAll(async () => {
    dataDir = tempDir('netledger-lab-');
    stateDirs = NODES.map(() => tempDir('netledger-agent-'));
    lab.createUnderlay('192.168.77.1/24');
    for (const [i, n] of NODES.entries()) nodeNs.set(n.name, lab.createNode(i + 1, `${n.ip}/24`, '192.168.77.1'));
    server = await startChildServer(['--advertise-address', ADVERTISED], dataDir);
    port = Number(new URL(server.url).port);
    lab.track(server.child);
    lab.listen(lab.underlay, port, 'kube-apiserver');
    for (const n of NODES) {
      const node = await createNode(url(), n.name, n.ip);
      gateways.set(n.name, node.spec.podCIDR.replace(/\.0\/24$/, '.1'));
      // The underlay routes each node's pods to it (replies to pods reaching the API server's
      // address come back), as a network carrying pod traffic to the control plane does.
      await inNs(lab.underlay, ['ip', 'route', 'add', node.spec.podCIDR, 'via', n.ip]);
    }
    NODES.forEach((_, i) => agentFor(i));
    await allConverged(30_000);
    // Pods: the API allocates their IPs; "the CNI" wires them; "the kubelet" reports them Ready.
    for (const p of [...WEB, ...CLIENTS]) {
      const pod = await createPod(url(), p.name, p.node, p.name.startsWith('web') ? { app: 'web' } : { app: 'client' });
      const ns = lab.createPod(nodeNs.get(p.node)!, p.name, pod.status.podIP, 24, gateways.get(p.node)!);
      pods.set(p.name, { ns, ip: pod.status.podIP, node: p.node });
      if (p.name.startsWith('web')) lab.listen(ns, 8080, p.name);
    }
    for (const p of [...WEB, ...CLIENTS]) await setReady(url(), p.name, true);
    const t0 = performance.now();
    const svc = await must(url(), 'POST', '/api/v1/namespaces/default/services', {
      metadata: { name: 'web' },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
    });
    clusterIP = svc.spec.clusterIP;
    nodePort = svc.spec.ports[0].nodePort;
    await allApplied(Number(svc.metadata.resourceVersion));
    timings.serviceCreateToAppliedOnAll3Ms = Math.round(performance.now() - t0);
    await must(url(), 'POST', '/api/v1/namespaces/default/services', {
      metadata: { name: 'web-headless' },
      spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
    });
    await allConverged();
  }, 120_000);

  afterAll(async () => {
    lab.cleanup();
    if (dataDir) removeDir(dataDir);
    for (const d of stateDirs) removeDir(d);
    console.log(`dataplane lab timings: ${JSON.stringify(timings)}`);
  });

  it('builds flannel.1, the vxlan routes and the KUBE chains on every node from the agents', async () => {
    for (const n of NODES) {
      const ns = nodeNs.get(n.name)!;
      const link = await inNs(ns, ['ip', '-d', 'link', 'show', 'flannel.1']);
      expect(link.stdout).toMatch(new RegExp(`mtu 1450 .*vxlan id 1 local ${n.ip.replace(/\./g, '\\.')} dev eth0 .*dstport 8472 nolearning`, 's'));
      const routes = (await inNs(ns, ['ip', '-4', 'route', 'show'])).stdout;
      for (const other of NODES.filter((o) => o !== n)) {
        const cidr = gateways.get(other.name)!.replace(/\.1$/, '.0');
        expect(routes).toContain(`${cidr}/24 via ${cidr} dev flannel.1 onlink`);
      }
      const nat = (await inNs(ns, ['iptables-save', '-t', 'nat'])).stdout;
      expect(nat).toContain(`-A KUBE-SERVICES -d ${clusterIP}/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-`);
      expect((await inNs(ns, ['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('1');
      const s = await nodeStatus(url(), n.name);
      expect(s.status.inSync).toBe(true);
    }
  });

  it('pod → ClusterIP reaches backends on its own node and, through vxlan, on the others', async () => {
    const got = await answers(pods.get('client-1')!.ns, clusterIP, 80, 30);
    expect([...got.keys()].sort()).toEqual(['web-1', 'web-2', 'web-3']);
  });

  it('a NodePort answers from the underlay on every node', async () => {
    for (const n of NODES) {
      const got = await answers(lab.underlay, n.ip, nodePort, 6);
      for (const k of got.keys()) expect(['web-1', 'web-2', 'web-3']).toContain(k);
    }
  });

  it('the agent DNS answers ClusterIP, SRV and headless records, NXDOMAIN for unknown names', async () => {
    const client = pods.get('client-1')!.ns;
    const gw = gateways.get('node-1')!;
    expect(await dig(client, gw, 'web.default.svc.cluster.local', 'A')).toEqual({ status: 'NOERROR', answers: [`A ${clusterIP}`] });
    expect(await dig(client, gw, '_http._tcp.web.default.svc.cluster.local', 'SRV')).toEqual({
      status: 'NOERROR',
      answers: ['SRV 0 100 80 web.default.svc.cluster.local.'],
    });
    const headless = await dig(client, gw, 'web-headless.default.svc.cluster.local', 'A');
    expect(headless).toEqual({ status: 'NOERROR', answers: WEB.map((w) => `A ${pods.get(w.name)!.ip}`).sort() });
    expect((await dig(client, gw, 'nope.default.svc.cluster.local', 'A')).status).toBe('NXDOMAIN');
    // Over TCP too, from the underlay to node-3's responder.
    expect(await dig(lab.underlay, NODES[2]!.ip, '+tcp', 'web.default.svc.cluster.local', 'A')).toEqual({ status: 'NOERROR', answers: [`A ${clusterIP}`] });
  });

  it('a pod reaches the API server through the kubernetes Service (10.96.0.1:443 → the advertised address), and DNS names it', async () => {
    const client = pods.get('client-1')!.ns;
    expect([...(await answers(client, '10.96.0.1', 443, 3)).keys()]).toEqual(['kube-apiserver']);
    expect(await dig(client, gateways.get('node-1')!, 'kubernetes.default.svc.cluster.local', 'A')).toEqual({ status: 'NOERROR', answers: ['A 10.96.0.1'] });
    const nat = (await inNs(nodeNs.get('node-2')!, ['iptables-save', '-t', 'nat'])).stdout;
    expect(nat).toContain(`-j DNAT --to-destination ${ADVERTISED}:${port}`);
  });

  it('scaling down and up moves traffic', async () => {
    const client = pods.get('client-1')!.ns;
    const rv = await setReady(url(), 'web-3', false);
    timings.endpointRemovalToAppliedOnAll3Ms = Math.round(await allApplied(rv));
    await allConverged();
    expect([...(await answers(client, clusterIP, 80, 20)).keys()].sort()).toEqual(['web-1', 'web-2']);
    expect((await dig(client, gateways.get('node-1')!, 'web-headless.default.svc.cluster.local', 'A')).answers).toHaveLength(2);
    const rv2 = await setReady(url(), 'web-3', true);
    timings.endpointAddToAppliedOnAll3Ms = Math.round(await allApplied(rv2));
    await allConverged();
    expect([...(await answers(client, clusterIP, 80, 30)).keys()].sort()).toEqual(['web-1', 'web-2', 'web-3']);
  });

  it('an agent killed with SIGKILL resumes from its state dir and converges', async () => {
    const a2 = agents.get('node-2')!;
    await killed(a2.child);
    const before = Number((await nodeStatus(url(), 'node-2')).status.appliedResourceVersion);
    const rv = await setReady(url(), 'web-2', false);
    await must(url(), 'POST', '/api/v1/namespaces/default/services', {
      metadata: { name: 'api' },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 8081, targetPort: 'http', protocol: 'TCP' }] },
    });
    const t0 = performance.now();
    const restarted = agentFor(1);
    await waitFor('node-2 converged after restart', async () => ((await converged(url(), 'node-2')) ? true : undefined), 20_000, 50);
    timings.agentRestartToConvergedMs = Math.round(performance.now() - t0);
    expect(restarted.log.some((l) => l.includes('resuming from the state dir') && l.includes(`"rv":${before}`))).toBe(true);
    expect(restarted.log.some((l) => l.includes('"msg":"SNAPSHOT"'))).toBe(false);
    expect(Number((await nodeStatus(url(), 'node-2')).status.appliedResourceVersion)).toBeGreaterThanOrEqual(rv);
    await allConverged();
    const got = await answers(pods.get('client-2')!.ns, clusterIP, 80, 20);
    expect([...got.keys()].sort()).toEqual(['web-1', 'web-3']);
    await setReady(url(), 'web-2', true);
    await allConverged();
  });

  it('agents reconnect to a restarted server (same data dir and port) and converge', async () => {
    await killed(server.child);
    server = await startChildServer([], dataDir, port);
    lab.track(server.child);
    const t0 = performance.now();
    const rv = await setReady(url(), 'web-1', false);
    await allApplied(rv, 30_000);
    timings.serverRestartToAppliedOnAll3Ms = Math.round(performance.now() - t0);
    await allConverged();
    expect([...(await answers(pods.get('client-2')!.ns, clusterIP, 80, 20)).keys()].sort()).toEqual(['web-2', 'web-3']);
    for (const a of agents.values()) expect(a.log.some((l) => l.includes('node stream reconnecting'))).toBe(true);
  });

  it('periodic syncs put back what someone else removed: jumps and routes each sync period, flushed chains at the full sync', async () => {
    const a1 = agents.get('node-1')!;
    await killed(a1.child);
    const restarted = agentFor(0, ['--sync-period', '1s', '--full-sync-period', '4s']);
    // Its start-up full sync is done once it connects to the stream: the damage comes after.
    await waitFor('node-1 streaming', async () => (restarted.log.some((l) => l.includes('node stream connecting')) ? true : undefined), 20_000, 50);
    await waitFor('node-1 converged', async () => ((await converged(url(), 'node-1')) ? true : undefined), 20_000, 50);
    const damagedAt = performance.now();
    const ns = nodeNs.get('node-1')!;
    const svcChain = (await inNs(ns, ['iptables', '-t', 'nat', '-S', 'KUBE-SERVICES'])).stdout.match(/default\/web:http cluster IP.* -j (KUBE-SVC-\w+)/)![1]!;
    const remote = pods.get('client-2')!.ip.replace(/\.\d+$/, '.0/24');
    const jump = ['-t', 'nat', '-D', 'PREROUTING', '-m', 'comment', '--comment', 'kubernetes service portals', '-j', 'KUBE-SERVICES'];
    expect((await inNs(ns, ['iptables', ...jump])).code).toBe(0);
    expect((await inNs(ns, ['iptables', '-t', 'nat', '-F', svcChain])).code).toBe(0);
    expect((await inNs(ns, ['ip', 'route', 'del', remote])).code).toBe(0);
    await waitFor('jump and route back', async () => {
      const pre = (await inNs(ns, ['iptables', '-t', 'nat', '-S', 'PREROUTING'])).stdout;
      const routes = (await inNs(ns, ['ip', 'route'])).stdout;
      return pre.includes('-j KUBE-SERVICES') && routes.includes(`${remote} via`) ? true : undefined;
    }, 5_000, 100);
    await waitFor('flushed chain rewritten', async () => ((await inNs(ns, ['iptables', '-t', 'nat', '-S', svcChain])).stdout.includes('-j KUBE-SEP-') ? true : undefined), 10_000, 200);
    // The jump and the route came back within the sync period; the flushed chain at a full sync.
    expect(restarted.log.filter((l) => l.includes('sync')).join('\n')).toContain('periodic full sync');
    expect(performance.now() - damagedAt).toBeLessThan(10_000);
    const got = await answers(pods.get('client-1')!.ns, clusterIP, 80, 20);
    expect([...got.keys()].sort()).toEqual(['web-2', 'web-3']);
    await allConverged();
  });

  it('no ready endpoints → REJECT (connection refused); a deleted Service stops answering', async () => {
    const client = pods.get('client-1')!.ns;
    let rv = 0;
    for (const w of WEB) rv = await setReady(url(), w.name, false);
    await allApplied(rv);
    // This case failed once under a full-suite run, connecting fast, with every agent past the
    // write's rv; the cause is not confirmed. Two guards: every agent holds the server's current
    // tables (as the other cases wait), and a connection may be tried again, since one whose
    // source port repeats an earlier connection's still in conntrack (TIME_WAIT) keeps that
    // entry's DNAT to a pod that still listens — the kernel's doing, not the rules'.
    await allConverged();
    let refused = await lab.connect(client, clusterIP, 80);
    for (let i = 0; i < 2 && refused.ok; i++) refused = await lab.connect(client, clusterIP, 80);
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/Connection refused/);
    const del = await api(url(), 'DELETE', '/api/v1/namespaces/default/services/web');
    expect(del.status).toBe(200);
    await allConverged();
    for (const n of NODES) expect((await inNs(nodeNs.get(n.name)!, ['iptables-save', '-t', 'nat'])).stdout).not.toContain(clusterIP);
    const gone = await lab.connect(client, clusterIP, 80);
    expect(gone.ok).toBe(false);
    expect(gone.text).not.toMatch(/web-/);
    expect((await dig(client, gateways.get('node-1')!, 'web.default.svc.cluster.local', 'A')).status).toBe('NXDOMAIN');
  });

  it('exposes kube-proxy metrics inside the node namespace', async () => {
    const r = await inNs(nodeNs.get('node-1')!, ['sh', '-c', 'printf "GET /metrics HTTP/1.0\\r\\n\\r\\n" | socat -T 2 - TCP:127.0.0.1:9100']);
    expect(r.stdout).toMatch(/kubeproxy_sync_partial_proxy_rules_duration_seconds_count\{node="node-1"\} [1-9]/);
    expect(r.stdout).toMatch(/kubeproxy_network_programming_duration_seconds_count\{node="node-1"\} [1-9]/);
    expect(r.stdout).toMatch(/netledger_agent_applied_resource_version\{node="node-1"\} [1-9]/);
    // Every DELTA went through a partial restore; none fell back to a full sync.
    expect(r.stdout).toContain('kubeproxy_sync_proxy_rules_iptables_partial_restore_failures_total{node="node-1"} 0');
    expect(r.stdout).toContain('kubeproxy_sync_proxy_rules_iptables_restore_failures_total{node="node-1"} 0');
  });
});
