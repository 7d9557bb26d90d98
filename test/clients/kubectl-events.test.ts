// Two kinds of events through kubectl: the audit log (`kubectl get events.netledger.io`,
// cluster-scoped and list-only), printed as a server-side Table paged with --chunk-size, whose
// -o yaml|json must decode; and core/v1 Events, what controllers and clients report about objects
// (`kubectl get events`, `kubectl events`, `kubectl describe`'s Events section).

import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.js';
import { cells, HAS_KUBECTL, kubectlSuite } from './kubectl-harness.js';

describe.skipIf(!HAS_KUBECTL)('kubectl get events.netledger.io (the audit log)', () => {
  const t = kubectlSuite('netledger-kubectl-events-');
  beforeAll(async () => {
    await api(t.s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'node-1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.11' }] } });
    await api(t.s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  });

  it('discovery: events.netledger.io is cluster-scoped, list-only, kind Event; the short name ev is core/v1 events\'', async () => {
    const r = await t.k.run(['api-resources', '--api-group', 'netledger.io', '-o', 'wide']);
    expect(r.stderr).toBe('');
    expect(cells(r.stdout)).toContainEqual(['events', 'netledger.io/v1', 'false', 'Event', 'list']);
    const core = await t.k.run(['api-resources', '--api-group', '', '-o', 'wide']);
    expect(core.stderr).toBe('');
    expect(cells(core.stdout)).toContainEqual(['events', 'ev', 'v1', 'true', 'Event', 'create,delete,deletecollection,get,list,patch,update,watch']);
    const log = await t.k.run(['get', 'events.netledger.io']);
    expect([log.code, log.stderr]).toEqual([0, '']);
    expect(cells(log.stdout)[0]).toEqual(['REVISION', 'AGE', 'ACTOR', 'TYPE', 'KIND', 'NAMESPACE', 'NAME']);
  });

  it('get events.netledger.io prints the log as a table, oldest first, all pages', async () => {
    const log = (await api(t.s.url, 'GET', '/apis/netledger.io/v1/events')).json.items;
    const r = await t.k.run(['get', 'events.netledger.io', '--chunk-size', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = cells(r.stdout);
    expect(rows[0]).toEqual(['REVISION', 'AGE', 'ACTOR', 'TYPE', 'KIND', 'NAMESPACE', 'NAME']);
    expect(rows.slice(1).map((c) => [c[0], c[3], c[4], c[5], c[6]])).toEqual(log.map((e: any) => [e.resourceVersion, e.type, e.kind, e.namespace || '<none>', e.name]));
    expect(rows.slice(1).map((c) => c[1])).toEqual(log.map(() => expect.stringMatching(/^\d+s$/)));
    const svc = log.find((e: any) => e.kind === 'Service' && e.name === 'web');
    expect(rows.find((c) => c[4] === 'Service' && c[6] === 'web')!.slice(2, 7)).toEqual([svc.actor, 'ADDED', 'Service', 'default', 'web']);
    const wide = cells((await t.k.run(['get', 'events.netledger.io', '-o', 'wide'])).stdout);
    expect(wide[0]).toEqual(['REVISION', 'AGE', 'ACTOR', 'TYPE', 'KIND', 'NAMESPACE', 'NAME', 'TIME', 'CAUSE', 'REQUEST ID']);
  });

  it('get events.netledger.io -o yaml|json: items name the changed object by apiVersion and kind, so kubectl maps them', async () => {
    const y = await t.k.run(['get', 'events.netledger.io', '-o', 'yaml']);
    expect(y.stderr).not.toContain("Object 'apiVersion' is missing");
    const list = YAML.parse(y.stdout);
    expect(list.kind).toBe('List');
    const svc = list.items.find((i: any) => i.kind === 'Service' && i.name === 'web');
    expect(svc).toMatchObject({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web', type: 'ADDED' });
    const j = await t.k.run(['get', 'events.netledger.io', '-o', 'json']);
    expect(JSON.parse(j.stdout).items.map((i: any) => `${i.apiVersion} ${i.kind}`)).toContain('discovery.k8s.io/v1 EndpointSlice');
  });

  // kubectl maps every list item's apiVersion/kind through discovery: the settings event's kind,
  // ClusterNetworkConfig, is a (read-only) netledger.io resource for that reason.
  it('get events.netledger.io -o yaml exits 0 with nothing on stderr (every kind the log names is in discovery)', async () => {
    const y = await t.k.run(['get', 'events.netledger.io', '-o', 'yaml']);
    expect([y.code, y.stderr]).toEqual([0, '']);
  });
});

describe.skipIf(!HAS_KUBECTL)('kubectl and core/v1 Events (get events, events, describe)', () => {
  const t = kubectlSuite('netledger-kubectl-core-events-');
  // Ages of 10 minutes or more print in whole minutes, so a slow run does not change them.
  const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  let podUid = '';
  beforeAll(async () => {
    await api(t.s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'node-1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.11' }] } });
    const pod = await api(t.s.url, 'POST', '/api/v1/namespaces/default/pods', { metadata: { name: 'web' }, spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }] } });
    podUid = pod.json.metadata.uid;
    // As client-go's event recorder writes them: `<object>.<hex time>`, the object's reference,
    // first and last timestamps and a count.
    const pulled = {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.17f3a2b4c5d6e7f8' },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'web', uid: podUid, fieldPath: 'spec.containers{c}' },
      reason: 'Pulled', message: 'Container image "nginx" already present on machine', type: 'Normal',
      source: { component: 'kubelet', host: 'node-1' }, firstTimestamp: ago(2730), lastTimestamp: ago(1230), count: 3,
    };
    const created = await api(t.s.url, 'POST', '/api/v1/namespaces/default/events', pulled);
    expect(created.status).toBe(201);
    const nodeEvent = await t.k.run(['create', '-f', t.file('node-event.yaml', `apiVersion: v1
kind: Event
metadata:
  name: node-1.17f3a2b4c5d6e7f9
involvedObject:
  kind: Node
  name: node-1
  uid: node-1
reason: NodeReady
message: "Node node-1 status is now: NodeReady"
type: Normal
source:
  component: kubelet
  host: node-1
firstTimestamp: "${ago(1830)}"
lastTimestamp: "${ago(1830)}"
count: 1
`)]);
    expect([nodeEvent.code, nodeEvent.stdout]).toEqual([0, 'event/node-1.17f3a2b4c5d6e7f9 created\n']);
  });

  it('get events prints upstream\'s columns; ev is its short name, with no warning', async () => {
    const r = await t.k.run(['get', 'ev']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const rows = cells(r.stdout);
    expect(rows[0]).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    expect(rows).toContainEqual(['20m', 'Normal', 'Pulled', 'pod/web', 'Container image "nginx" already present on machine']);
    expect(rows).toContainEqual(['30m', 'Normal', 'NodeReady', 'node/node-1', 'Node node-1 status is now: NodeReady']);
    const wide = cells((await t.k.run(['get', 'events', '-o', 'wide', '--field-selector', 'reason=Pulled'])).stdout);
    expect(wide).toEqual([
      ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
      ['20m', 'Normal', 'Pulled', 'pod/web', 'spec.containers{c}', 'kubelet, node-1', 'Container image "nginx" already present on machine', '45m', '3', 'web.17f3a2b4c5d6e7f8'],
    ]);
  });

  it('kubectl events lists them, oldest first, and --for picks one object', async () => {
    const all = await t.k.run(['events']);
    expect([all.code, all.stderr]).toEqual([0, '']);
    expect(cells(all.stdout).map((r) => r.slice(1, 4))).toEqual([['TYPE', 'REASON', 'OBJECT'], ['Normal', 'NodeReady', 'Node/node-1'], ['Normal', 'Pulled', 'Pod/web']]);
    const forPod = cells((await t.k.run(['events', '--for', 'pod/web'])).stdout);
    expect(forPod.slice(1)).toEqual([['20m (x3 over 45m)', 'Normal', 'Pulled', 'Pod/web', 'Container image "nginx" already present on machine']]);
  });

  it('describe pod shows the events about it (involvedObject.name, namespace and uid)', async () => {
    const r = await t.k.run(['describe', 'pod', 'web']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Events:\n\s+Type\s+Reason\s+Age\s+From\s+Message\n/m);
    expect(r.stdout).toMatch(/^\s+Normal\s+Pulled\s+20m \(x3 over 45m\)\s+kubelet\s+Container image "nginx" already present on machine$/m);
  });

  it('an event in another namespace than its object is 422, and nothing is written', async () => {
    const bad = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'elsewhere' }, involvedObject: { kind: 'Pod', namespace: 'default', name: 'web' }, reason: 'X' };
    const r = await t.k.run(['create', '-n', 'kube-system', '-f', t.file('bad-event.json', JSON.stringify(bad))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The Event "elsewhere" is invalid: involvedObject.namespace: Invalid value: "default": does not match event.namespace');
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/kube-system/events/elsewhere')).status).toBe(404);
  });
});
