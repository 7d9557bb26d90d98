// The machine side of the lab: network namespaces for the underlay, the nodes and the pods, and
// the veth wiring a machine and the bridge CNI plugin provide. Nothing here programs routes
// between nodes, overlay devices or rules: those come from the agents alone.

import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { netnsSkipReason } from '../support/host.js';

const execFileP = promisify(execFile);

/** Why the lab cannot run here, or undefined. */
export function labSkipReason(): string | undefined {
  const basic = netnsSkipReason(['iptables', 'socat', 'dig', 'bridge']);
  if (basic) return basic;
  const probe = `nlprobe-${randomBytes(3).toString('hex')}`;
  if (spawnSync('ip', ['netns', 'add', probe]).status !== 0) return 'cannot create network namespaces';
  try {
    if (spawnSync('ip', ['-n', probe, 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '1', 'dstport', '8472']).status !== 0) return 'no vxlan support in the kernel';
    if (spawnSync('ip', ['netns', 'exec', probe, 'iptables', '-t', 'nat', '-N', 'KUBE-PROBE']).status !== 0) return 'iptables does not work inside a network namespace';
  } finally {
    spawnSync('ip', ['netns', 'del', probe]);
  }
  return undefined;
}

export function sh(...argv: string[]): string {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', input: '' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Runs in a namespace; resolves with exit code and output, never throws (timeouts count as failures). */
export async function inNs(ns: string, argv: string[], timeoutMs = 5_000): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileP('ip', ['netns', 'exec', ns, ...argv], { timeout: timeoutMs, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (e: any) {
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(e) };
  }
}

export class Lab {
  readonly prefix = `nl${randomBytes(2).toString('hex')}`;
  readonly namespaces: string[] = [];
  readonly processes: ChildProcess[] = [];
  readonly underlay = `${this.prefix}-ul`;
  private vethSeq = 0;

  private addNs(name: string): string {
    sh('ip', 'netns', 'add', name);
    this.namespaces.push(name);
    sh('ip', '-n', name, 'link', 'set', 'lo', 'up');
    return name;
  }

  /** The underlay L2 segment: a bridge in its own namespace, with the "router" address .1. */
  createUnderlay(gatewayCidr: string): void {
    this.addNs(this.underlay);
    sh('ip', '-n', this.underlay, 'link', 'add', 'br0', 'type', 'bridge');
    sh('ip', '-n', this.underlay, 'addr', 'add', gatewayCidr, 'dev', 'br0');
    sh('ip', '-n', this.underlay, 'link', 'set', 'br0', 'up');
  }

  /** A machine: eth0 on the underlay with its address and a default route via the underlay's .1. */
  createNode(index: number, cidr: string, gateway: string): string {
    const ns = this.addNs(`${this.prefix}-n${index}`);
    const port = `u${index}`;
    sh('ip', '-n', ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', port, 'netns', this.underlay);
    sh('ip', '-n', this.underlay, 'link', 'set', port, 'master', 'br0', 'up');
    sh('ip', '-n', ns, 'addr', 'add', cidr, 'dev', 'eth0');
    sh('ip', '-n', ns, 'link', 'set', 'eth0', 'up');
    sh('ip', '-n', ns, 'route', 'add', 'default', 'via', gateway);
    return ns;
  }

  /**
   * A pod, as the bridge CNI plugin (isGateway, hairpinMode, host-local IPAM) sets it up: cni0 with
   * the gateway address if it is not there yet, a veth with its host end on cni0, the pod end
   * `eth0` with the pod IP and a default route via the gateway.
   */
  createPod(nodeNs: string, name: string, podIp: string, prefixLen: number, gateway: string): string {
    const ns = this.addNs(`${this.prefix}-p-${name}`);
    if (spawnSync('ip', ['-n', nodeNs, 'link', 'show', 'cni0']).status !== 0) {
      sh('ip', '-n', nodeNs, 'link', 'add', 'cni0', 'type', 'bridge');
      sh('ip', '-n', nodeNs, 'addr', 'add', `${gateway}/${prefixLen}`, 'dev', 'cni0');
      sh('ip', '-n', nodeNs, 'link', 'set', 'cni0', 'up');
    }
    const host = `veth${this.prefix.slice(2)}${this.vethSeq++}`;
    sh('ip', '-n', nodeNs, 'link', 'add', host, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
    sh('ip', '-n', nodeNs, 'link', 'set', host, 'master', 'cni0', 'up');
    sh('bridge', '-n', nodeNs, 'link', 'set', 'dev', host, 'hairpin', 'on');
    sh('ip', '-n', ns, 'addr', 'add', `${podIp}/${prefixLen}`, 'dev', 'eth0');
    sh('ip', '-n', ns, 'link', 'set', 'eth0', 'up');
    sh('ip', '-n', ns, 'route', 'add', 'default', 'via', gateway);
    return ns;
  }

  /** A TCP server in a namespace answering every connection with `reply`. */
  listen(ns: string, port: number, reply: string): ChildProcess {
    const p = spawn('ip', ['netns', 'exec', ns, 'socat', `TCP-LISTEN:${port},fork,reuseaddr`, `SYSTEM:echo ${reply}`], { stdio: 'ignore' });
    this.processes.push(p);
    return p;
  }

  track(p: ChildProcess): ChildProcess {
    this.processes.push(p);
    return p;
  }

  /** One TCP connection from a namespace: the line the server sent, or the error socat printed. */
  async connect(ns: string, host: string, port: number): Promise<{ ok: boolean; text: string }> {
    // -u: only server → stdout, so socat exits at the server's EOF instead of waiting on stdin.
    const r = await inNs(ns, ['socat', '-u', '-T', '2', `TCP:${host}:${port},connect-timeout=2`, 'STDOUT'], 4_000);
    return r.code === 0 ? { ok: true, text: r.stdout.trim() } : { ok: false, text: (r.stderr || r.stdout).trim() };
  }

  /** Kills what the lab started (by pid) and deletes every namespace it made (links go with them). */
  cleanup(): void {
    for (const p of this.processes) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    for (const ns of [...this.namespaces].reverse()) spawnSync('ip', ['netns', 'del', ns]);
  }
}
