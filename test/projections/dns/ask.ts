// Query helper for the tests: answerQuery on a table, records in dig's presentation, each
// section sorted the way CoreDNS's SortAndCheck sorts them.

import { answerQuery } from '../../../projections/dns/index.js';
import { present } from './fixture.js';

export const SERIAL = 42;

export function ask(entries: ReadonlyMap<string, unknown>, name: string, type: string, zone = 'cluster.local') {
  const r = answerQuery(entries, { name, type }, { zone, serial: SERIAL });
  return {
    rcode: r.rcode,
    answers: r.answers.map(present).sort(),
    authority: r.authority.map(present).sort(),
    additional: r.additional.map(present).sort(),
  };
}

export const SOA_LINE = 'cluster.local.\t5\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 42 7200 1800 86400 5';
export const nodata = { rcode: 'NOERROR', answers: [], authority: [SOA_LINE], additional: [] };
export const nxdomain = { rcode: 'NXDOMAIN', answers: [], authority: [SOA_LINE], additional: [] };
export const ok = (answers: string[], additional: string[] = []) => ({ rcode: 'NOERROR', answers: [...answers].sort(), authority: [], additional: [...additional].sort() });
