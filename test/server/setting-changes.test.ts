// A server started on a database with flags that change its recorded cluster network settings
// warns, naming each changed flag with its recorded and given values, and records the change; the
// same flags again change nothing and say nothing.

import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { parseServeFlags } from '../../server/flags.js';
import { startServer } from '../../server/serve.js';
import { settingChanges } from '../../server/setting-changes.js';
import { DEFAULT_CONFIG } from '../../domain/config.js';
import { api, removeDir, tempDir } from '../support/server.js';

describe('settings changed by the flags at start-up', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  /** Starts a server on `dir` with `flags`, returns its warnings and the config's rv, stops it. */
  const run = async (dir: string, flags: string[]) => {
    const lines: { level: number; msg: string; changes?: unknown }[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    const server = await startServer(parseServeFlags(['--listen', '127.0.0.1:0', '--data', dir, ...flags]), pino({ level: 'warn' }, sink));
    try {
      const config = (await api(server.url, 'GET', '/apis/netledger.io/v1/clusternetworkconfigs/cluster')).json;
      return { warnings: lines.filter((l) => l.level === 40 && l.msg.includes('cluster network settings')), config };
    } finally {
      await server.close();
    }
  };

  it('warns with each changed flag, records the change, and is silent when nothing changes', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = await run(dir, ['--cluster-cidr', '10.128.0.0/9', '--dns-ttl', '30']);
    expect(first.warnings).toEqual([]);
    expect(first.config.spec.clusterCIDRs).toEqual(['10.128.0.0/9']);

    const same = await run(dir, ['--cluster-cidr', '10.128.0.0/9', '--dns-ttl', '30']);
    expect(same.warnings).toEqual([]);
    expect(same.config.metadata.resourceVersion).toBe(first.config.metadata.resourceVersion);

    const defaults = await run(dir, []);
    expect(defaults.warnings).toHaveLength(1);
    expect(defaults.warnings[0]!.changes).toEqual([
      { flag: '--cluster-cidr', recorded: '10.128.0.0/9', given: '10.244.0.0/16' },
      { flag: '--dns-ttl', recorded: '30', given: '5' },
    ]);
    expect(defaults.warnings[0]!.msg).toContain('--cluster-cidr 10.128.0.0/9 -> 10.244.0.0/16; --dns-ttl 30 -> 5');
    expect(defaults.config.spec.clusterCIDRs).toEqual(['10.244.0.0/16']);
    expect(Number(defaults.config.metadata.resourceVersion)).toBeGreaterThan(Number(first.config.metadata.resourceVersion));
  });

  it('writes each setting as its flag takes it', () => {
    const given = { ...DEFAULT_CONFIG, nodePortRange: { min: 31000, max: 31999 }, nodePortAddresses: ['10.0.0.0/8', '192.168.0.0/16'], dnsEndpointPodNames: true };
    expect(settingChanges(DEFAULT_CONFIG, given)).toEqual([
      { flag: '--service-node-port-range', recorded: '30000-32767', given: '31000-31999' },
      { flag: '--dns-endpoint-pod-names', recorded: 'off', given: 'on' },
      { flag: '--nodeport-addresses', recorded: '(empty)', given: '10.0.0.0/8,192.168.0.0/16' },
    ]);
    // Recorded before the setting existed: off, as a server of then had it.
    const { iptablesRandomFully: _, ...older } = DEFAULT_CONFIG;
    expect(settingChanges(older, DEFAULT_CONFIG)).toEqual([]);
  });
});
