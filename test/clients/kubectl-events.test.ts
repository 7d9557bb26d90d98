// `kubectl get events` against netledger: with no core v1 events served, kubectl resolves
// `events` to the cluster-scoped, list-only events.netledger.io (the audit log). It must print
// the log as a table (server-side Table, paged with --chunk-size) and -o yaml|json must decode.

import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.js';
import { cells, HAS_KUBECTL, kubectlSuite } from './kubectl-harness.js';

describe.skipIf(!HAS_KUBECTL)('kubectl get events (the netledger.io audit log)', () => {
  const t = kubectlSuite('netledger-kubectl-events-');
  beforeAll(async () => {
    await api(t.s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'node-1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.11' }] } });
    await api(t.s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  });

  it('discovery: events.netledger.io is cluster-scoped, list-only, kind Event', async () => {
    const r = await t.k.run(['api-resources', '--api-group', 'netledger.io', '-o', 'wide']);
    expect(r.stderr).toBe('');
    // kubectl's short name for events, ev, is this resource's too.
    expect(cells(r.stdout)).toContainEqual(['events', 'ev', 'netledger.io/v1', 'false', 'Event', 'list']);
    const ev = await t.k.run(['get', 'ev']);
    expect(ev.code).toBe(0);
    expect(cells(ev.stdout)[0]).toEqual(['REVISION', 'AGE', 'ACTOR', 'TYPE', 'KIND', 'NAMESPACE', 'NAME']);
  });

  it('get events prints the log as a table, oldest first, all pages', async () => {
    const log = (await api(t.s.url, 'GET', '/apis/netledger.io/v1/events')).json.items;
    const r = await t.k.run(['get', 'events', '--chunk-size', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = cells(r.stdout);
    expect(rows[0]).toEqual(['REVISION', 'AGE', 'ACTOR', 'TYPE', 'KIND', 'NAMESPACE', 'NAME']);
    expect(rows.slice(1).map((c) => [c[0], c[3], c[4], c[5], c[6]])).toEqual(log.map((e: any) => [e.resourceVersion, e.type, e.kind, e.namespace || '<none>', e.name]));
    expect(rows.slice(1).map((c) => c[1])).toEqual(log.map(() => expect.stringMatching(/^\d+s$/)));
    const svc = log.find((e: any) => e.kind === 'Service' && e.name === 'web');
    expect(rows.find((c) => c[4] === 'Service' && c[6] === 'web')!.slice(2, 7)).toEqual([svc.actor, 'ADDED', 'Service', 'default', 'web']);
    const wide = cells((await t.k.run(['get', 'events', '-o', 'wide'])).stdout);
    expect(wide[0]).toEqual(['REVISION', 'AGE', 'ACTOR', 'TYPE', 'KIND', 'NAMESPACE', 'NAME', 'TIME', 'CAUSE', 'REQUEST ID']);
  });

  it('get events -o yaml|json: items name the changed object by apiVersion and kind, so kubectl maps them', async () => {
    const y = await t.k.run(['get', 'events', '-o', 'yaml']);
    expect(y.stderr).not.toContain("Object 'apiVersion' is missing");
    const list = YAML.parse(y.stdout);
    expect(list.kind).toBe('List');
    const svc = list.items.find((i: any) => i.kind === 'Service' && i.name === 'web');
    expect(svc).toMatchObject({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web', type: 'ADDED' });
    const j = await t.k.run(['get', 'events', '-o', 'json']);
    expect(JSON.parse(j.stdout).items.map((i: any) => `${i.apiVersion} ${i.kind}`)).toContain('discovery.k8s.io/v1 EndpointSlice');
  });

  // kubectl maps every list item's apiVersion/kind through discovery: the settings event's kind,
  // ClusterNetworkConfig, is a (read-only) netledger.io resource for that reason.
  it('get events -o yaml exits 0 with nothing on stderr (every kind the log names is in discovery)', async () => {
    const y = await t.k.run(['get', 'events', '-o', 'yaml']);
    expect([y.code, y.stderr]).toEqual([0, '']);
  });
});
