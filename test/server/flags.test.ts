// `netledger serve` flags (API.md's table): defaults, each flag reaching the settings it names,
// and bad values refused with a message that names the flag.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AGENT_FLAGS, DNS_FLAGS } from '../../agent/flags.js';
import { DEFAULT_CONFIG } from '../../domain/config.js';
import { FlagError, parseServeFlags, SERVE_FLAGS } from '../../server/flags.js';
import { BIN } from '../support/server.js';

describe('netledger serve flags', () => {
  it('with no flags: 127.0.0.1:6443, ./data, and the documented cluster network defaults', () => {
    const o = parseServeFlags([]);
    expect({ host: o.host, port: o.port, dataDir: o.dataDir, tls: o.tls, tokenAuthFile: o.tokenAuthFile, retain: o.retain }).toEqual({
      host: '127.0.0.1',
      port: 6443,
      dataDir: './data',
      tls: undefined,
      tokenAuthFile: undefined,
      retain: undefined,
    });
    expect(o.config).toEqual({ ...DEFAULT_CONFIG });
    expect(o.config.dnsServiceIP).toBe('10.96.0.10'); // the 10th address of the service CIDR
  });

  it('each flag sets what it names', () => {
    const o = parseServeFlags([
      '--listen', '[::1]:0',
      '--cluster-cidr', '10.200.0.0/16,fd00:200::/56',
      '--node-cidr-mask-size', '26',
      '--node-cidr-mask-size-ipv6', '80',
      '--service-cidr', '172.30.0.0/16,fd00:30::/112',
      '--service-node-port-range', '31000-31999',
      '--cluster-domain', 'Example.ORG.',
      '--dns-ttl', '30',
      '--dns-pods', 'insecure',
      '--dns-endpoint-pod-names',
      '--dns-ignore-empty-service',
      '--pod-network', 'host-gw',
      '--masquerade-bit', '15',
      '--nodeport-addresses', '192.168.0.0/16, primary',
      '--local-detector', 'node-cidr',
      '--retain', '24h',
      '--tls-cert-file', 'c.pem',
      '--tls-private-key-file', 'k.pem',
      '--iptables-random-fully',
      '--iptables-nfacct',
      '--advertise-address', '192.0.2.1',
    ]);
    expect(o.advertiseAddress).toBe('192.0.2.1');
    expect([o.host, o.port]).toEqual(['::1', 0]);
    expect(o.tls).toEqual({ certFile: 'c.pem', keyFile: 'k.pem' });
    expect(o.retain).toBe('24h');
    expect(o.config).toMatchObject({
      clusterCIDRs: ['10.200.0.0/16', 'fd00:200::/56'],
      nodeCIDRMaskSizeV4: 26,
      nodeCIDRMaskSizeV6: 80,
      serviceCIDRs: ['172.30.0.0/16', 'fd00:30::/112'],
      nodePortRange: { min: 31000, max: 31999 },
      clusterDomain: 'example.org',
      dnsServiceIP: '172.30.0.10',
      dnsTTL: 30,
      dnsPods: 'insecure',
      dnsEndpointPodNames: true,
      dnsIgnoreEmptyService: true,
      podNetwork: 'host-gw',
      masqueradeBit: 15,
      iptablesRandomFully: true,
      iptablesNfacct: true,
      nodePortAddresses: ['192.168.0.0/16', 'primary'],
      localDetector: 'node-cidr',
    });
  });

  it.each([
    [['--listen', 'localhost'], '--listen localhost: expected HOST:PORT'],
    [['--listen', '127.0.0.1:70000'], 'listen port 70000: expected an integer in 0..65535'],
    [['--cluster-cidr', '10.0.0.0/8,10.1.0.0/16'], '--cluster-cidr 10.0.0.0/8,10.1.0.0/16: two CIDRs must be of different families'],
    [['--service-cidr', '10.96.0.0'], '--service-cidr: 10.96.0.0 is not a CIDR'],
    [['--service-node-port-range', '32000-31000'], '--service-node-port-range: the first port must not exceed the second'],
    [['--dns-service-ip', '10.0.0.10'], '--dns-service-ip 10.0.0.10: not an address of 10.96.0.0/12'],
    [['--dns-pods', 'sometimes'], '--dns-pods sometimes: expected one of disabled, insecure, verified'],
    [['--pod-network', 'ipip'], '--pod-network ipip: expected one of vxlan, host-gw'],
    [['--node-cidr-mask-size', '8'], '--node-cidr-mask-size 8 is larger than the cluster CIDR 10.244.0.0/16'],
    [['--retain', 'forever'], '--retain forever: expected a number of revisions (10000) or an age (90s, 30m, 24h, 7d)'],
    [['--tls-cert-file', 'c.pem'], '--tls-cert-file and --tls-private-key-file go together'],
    [['--no-such-flag'], "Unknown option '--no-such-flag'"],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseServeFlags(argv)).toThrow(FlagError);
    expect(() => parseServeFlags(argv)).toThrow(message);
  });
});

describe('--help of serve, agent and dns', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  it('lists every flag the parser takes, with its default, and exits 0', () => {
    for (const [command, spec] of [['serve', SERVE_FLAGS], ['agent', AGENT_FLAGS], ['dns', DNS_FLAGS]] as const) {
      for (const ask of ['--help', '-h']) {
        const r = run([command, ask]);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout.startsWith(`usage: netledger ${command} [flags]\n`)).toBe(true);
        for (const name of Object.keys(spec)) expect(r.stdout).toMatch(new RegExp(`^  --${name}( VALUE)?( |$)`, 'm'));
      }
    }
    expect(run(['serve', '--help']).stdout).toMatch(/^ {2}--listen VALUE +\(default 127\.0\.0\.1:6443\)$/m);
  });
  it('an unknown flag says where the list is, and exits 2', () => {
    const r = run(['agent', '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("netledger: Unknown option '--bogus' (netledger agent --help lists the flags)\n");
  });
});
