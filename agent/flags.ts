// `netledger agent` and `netledger dns` flags (docs/API.md "Agent", "Other commands").

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TABLE_NAMES, type TableName } from '../projections/model.js';
import { FlagError, goDuration } from '../server/flags.js';
import { helpHint } from '../server/flag-usage.js';

export interface Listen {
  host: string;
  port: number;
}

export interface AgentOptions {
  server: string;
  node: string;
  netns?: string;
  tables: TableName[];
  dnsListen?: Listen;
  /** Where the DNS responder forwards names outside the cluster zones (CoreDNS `forward . ADDR`). */
  dnsUpstream?: Listen;
  metricsListen?: Listen;
  stateDir?: string;
  dryRun: boolean;
  iface?: string;
  /** kube-proxy's --iptables-sync-period (30 s): how often the top-level jumps are ensured and
   * the routes table is applied again (flanneld's route check), repairing what others removed. */
  syncPeriodMs: number;
  /** kube-proxy's FullSyncPeriod (1 h): how often every table is written in full. */
  fullSyncPeriodMs: number;
}

export interface DnsOptions {
  server: string;
  listen: Listen;
  node?: string;
  upstream?: Listen;
}

export function parseListen(flag: string, text: string): Listen {
  const colon = text.lastIndexOf(':');
  if (colon < 0) throw new FlagError(`${flag} ${text}: expected HOST:PORT`);
  const host = text.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = Number(text.slice(colon + 1));
  if (!host || !Number.isInteger(port) || port < 0 || port > 65535) throw new FlagError(`${flag} ${text}: expected HOST:PORT`);
  return { host, port };
}

function serverUrl(text: string | undefined): string {
  if (!text) throw new FlagError('--server URL is required');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FlagError(`--server ${text}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FlagError(`--server ${text}: expected http(s)://HOST:PORT`);
  return url.toString().replace(/\/$/, '');
}

function parse(command: string, argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (e) {
    throw new FlagError(`${(e as Error).message} ${helpHint(command)}`);
  }
}

export const AGENT_FLAGS = {
  server: { type: 'string' },
  node: { type: 'string' },
  netns: { type: 'string' },
  tables: { type: 'string' },
  'dns-listen': { type: 'string' },
  'dns-upstream': { type: 'string' },
  'metrics-listen': { type: 'string' },
  'state-dir': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  iface: { type: 'string' },
  'sync-period': { type: 'string', default: '30s' },
  'full-sync-period': { type: 'string', default: '1h' },
} as const;

export const DNS_FLAGS = {
  server: { type: 'string' },
  listen: { type: 'string', default: '127.0.0.1:53' },
  node: { type: 'string' },
  upstream: { type: 'string' },
} as const;

export function parseTablesFlag(text: string | undefined): TableName[] {
  if (text === undefined) return [...TABLE_NAMES];
  const names = text.split(',').map((t) => t.trim()).filter(Boolean);
  if (names.length === 0) throw new FlagError('--tables: name at least one table');
  for (const n of names) {
    if (!(TABLE_NAMES as readonly string[]).includes(n)) throw new FlagError(`--tables: unknown table "${n}" (expected ${TABLE_NAMES.join(', ')})`);
  }
  return [...new Set(names)].sort() as TableName[];
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export function parseAgentFlags(argv: string[]): AgentOptions {
  const v = parse('agent', argv, AGENT_FLAGS);
  const node = v.node as string | undefined;
  const period = (flag: string) => {
    const ms = goDuration(`--${flag}`, v[flag] as string);
    // setInterval takes at most 2^31-1 ms (~24.8 days): beyond, Node fires every millisecond.
    if (ms < 1000 || ms > MAX_TIMER_MS) throw new FlagError(`--${flag} ${String(v[flag])}: expected 1s to 596h`);
    return ms;
  };
  if (!node) throw new FlagError('--node NAME is required');
  return {
    server: serverUrl(v.server as string | undefined),
    node,
    netns: (v.netns as string | undefined) || undefined,
    tables: parseTablesFlag(v.tables as string | undefined),
    dnsListen: v['dns-listen'] ? parseListen('--dns-listen', v['dns-listen'] as string) : undefined,
    dnsUpstream: v['dns-upstream'] ? parseListen('--dns-upstream', v['dns-upstream'] as string) : undefined,
    metricsListen: v['metrics-listen'] ? parseListen('--metrics-listen', v['metrics-listen'] as string) : undefined,
    stateDir: (v['state-dir'] as string | undefined) || undefined,
    dryRun: v['dry-run'] === true,
    iface: (v.iface as string | undefined) || undefined,
    syncPeriodMs: period('sync-period'),
    fullSyncPeriodMs: period('full-sync-period'),
  };
}

export function parseDnsFlags(argv: string[]): DnsOptions {
  const v = parse('dns', argv, DNS_FLAGS);
  return {
    server: serverUrl(v.server as string | undefined),
    listen: parseListen('--listen', v.listen as string),
    node: (v.node as string | undefined) || undefined,
    upstream: v.upstream ? parseListen('--upstream', v.upstream as string) : undefined,
  };
}
