// Keys and values of the `dns` table (the grammar is documented in index.ts).

import { compareIPs } from './names.js';

/** Record types the projection stores as RRsets. */
export const RR_TYPES = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'PTR', 'SRV', 'TXT'] as const;
export type RRType = (typeof RR_TYPES)[number];

/** Pseudo-types: facts about names rather than records. */
export const EXISTS = 'EXISTS';
export const PODS = 'PODS';

export interface SrvRecord {
  priority: number;
  weight: number;
  port: number;
  target: string;
}
/** The SOA without its serial: the serial is the table's last-change rv, passed at render time. */
export interface SoaRecord {
  mname: string;
  rname: string;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}
export type DnsRecord = string | SrvRecord | SoaRecord;

/** An RRset. `clusterIP: true` marks a PTR derived from a Service's ClusterIP, which takes
 * precedence over endpoint PTRs for the same address (CoreDNS reverse.go). */
export interface RRsetValue<R extends DnsRecord = DnsRecord> {
  ttl: number;
  records: R[];
  clusterIP?: true;
}
/** `pod.<zone>./PODS`: `pods insecure` answers every dashed-IP label under an existing namespace. */
export interface PodsValue {
  mode: 'insecure';
  ttl: number;
}

export function rrsetKey(name: string, type: RRType): string {
  return `${name}/${type}`;
}
export function existsKey(name: string): string {
  return `${name}/${EXISTS}`;
}
export function podsKey(zone: string): string {
  return `pod.${zone}./${PODS}`;
}

/** Split a key into its owner name and its (pseudo-)type. */
export function parseKey(key: string): { name: string; type: string } {
  const slash = key.lastIndexOf('/');
  return { name: key.slice(0, slash), type: key.slice(slash + 1) };
}

function compareRecords(type: string, a: DnsRecord, b: DnsRecord): number {
  if ((type === 'A' || type === 'AAAA') && typeof a === 'string' && typeof b === 'string') return compareIPs(a, b);
  if (type === 'SRV') {
    const x = a as SrvRecord;
    const y = b as SrvRecord;
    return cmp(x.target, y.target) || x.port - y.port || x.priority - y.priority || x.weight - y.weight;
  }
  return cmp(JSON.stringify(a), JSON.stringify(b));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records de-duplicated and sorted: the deterministic form every RRset value is stored in. */
export function normalizeRecords<R extends DnsRecord>(type: string, records: readonly R[]): R[] {
  if (records.length === 1) return [records[0]!];
  const seen = new Map<string, R>();
  // Names and addresses are their own identity: only structured records need encoding.
  for (const r of records) seen.set(typeof r === 'string' ? r : JSON.stringify(r), r);
  return [...seen.values()].sort((a, b) => compareRecords(type, a, b));
}

/**
 * Combine several claims on one key (the Projection's merge, also used inside a unit):
 * facts are idempotent; RRsets are unioned with the lowest TTL; for PTRs, ClusterIP-derived
 * values win over endpoint-derived ones.
 */
export function mergeValues(key: string, values: readonly unknown[]): unknown {
  const { type } = parseKey(key);
  if (type === EXISTS) return true;
  if (type === PODS) return values[0];
  let sets = values as RRsetValue[];
  if (type === 'PTR' && sets.some((v) => v.clusterIP)) sets = sets.filter((v) => v.clusterIP);
  const merged: RRsetValue = {
    ttl: Math.min(...sets.map((v) => v.ttl)),
    records: normalizeRecords(type, sets.flatMap((v) => v.records)),
  };
  if (sets[0]?.clusterIP) merged.clusterIP = true;
  return merged;
}
