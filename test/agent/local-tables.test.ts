// The agent's table copy: SNAPSHOT replaces, DELTA applies in rv order, redeliveries change
// nothing, and the incremental digest equals digestOf over the same entries.

import { describe, expect, it } from 'vitest';
import { LocalTables } from '../../agent/store/local-tables.js';
import { digestOf } from '../../projections/tables.js';

const snapshot = (rv: number, routes: [string, unknown][]) => ({
  type: 'SNAPSHOT' as const,
  rv,
  tables: { routes: { entries: routes.map(([key, value]) => ({ key, value })) } },
});

describe('LocalTables', () => {
  it('applies a SNAPSHOT, then DELTAs, reporting each change with the value it replaced', () => {
    const s = new LocalTables(['routes', 'dns']);
    const r1 = s.applySnapshot(snapshot(10, [['route/10.244.2.0/24', { dst: '10.244.2.0/24', via: '10.244.2.0', dev: 'flannel.1', onlink: true }], ['neigh/flannel.1/10.244.2.0', { n: 1 }]]));
    expect(s.rv).toBe(10);
    expect(r1.changes.get('routes')!.map((c) => `${c.op} ${c.key}`)).toEqual(['upsert route/10.244.2.0/24', 'upsert neigh/flannel.1/10.244.2.0']);
    expect(r1.changes.has('dns')).toBe(false);

    const r2 = s.applyDelta({
      type: 'DELTA',
      rv: 11,
      changes: [
        { table: 'routes', op: 'delete', key: 'route/10.244.2.0/24' },
        { table: 'routes', op: 'upsert', key: 'neigh/flannel.1/10.244.2.0', value: { n: 2 } },
        { table: 'routes', op: 'upsert', key: 'route/10.244.3.0/24', value: { dst: '10.244.3.0/24' } },
        { table: 'iptables', op: 'upsert', key: 'nat/KUBE-SERVICES', value: [] }, // not managed: ignored
      ],
    });
    expect(r2.changes.get('routes')).toEqual([
      { key: 'route/10.244.2.0/24', op: 'delete', value: undefined, previous: { dst: '10.244.2.0/24', via: '10.244.2.0', dev: 'flannel.1', onlink: true } },
      { key: 'neigh/flannel.1/10.244.2.0', op: 'upsert', value: { n: 2 }, previous: { n: 1 } },
      { key: 'route/10.244.3.0/24', op: 'upsert', value: { dst: '10.244.3.0/24' }, previous: undefined },
    ]);
    expect(s.rv).toBe(11);
    expect([...s.table('routes').entries.keys()]).toEqual(['neigh/flannel.1/10.244.2.0', 'route/10.244.3.0/24']);

    // The same DELTA again (a resume that overlaps) and an older one change nothing.
    expect(s.applyDelta({ type: 'DELTA', rv: 11, changes: [{ table: 'routes', op: 'delete', key: 'route/10.244.3.0/24' }] }).changes.size).toBe(0);
    expect(s.table('routes').entries.has('route/10.244.3.0/24')).toBe(true);

    // A new SNAPSHOT removes what it lacks and reports the removal with its old value.
    const r3 = s.applySnapshot(snapshot(20, [['route/10.244.3.0/24', { dst: '10.244.3.0/24' }]]));
    expect(r3.changes.get('routes')).toEqual([{ key: 'neigh/flannel.1/10.244.2.0', op: 'delete', value: undefined, previous: { n: 2 } }]);
    expect(s.rv).toBe(20);
  });

  it("takes the DNS serial from the snapshot's lastChange, so a restarted agent agrees with every other", () => {
    const s = new LocalTables(['dns']);
    s.applySnapshot({ type: 'SNAPSHOT', rv: 191, tables: { dns: { lastChange: 188, entries: [{ key: 'cluster.local./SOA', value: { ttl: 5, records: [{}] } }] } } });
    expect(s.dnsSerial).toBe(188);
    // A server that does not say: the snapshot's rv, as before.
    const old = new LocalTables(['dns']);
    old.applySnapshot({ type: 'SNAPSHOT', rv: 191, tables: { dns: { entries: [{ key: 'cluster.local./SOA', value: { ttl: 5, records: [{}] } }] } } });
    expect(old.dnsSerial).toBe(191);
  });

  it('keeps the server\'s additive digest incrementally, independent of order', () => {
    const s = new LocalTables(['dns']);
    expect(s.digests().dns).toBe(digestOf('dns', []));
    const entries: [string, unknown][] = [
      ['web.default.svc.cluster.local./A', { ttl: 5, records: ['10.96.0.20'] }],
      ['cluster.local./SOA', { ttl: 5, records: [{ mname: 'ns.dns.cluster.local.' }] }],
      ['svc.cluster.local./EXISTS', true],
    ];
    s.applyDelta({ type: 'DELTA', rv: 3, changes: entries.map(([key, value]) => ({ table: 'dns', op: 'upsert', key, value })) });
    expect(s.digests().dns).toBe(digestOf('dns', [...entries].reverse()));
    expect(s.dnsSerial).toBe(3);
    s.applyDelta({ type: 'DELTA', rv: 4, changes: [{ table: 'dns', op: 'delete', key: 'svc.cluster.local./EXISTS' }] });
    expect(s.digests().dns).toBe(digestOf('dns', entries.slice(0, 2)));
    // The digest hashes the JSON text: key order inside a value matters, as on the server.
    const t = new LocalTables(['dns']);
    t.applyDelta({ type: 'DELTA', rv: 1, changes: [{ table: 'dns', op: 'upsert', key: 'k', value: { records: [], ttl: 5 } }] });
    expect(t.digests().dns).not.toBe(digestOf('dns', [['k', { ttl: 5, records: [] }]]));
  });
});
