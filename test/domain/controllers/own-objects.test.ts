// The endpoints controllers and the objects they write, when someone else touches those objects
// (given events / when command / then events). Upstream's endpoints controller watches Endpoints
// for deletes only; the slice and mirroring controllers sync a Service whenever a slice they
// manage is added, changed or deleted by anyone else. And deleting a namespace removes what the
// controllers wrote once, not written again between its pods' deletions.

import { beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../domain/commands.js';
import { DEFAULT_CONFIG } from '../../../domain/config.js';
import type { LogEvent } from '../../../domain/events.js';
import { execute } from '../../../domain/execute.js';
import type { EndpointSlice, Endpoints, KubeObject } from '../../../domain/objects.js';
import { StatusError } from '../../../domain/errors.js';
import { ENDPOINTS_CONTROLLER } from '../../../domain/reactor.js';
import { ClusterState } from '../../../domain/state.js';
import { create, ctx, node, pod, podReady, remove, service, update } from '../../support/commands.js';

/** Not `default`: the namespace tests delete it, and kube-apiserver's immortal namespaces refuse. */
const NS = 'shop';
let state: ClusterState;
const run = (cmd: Command): LogEvent[] => execute(state, cmd).events;
const summary = (events: LogEvent[]) => events.map((e) => `${e.type} ${e.kind} ${e.name} by ${e.actor}`);
const slices = () => state.slicesForService(NS, 'web') as EndpointSlice[];

beforeEach(() => {
  state = new ClusterState();
  run({ ...ctx('system:netledger'), op: 'configure', config: DEFAULT_CONFIG });
  run(create('Node', '', node('n1', '192.168.60.11')));
  for (const name of ['a', 'b']) {
    run(create('Pod', NS, pod(name, 'n1', { app: 'web' })));
    run(podReady(NS, name, true));
  }
  run(create('Service', NS, service('web', { app: 'web' })));
});

describe('objects the endpoints controllers write, touched by someone else', () => {
  it('deleted Endpoints of a Service with a selector are written again in the same command', () => {
    const before = structuredClone(state.get('Endpoints', NS, 'web')) as Endpoints;
    const events = run(remove('Endpoints', NS, 'web'));
    expect(summary(events)).toEqual(['DELETED Endpoints web by tester', `ADDED Endpoints web by ${ENDPOINTS_CONTROLLER}`]);
    expect(events[1]!.cause).toBe(events[0]!.rv);
    const after = state.get('Endpoints', NS, 'web') as Endpoints;
    expect(after.subsets).toEqual(before.subsets);
  });

  it('an edit of those Endpoints stands until the Service next syncs (the controller watches deletes only)', () => {
    const current = state.get('Endpoints', NS, 'web') as Endpoints;
    const edited = { ...structuredClone(current), subsets: [{ addresses: [{ ip: '10.9.9.9' }], ports: [{ port: 1 }] }] };
    expect(summary(run(update('Endpoints', NS, 'web', edited)))).toEqual(['MODIFIED Endpoints web by tester']);
    expect(summary(run(podReady(NS, 'a', false)))).toContain(`MODIFIED Endpoints web by ${ENDPOINTS_CONTROLLER}`);
    expect(JSON.stringify(state.get('Endpoints', NS, 'web'))).not.toContain('10.9.9.9');
  });

  it('a deleted managed slice is written again; an edited one is put back', () => {
    const [slice] = slices();
    const original = structuredClone(slice!);
    const deleted = run(remove('EndpointSlice', NS, slice!.metadata.name!));
    expect(summary(deleted)).toEqual([`DELETED EndpointSlice ${slice!.metadata.name} by tester`, `ADDED EndpointSlice ${slice!.metadata.name} by ${ENDPOINTS_CONTROLLER}`]);
    expect(slices().map((s) => s.endpoints)).toEqual([original.endpoints]);

    const edited = { ...structuredClone(slices()[0]!), endpoints: [{ addresses: ['10.9.9.9'] }] } as KubeObject;
    const events = run(update('EndpointSlice', NS, slice!.metadata.name!, edited));
    expect(summary(events)).toEqual([`MODIFIED EndpointSlice ${slice!.metadata.name} by tester`, `MODIFIED EndpointSlice ${slice!.metadata.name} by ${ENDPOINTS_CONTROLLER}`]);
    expect(slices().map((s) => s.endpoints)).toEqual([original.endpoints]);
  });

  it('a slice no controller manages is the user\'s: deleting or editing it derives nothing', () => {
    const own = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'mine', labels: { 'kubernetes.io/service-name': 'web' } }, addressType: 'IPv4', endpoints: [] } as KubeObject;
    expect(summary(run(create('EndpointSlice', NS, own)))).toEqual(['ADDED EndpointSlice mine by tester']);
    expect(summary(run(remove('EndpointSlice', NS, 'mine')))).toEqual(['DELETED EndpointSlice mine by tester']);
  });
});

describe('namespace deletion', () => {
  const CONTROLLER = 'system:serviceaccount:kube-system:namespace-controller';

  it('turns the namespace Terminating, then the namespace controller deletes each object once, Services first, then the namespace', () => {
    const events = run(remove('Namespace', '', NS));
    const terminating = events[0]!;
    expect([terminating.type, terminating.kind, terminating.actor, (terminating.object as any).status.phase]).toEqual(['MODIFIED', 'Namespace', 'tester', 'Terminating']);
    expect(terminating.object.metadata.deletionTimestamp).toEqual(expect.any(String));
    const written = events.filter((e) => e.kind === 'Endpoints' || e.kind === 'EndpointSlice');
    expect(written.map((e) => e.type)).toEqual(['DELETED', 'DELETED']);
    // The Service goes first; its Endpoints and slice go with it, by the endpoints controllers.
    expect(summary(events).slice(1, 2)).toEqual([`DELETED Service web by ${CONTROLLER}`]);
    expect(events[1]!.cause).toBe(terminating.rv);
    expect(events.filter((e) => e.kind === 'Pod').map((e) => `${e.type} by ${e.actor}`)).toEqual([`DELETED by ${CONTROLLER}`, `DELETED by ${CONTROLLER}`]);
    const last = events[events.length - 1]!;
    expect([last.type, last.kind, last.actor]).toEqual(['DELETED', 'Namespace', CONTROLLER]);
    expect((last.object as any).spec?.finalizers).toBeUndefined();
    expect(events.filter((e) => e.kind === 'Namespace').length).toBe(2);
    for (const kind of ['Service', 'Pod', 'Endpoints', 'EndpointSlice'] as const) expect(state.list(kind, NS)).toEqual([]);
    expect(state.namespaces.has(NS)).toBe(false);
  });

  it('Endpoints no Service owns go too', () => {
    run(create('Endpoints', NS, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'orphan' }, subsets: [] } as KubeObject));
    const events = run(remove('Namespace', '', NS));
    expect(summary(events)).toContain(`DELETED Endpoints orphan by ${CONTROLLER}`);
    expect(state.list('Endpoints', NS)).toEqual([]);
  });

  it('a finalizer holds its object, and the namespace stays Terminating (creates refused) until the object goes', () => {
    const held = { ...structuredClone(state.get('Pod', NS, 'a')!), metadata: { ...structuredClone(state.get('Pod', NS, 'a')!.metadata), finalizers: ['example.com/hold'] } };
    run(update('Pod', NS, 'a', held));
    run(remove('Namespace', '', NS));
    expect((state.namespaces.get(NS) as any).status.phase).toBe('Terminating');
    expect(state.get('Pod', NS, 'a')!.metadata.deletionTimestamp).toEqual(expect.any(String));
    expect(() => run(create('Pod', NS, pod('late', 'n1', { app: 'web' })))).toThrow(`pods "late" is forbidden: unable to create new content in namespace ${NS} because it is being terminated`);
    // Admission comes first: a name that exists is 403 too, with the cause controllers look for.
    try {
      run(create('Pod', NS, pod('a', 'n1', { app: 'web' })));
    } catch (e) {
      expect((e as StatusError).status).toMatchObject({ code: 403, details: { causes: [{ reason: 'NamespaceTerminating', message: `namespace ${NS} is being terminated`, field: 'metadata.namespace' }] } });
    }
    // An update of the terminating namespace neither deletes it nor lets its objects outlive it.
    const ns = structuredClone(state.namespaces.get(NS)!);
    ns.metadata.labels = { ...ns.metadata.labels, touched: 'yes' };
    expect(summary(run(update('Namespace', '', NS, ns)))).toEqual([`MODIFIED Namespace ${NS} by tester`]);
    expect(state.namespaces.has(NS)).toBe(true);
    // Deleting it again changes nothing.
    expect(run(remove('Namespace', '', NS))).toEqual([]);

    const current = structuredClone(state.get('Pod', NS, 'a')!);
    current.metadata.finalizers = [];
    const events = run(update('Pod', NS, 'a', current));
    expect(summary(events)).toEqual(['DELETED Pod a by tester', `DELETED Namespace ${NS} by ${CONTROLLER}`]);
    expect(state.namespaces.has(NS)).toBe(false);
  });

  it('objects already marked for deletion still hold the namespace (nothing left to delete is not empty)', () => {
    const held = structuredClone(state.get('Service', NS, 'web')!);
    held.metadata.finalizers = ['example.com/hold'];
    run(update('Service', NS, 'web', held));
    run(remove('Service', NS, 'web'));
    expect(state.get('Service', NS, 'web')!.metadata.deletionTimestamp).toEqual(expect.any(String));
    for (const name of ['a', 'b']) run(remove('Pod', NS, name, 0));
    run(remove('Namespace', '', NS));
    expect((state.namespaces.get(NS) as any)?.status.phase).toBe('Terminating');
  });

  it('a namespace with finalizers of its own is finalized by the controller, then deleted by the update that takes the last off', () => {
    const ns = structuredClone(state.namespaces.get(NS)!);
    ns.metadata.finalizers = ['example.com/audit'];
    run(update('Namespace', '', NS, ns));
    const events = run(remove('Namespace', '', NS));
    const last = events[events.length - 1]!;
    expect([last.type, last.kind, last.actor]).toEqual(['MODIFIED', 'Namespace', CONTROLLER]);
    expect((last.object as any).spec?.finalizers).toBeUndefined();
    expect(state.list('Pod', NS)).toEqual([]);
    const done = structuredClone(state.namespaces.get(NS)!);
    done.metadata.finalizers = [];
    expect(summary(run(update('Namespace', '', NS, done)))).toEqual([`DELETED Namespace ${NS} by tester`]);
  });

  it('a create never starts out deleted (BeforeCreate drops deletionTimestamp and its grace period)', () => {
    const made = run(create('Namespace', '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ghost', deletionTimestamp: '2030-01-01T00:00:00Z', deletionGracePeriodSeconds: 0 } } as KubeObject));
    expect(made[0]!.object.metadata).not.toHaveProperty('deletionTimestamp');
    expect(made[0]!.object.metadata).not.toHaveProperty('deletionGracePeriodSeconds');
    expect(summary(run(remove('Namespace', '', 'ghost'))).at(-1)).toBe(`DELETED Namespace ghost by ${CONTROLLER}`);
  });
});

describe('a managed slice moved to another Service, or no longer managed', () => {
  it('is the user\'s from then on; its first Service gets a new slice under another name', () => {
    const [slice] = slices();
    const name = slice!.metadata.name!;
    const unmanaged = structuredClone(slice!);
    unmanaged.metadata.labels = { 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'someone-else' };
    const events = run(update('EndpointSlice', NS, name, unmanaged as KubeObject));
    expect(summary(events)).toEqual([`MODIFIED EndpointSlice ${name} by tester`, expect.stringMatching(new RegExp(`^ADDED EndpointSlice web-\\w{5} by ${ENDPOINTS_CONTROLLER}$`))]);
    const fresh = events[1]!.name;
    expect(fresh).not.toBe(name);
    expect(state.get('EndpointSlice', NS, name)!.metadata.labels).toMatchObject({ 'endpointslice.kubernetes.io/managed-by': 'someone-else' });
    expect((state.get('EndpointSlice', NS, fresh) as EndpointSlice).endpoints).toEqual(slice!.endpoints);
  });

  it('keeps the substitute\'s name when the name it could not have comes free again (no delete and add)', () => {
    const [slice] = slices();
    const name = slice!.metadata.name!;
    const unmanaged = structuredClone(slice!);
    unmanaged.metadata.labels = { 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'someone-else' };
    const substitute = run(update('EndpointSlice', NS, name, unmanaged as KubeObject))[1]!.name;
    run(remove('EndpointSlice', NS, name));
    const events = run(podReady(NS, 'a', false));
    expect(summary(events.filter((e) => e.kind === 'EndpointSlice'))).toEqual([`MODIFIED EndpointSlice ${substitute} by ${ENDPOINTS_CONTROLLER}`]);
    expect(slices().map((s) => s.metadata.name)).toEqual([substitute]);
  });
});
