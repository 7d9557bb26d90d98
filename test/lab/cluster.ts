// The control-plane side of the lab: objects written through the API, agents as child processes
// of the built binary, and bounded waits on what the agents report.

import { spawn, type ChildProcess } from 'node:child_process';
import { api, BIN } from '../support/server.js';

export const TABLES = ['iptables', 'ip6tables', 'routes', 'dns'] as const;

export async function must(base: string, method: string, path: string, body?: unknown) {
  const r = await api(base, method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
}

export async function createNode(base: string, name: string, internalIp: string) {
  return must(base, 'POST', '/api/v1/nodes', { metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: internalIp }, { type: 'Hostname', address: name }] } });
}

export async function createPod(base: string, name: string, node: string, labels: Record<string, string>) {
  return must(base, 'POST', '/api/v1/namespaces/default/pods', {
    metadata: { name, labels },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'socat', ports: [{ containerPort: 8080, name: 'http' }] }] },
  });
}

/** The kubelet's part: the Ready condition through the status subresource. Returns the write's rv. */
export async function setReady(base: string, name: string, ready: boolean): Promise<number> {
  const pod = await must(base, 'GET', `/api/v1/namespaces/default/pods/${name}`);
  pod.status = { ...pod.status, phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] };
  const out = await must(base, 'PUT', `/api/v1/namespaces/default/pods/${name}/status`, pod);
  return Number(out.metadata.resourceVersion);
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(everyMs);
  }
}

export async function nodeStatus(base: string, node: string): Promise<any | undefined> {
  const r = await api(base, 'GET', `/apis/netledger.io/v1/nodes/${node}/status`);
  return r.status === 200 ? r.json : undefined;
}

/** The agent reports applied ≥ rv. */
export async function appliedAtLeast(base: string, node: string, rv: number): Promise<boolean> {
  const s = await nodeStatus(base, node);
  return s !== undefined && Number(s.status.appliedResourceVersion) >= rv;
}

/**
 * Converged: the agent's last report is in sync (its digests equal the server's at its rv, no
 * error) and its digests equal the server's current ones — so nothing newer is pending for it.
 */
export async function converged(base: string, node: string): Promise<boolean> {
  const s = await nodeStatus(base, node);
  if (!s?.status.inSync) return false;
  for (const t of TABLES) {
    const table = await api(base, 'GET', `/apis/netledger.io/v1/nodes/${node}/tables/${t}`);
    if (table.json?.digest !== s.report.digests[t]) return false;
  }
  return true;
}

export interface AgentProcess {
  node: string;
  child: ChildProcess;
  log: string[];
}

export function startAgent(server: string, node: string, netns: string, stateDir: string, extra: string[] = []): AgentProcess {
  const child = spawn(
    process.execPath,
    [BIN, 'agent', '--server', server, '--node', node, '--netns', netns, '--dns-listen', '0.0.0.0:53', '--metrics-listen', '0.0.0.0:9100', '--state-dir', stateDir, ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NETLEDGER_LOG_LEVEL: 'info' } },
  );
  const log: string[] = [];
  const keep = (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line) log.push(line);
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { node, child, log };
}

export function killed(p: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill(signal);
  });
}
