// The agent's full sync on a real kernel: the restore input, then the top-level jumps. A table
// that does not write kubelet's KUBE-FIREWALL (--nodeport-addresses without loopback) must still
// get its jumps: the script creates each target chain first, as kube-proxy's EnsureChain does.

import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureJumpsScript, fullRestoreInput } from '../../agent/apply/iptables.js';
import { computeAll } from '../projections/iptables/helpers.js';
import { goldenConfig, goldenServices, goldenSlices, TEST_NODE } from '../projections/iptables/fixtures.js';
import { nodeTable } from '../projections/iptables/view.js';
import { netnsSkipReason, titled } from '../support/host.js';

const skip = netnsSkipReason(['iptables', 'iptables-restore']);
const ns = `nljumps-${randomBytes(4).toString('hex')}`;
const inNs = (argv: string[], input?: string) => spawnSync('ip', ['netns', 'exec', ns, ...argv], { input, encoding: 'utf8' });

describe.skipIf(skip !== undefined)(titled('agent iptables full sync in a netns', skip), () => {
  afterAll(() => {
    spawnSync('ip', ['netns', 'del', ns]);
  });

  it('restores a table without KUBE-FIREWALL, then ensures every jump (twice: the second run changes nothing)', () => {
    execFileSync('ip', ['netns', 'add', ns]);
    const config = { ...goldenConfig, nodePortAddresses: ['192.168.0.0/16'] };
    const table = nodeTable(computeAll({ config, nodes: [], services: goldenServices, slices: goldenSlices }), 'iptables', TEST_NODE);
    expect([...table.keys()].some((k) => k.includes('KUBE-FIREWALL/') || k.endsWith('/KUBE-FIREWALL'))).toBe(false);
    const restore = inNs(['iptables-restore', '--noflush', '--counters'], fullRestoreInput(table, 'ipv4', []));
    expect(restore.stderr).toBe('');
    for (let i = 0; i < 2; i++) {
      const r = inNs(['sh', '-c', ensureJumpsScript('ipv4')]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    const input = inNs(['iptables', '-S', 'INPUT']).stdout.split('\n');
    expect(input.filter((l) => l === '-A INPUT -j KUBE-FIREWALL')).toHaveLength(1);
    expect(inNs(['iptables', '-S', 'KUBE-FIREWALL']).stdout.trim()).toBe('-N KUBE-FIREWALL');
  });
});
