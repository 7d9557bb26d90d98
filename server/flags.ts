// `netledger serve` flags (docs/API.md) -> the cluster network settings and server options.

import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, type ClusterNetworkConfig } from '../domain/config.js';
import { Cidr, familyOf } from '../domain/net/cidr.js';
import { reachable } from './bootstrap.js';
import { helpHint } from './flag-usage.js';

export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  /** kube-apiserver's --event-ttl: how long a core/v1 Event outlives its last write; 0 keeps them. */
  eventTtlMs: number;
  databaseUrl?: string;
  tokenAuthFile?: string;
  /** HTTPS instead of HTTP: kubectl sends bearer tokens only over TLS, as kube-apiserver serves. */
  tls?: { certFile: string; keyFile: string };
  retain?: string;
  /** kube-apiserver's --advertise-address: the address in the `kubernetes` Service's endpoints. */
  advertiseAddress?: string;
  config: ClusterNetworkConfig;
  /** Not a flag: tests lower it to provoke the slow-stream path. */
  streamBufferBytes?: number;
}

export class FlagError extends Error {}

/** `--database-url`: a PostgreSQL connection URL (what node-postgres and libpq take). */
export function databaseUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    /* reported below */
  }
  if (!url || !/^postgres(ql)?:$/.test(url.protocol) || !url.hostname) {
    throw new FlagError(`--database-url ${url?.password ? text.replace(url.password, '***') : text}: expected postgres://USER:PASSWORD@HOST[:PORT]/DATABASE (SQLite, the default, takes --data DIR)`);
  }
  return text;
}

export const SERVE_FLAGS = {
  listen: { type: 'string', default: '127.0.0.1:6443' },
  data: { type: 'string', default: './data' },
  'database-url': { type: 'string' },
  'cluster-cidr': { type: 'string', default: DEFAULT_CONFIG.clusterCIDRs.join(',') },
  'node-cidr-mask-size': { type: 'string' },
  'node-cidr-mask-size-ipv4': { type: 'string' },
  'node-cidr-mask-size-ipv6': { type: 'string' },
  'service-cidr': { type: 'string', default: DEFAULT_CONFIG.serviceCIDRs.join(',') },
  'service-node-port-range': { type: 'string', default: '30000-32767' },
  'cluster-domain': { type: 'string', default: 'cluster.local' },
  'dns-service-ip': { type: 'string' },
  'dns-ttl': { type: 'string', default: '5' },
  'dns-pods': { type: 'string', default: 'disabled' },
  'dns-endpoint-pod-names': { type: 'boolean', default: false },
  'dns-ignore-empty-service': { type: 'boolean', default: false },
  'pod-network': { type: 'string', default: 'vxlan' },
  'masquerade-bit': { type: 'string', default: '14' },
  'nodeport-addresses': { type: 'string', default: '' },
  'local-detector': { type: 'string', default: 'cluster-cidr' },
  'iptables-nfacct': { type: 'boolean', default: false },
  'iptables-random-fully': { type: 'boolean', default: false },
  'token-auth-file': { type: 'string' },
  'tls-cert-file': { type: 'string' },
  'tls-private-key-file': { type: 'string' },
  retain: { type: 'string' },
  'event-ttl': { type: 'string', default: '1h0m0s' },
  'advertise-address': { type: 'string' },
} as const;

export function parseServeFlags(argv: string[]): ServeOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options: SERVE_FLAGS, strict: true, allowPositionals: false }).values as typeof values;
  } catch (e) {
    throw new FlagError(`${(e as Error).message} ${helpHint('serve')}`);
  }
  const str = (k: keyof typeof SERVE_FLAGS) => values[k] as string | undefined;
  const listen = str('listen')!;
  const colon = listen.lastIndexOf(':');
  if (colon < 0) throw new FlagError(`--listen ${listen}: expected HOST:PORT`);
  const host = listen.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = int('listen port', listen.slice(colon + 1), 0, 65535);

  const clusterCIDRs = cidrList('--cluster-cidr', str('cluster-cidr')!);
  const serviceCIDRs = cidrList('--service-cidr', str('service-cidr')!);
  const v4Mask = str('node-cidr-mask-size-ipv4') ?? str('node-cidr-mask-size');
  const v6Mask = str('node-cidr-mask-size-ipv6');
  const range = /^(\d+)-(\d+)$/.exec(str('service-node-port-range')!);
  if (!range) throw new FlagError(`--service-node-port-range ${str('service-node-port-range')}: expected A-B`);
  const nodePortRange = { min: int('--service-node-port-range', range[1]!, 1, 65535), max: int('--service-node-port-range', range[2]!, 1, 65535) };
  if (nodePortRange.min > nodePortRange.max) throw new FlagError('--service-node-port-range: the first port must not exceed the second');

  const primaryService = Cidr.parse(serviceCIDRs[0]!);
  const dnsServiceIP = str('dns-service-ip') ?? primaryService.addressAt(10n);
  if (!familyOf(dnsServiceIP) || !primaryService.contains(dnsServiceIP)) throw new FlagError(`--dns-service-ip ${dnsServiceIP}: not an address of ${primaryService.text}`);
  const dnsPods = oneOf('--dns-pods', str('dns-pods')!, ['disabled', 'insecure', 'verified'] as const);
  const podNetwork = oneOf('--pod-network', str('pod-network')!, ['vxlan', 'host-gw'] as const);
  const localDetector = oneOf('--local-detector', str('local-detector')!, ['cluster-cidr', 'node-cidr'] as const);
  const nodePortAddresses = str('nodeport-addresses')!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of nodePortAddresses) if (a !== 'primary' && !Cidr.tryParse(a)) throw new FlagError(`--nodeport-addresses: ${a} is not a CIDR`);

  const config: ClusterNetworkConfig = {
    clusterCIDRs,
    nodeCIDRMaskSizeV4: v4Mask ? int('--node-cidr-mask-size', v4Mask, 1, 32) : DEFAULT_CONFIG.nodeCIDRMaskSizeV4,
    nodeCIDRMaskSizeV6: v6Mask ? int('--node-cidr-mask-size-ipv6', v6Mask, 1, 128) : DEFAULT_CONFIG.nodeCIDRMaskSizeV6,
    serviceCIDRs,
    nodePortRange,
    clusterDomain: str('cluster-domain')!.replace(/\.$/, '').toLowerCase(),
    dnsServiceIP,
    dnsTTL: int('--dns-ttl', str('dns-ttl')!, 0, 3600),
    dnsPods,
    dnsEndpointPodNames: values['dns-endpoint-pod-names'] === true,
    dnsIgnoreEmptyService: values['dns-ignore-empty-service'] === true,
    podNetwork,
    masqueradeBit: int('--masquerade-bit', str('masquerade-bit')!, 0, 31),
    nodePortAddresses,
    localDetector,
    iptablesNfacct: values['iptables-nfacct'] === true,
    iptablesRandomFully: values['iptables-random-fully'] === true,
  };
  if (str('retain') !== undefined && !/^\d+[smhd]?$/.test(str('retain')!)) {
    throw new FlagError(`--retain ${str('retain')}: expected a number of revisions (10000) or an age (90s, 30m, 24h, 7d)`);
  }
  for (const c of clusterCIDRs) {
    const cidr = Cidr.parse(c);
    const mask = cidr.family === 'IPv4' ? config.nodeCIDRMaskSizeV4 : config.nodeCIDRMaskSizeV6;
    if (mask < cidr.prefix) throw new FlagError(`--node-cidr-mask-size ${mask} is larger than the cluster CIDR ${c}`);
  }
  const advertiseAddress = str('advertise-address');
  if (advertiseAddress !== undefined && !reachable(advertiseAddress)) {
    throw new FlagError(`--advertise-address ${advertiseAddress}: expected an IP address pods can reach (not loopback, unspecified, link-local or multicast)`);
  }
  const certFile = str('tls-cert-file');
  const keyFile = str('tls-private-key-file');
  if ((certFile === undefined) !== (keyFile === undefined)) throw new FlagError('--tls-cert-file and --tls-private-key-file go together');
  return {
    host,
    port,
    eventTtlMs: goDuration('--event-ttl', str('event-ttl')!),
    dataDir: str('data')!,
    tls: certFile && keyFile ? { certFile, keyFile } : undefined,
    databaseUrl: databaseUrl(str('database-url')),
    tokenAuthFile: str('token-auth-file'),
    retain: str('retain'),
    advertiseAddress,
    config,
  };
}

const DURATION_UNITS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };

/** Go's time.ParseDuration (`1h0m0s`, `90s`, `1.5h`, `0`), in milliseconds; no negatives here. */
export function goDuration(name: string, text: string): number {
  if (text === '0') return 0;
  const parts = /^(?:\d+(?:\.\d*)?(?:h|ms|m|s|us|µs|ns))+$/.test(text) ? [...text.matchAll(/(\d+(?:\.\d*)?)(h|ms|m|s|us|µs|ns)/g)] : [];
  if (!parts.length) throw new FlagError(`${name} ${text}: expected a duration (1h0m0s, 30m, 90s)`);
  return Math.round(parts.reduce((ms, [, n, unit]) => ms + Number(n) * DURATION_UNITS[unit!]!, 0));
}

function int(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new FlagError(`${name} ${text}: expected an integer in ${min}..${max}`);
  return n;
}

function oneOf<T extends string>(name: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v)) throw new FlagError(`${name} ${v}: expected one of ${allowed.join(', ')}`);
  return v as T;
}

/** `A[,B]`: one or two CIDRs of different families, primary first. */
function cidrList(name: string, text: string): string[] {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length < 1 || parts.length > 2) throw new FlagError(`${name} ${text}: expected one CIDR, or two of different families`);
  const cidrs = parts.map((p) => {
    const c = Cidr.tryParse(p);
    if (!c) throw new FlagError(`${name}: ${p} is not a CIDR`);
    return c;
  });
  if (cidrs.length === 2 && cidrs[0]!.family === cidrs[1]!.family) throw new FlagError(`${name} ${text}: two CIDRs must be of different families`);
  return cidrs.map((c) => c.text);
}
