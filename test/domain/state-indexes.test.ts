// Given a cluster / when objects are updated / then ClusterState's lookups (pods by selector,
// services by selector pair, slices by service, pods by node) and allocations follow. An update
// that keeps the indexed fields takes a shortcut in setObject; these pin both of its branches.

import { beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../domain/commands.js';
import { DEFAULT_CONFIG } from '../../domain/config.js';
import { desiredEndpoints, desiredEndpointSlices } from '../../domain/controllers/index.js';
import { execute } from '../../domain/execute.js';
import type { KubeObject, Pod, Service } from '../../domain/objects.js';
import { ClusterState } from '../../domain/state.js';
import { create, ctx, node, pod, readyStatus, service, update } from '../support/commands.js';

let state: ClusterState;
const run = (cmd: Command) => execute(state, cmd).events;
const names = (objects: readonly KubeObject[]) => objects.map((o) => o.metadata.name).sort();
/** The live object with `change` applied to a copy of it. */
const edited = (kind: 'Pod' | 'Service' | 'EndpointSlice', name: string, change: (o: any) => void): KubeObject => {
  const copy = structuredClone(state.get(kind, 'default', name)!);
  change(copy);
  return copy;
};
/** A status update setting the pod's Ready condition, its IPs kept. */
const setReady = (name: string, ready: boolean) =>
  run(update('Pod', 'default', name, edited('Pod', name, (p) => (p.status = { ...p.status, ...(readyStatus(ready) as any).status })), 'status'));

beforeEach(() => {
  state = new ClusterState();
  run({ ...ctx('system:netledger'), op: 'configure', config: DEFAULT_CONFIG });
  run(create('Node', '', node('n1', '192.168.77.11')));
  run(create('Pod', 'default', pod('a', 'n1', { app: 'web' })));
  run(create('Pod', 'default', pod('b', 'n1', { app: 'web' })));
  run(create('Service', 'default', service('web', { app: 'web' })));
  run(create('Service', 'default', service('api', { app: 'api' })));
});

describe('ClusterState indexes across updates', () => {
  it('keeps a pod in its selector sets and its IP claimed through status updates', () => {
    const ip = (state.get('Pod', 'default', 'a') as Pod).status!.podIP!;
    for (const ready of [true, false]) setReady('a', ready);
    expect((state.get('Pod', 'default', 'a') as Pod).status!.conditions).toEqual([{ type: 'Ready', status: 'False' }]);
    expect(names(state.podsMatching('default', { app: 'web' }))).toEqual(['a', 'b']);
    expect(names(state.podsOnNode('n1'))).toEqual(['a', 'b']);
    expect(names(state.list('Pod', 'default'))).toEqual(['a', 'b']);
    expect([...state.allocations.podIPs.keys()]).toContain(ip);
  });

  it('moves a pod between selector sets when its labels change', () => {
    run(update('Pod', 'default', 'a', edited('Pod', 'a', (p) => (p.metadata.labels = { app: 'api' }))));
    expect(names(state.podsMatching('default', { app: 'web' }))).toEqual(['b']);
    expect(names(state.podsMatching('default', { app: 'api' }))).toEqual(['a']);
    expect(names(state.servicesWithSelectorPairs('default', { app: 'api' }))).toEqual(['api']);
    // A label added beside the old one: still selected by web, now also reachable by the new pair.
    run(update('Pod', 'default', 'b', edited('Pod', 'b', (p) => (p.metadata.labels = { app: 'web', tier: 'front' }))));
    expect(names(state.podsMatching('default', { tier: 'front' }))).toEqual(['b']);
    expect(names(state.podsMatching('default', { app: 'web' }))).toEqual(['b']);
  });

  it('files a service under its new selector and drops the old one', () => {
    run(update('Service', 'default', 'api', edited('Service', 'api', (s) => (s.spec.selector = { app: 'web' }))));
    expect(names(state.servicesWithSelectorPairs('default', { app: 'web' }))).toEqual(['api', 'web']);
    expect(state.servicesWithSelectorPairs('default', { app: 'api' })).toEqual([]);
  });

  it('keeps the endpoints controller slices of each service findable as pods change', () => {
    const slicesOf = (svc: string) => names(state.slicesForService('default', svc));
    const before = slicesOf('web');
    expect(before).toHaveLength(1);
    run(update('Pod', 'default', 'a', edited('Pod', 'a', (p) => (p.metadata.labels = { app: 'api' }))));
    expect(slicesOf('web')).toEqual(before);
    expect(slicesOf('api')).toHaveLength(1);
  });

  it('treats a pod without labels and one with empty labels alike', () => {
    run(update('Pod', 'default', 'a', edited('Pod', 'a', (p) => (p.metadata.labels = {}))));
    run(update('Pod', 'default', 'a', edited('Pod', 'a', (p) => delete p.metadata.labels)));
    expect(names(state.podsMatching('default', { app: 'web' }))).toEqual(['b']);
    expect(names(state.list('Pod', 'default'))).toEqual(['a', 'b']);
  });
});

// setObject's shortcut leaves a key where it was in its sets, so the pods the controllers are
// handed come in an order start-up would not rebuild. Their output must not depend on it.
describe('endpoints controllers and pod order', () => {
  it('write the same Endpoints and EndpointSlices for any order of the pods', () => {
    run(create('Pod', 'default', pod('c', 'n1', { app: 'web' }, 9090)));
    for (const name of ['a', 'c']) setReady(name, true);
    const svc = state.get('Service', 'default', 'web') as Service;
    const pods = state.podsMatching('default', { app: 'web' });
    expect(pods).toHaveLength(3);
    const orders = [pods, [...pods].reverse(), [pods[1]!, pods[2]!, pods[0]!]];
    const endpoints = orders.map((o) => JSON.stringify(desiredEndpoints(svc, o)));
    const slices = orders.map((o) => JSON.stringify(desiredEndpointSlices(svc, o)));
    expect(new Set(endpoints).size).toBe(1);
    expect(new Set(slices).size).toBe(1);
    // Two port numbers and a ready/not-ready mix: more than one subset to order.
    expect(JSON.parse(endpoints[0]!).subsets.length).toBeGreaterThan(1);
  });
});
