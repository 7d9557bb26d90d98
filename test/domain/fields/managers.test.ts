// Field ownership as kube-apiserver's field manager keeps it (structured-merge-diff's Updater):
// given an object and its managers, when a manager updates or applies, then who owns what.

import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../domain/errors.js';
import { managedFieldsAfterUpdate, serverSideApply, type ManagedFieldsEntry } from '../../../domain/fields/managers.js';
import { FieldSet, pathString } from '../../../domain/fields/set.js';
import type { KubeObject } from '../../../domain/objects.js';

const T1 = '2025-01-01T00:00:00Z';
const T2 = '2025-01-02T00:00:00Z';

const svc = (spec: Record<string, unknown>, labels?: Record<string, string>): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', ...(labels ? { labels } : {}) },
  spec,
});
const apply = (live: KubeObject | undefined, config: Record<string, unknown>, manager: string, force = false, time = T1) =>
  serverSideApply('Service', live, config, { manager, time, force });
const owners = (obj: KubeObject) => (obj.metadata.managedFields as ManagedFieldsEntry[]).map((e) => [e.manager, e.operation, e.fieldsV1]);

describe('update: the writer owns what it added or changed', () => {
  it('a create owns every field it set (a new map is itself a member), not identity or status', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', uid: 'u', labels: { app: 'web' } },
      spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] }], restartPolicy: 'Always' },
      status: { phase: 'Pending' },
    } as KubeObject;
    const entries = managedFieldsAfterUpdate('Pod', undefined, pod, { manager: 'kubectl-create', time: T1 });
    expect(entries).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: T1,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': {
            'f:containers': {
              'k:{"name":"c"}': {
                '.': {},
                'f:image': {},
                'f:name': {},
                'f:ports': { '.': {}, 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } },
              },
            },
            'f:restartPolicy': {},
          },
        },
      },
    ]);
  });

  it('changing a field takes it from its owner; an owner left with nothing is dropped; no change keeps the time', () => {
    const created = { ...svc({ type: 'ClusterIP' }, { a: '1' }) } as KubeObject;
    created.metadata.managedFields = managedFieldsAfterUpdate('Service', undefined, created, { manager: 'kubectl-create', time: T1 });
    const relabelled = structuredClone(created);
    relabelled.metadata.labels = { a: '2' };
    const entries = managedFieldsAfterUpdate('Service', created, relabelled, { manager: 'kubectl-label', time: T2 });
    expect(entries.map((e) => [e.manager, e.time, e.fieldsV1])).toEqual([
      ['kubectl-create', T1, { 'f:metadata': { 'f:labels': {} }, 'f:spec': { 'f:type': {} } }],
      ['kubectl-label', T2, { 'f:metadata': { 'f:labels': { 'f:a': {} } } }],
    ]);
    relabelled.metadata.managedFields = entries;
    expect(managedFieldsAfterUpdate('Service', relabelled, structuredClone(relabelled), { manager: 'other', time: T2 })).toEqual(entries);
  });

  it('status writes are recorded for the status subresource and own only status', () => {
    const live = { ...svc({ type: 'LoadBalancer' }), status: { loadBalancer: {} } } as KubeObject;
    live.metadata.managedFields = managedFieldsAfterUpdate('Service', undefined, live, { manager: 'kubectl-create', time: T1 });
    const next = { ...structuredClone(live), status: { loadBalancer: { ingress: [{ ip: '192.0.2.1' }] } } } as KubeObject;
    const entry = managedFieldsAfterUpdate('Service', live, next, { manager: 'cloud', time: T1, subresource: 'status' }).find((e) => e.manager === 'cloud');
    expect(entry).toMatchObject({ manager: 'cloud', subresource: 'status', fieldsV1: { 'f:status': { 'f:loadBalancer': { 'f:ingress': {} } } } });
  });
});

describe('apply: the applier owns its configuration', () => {
  it('fields it stopped applying go, with structs they leave empty, unless another manager owns them', () => {
    const v1 = svc({ ports: [{ port: 80 }, { port: 443 }], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }, { a: '1', b: '2' });
    const first = apply(undefined, v1, 'ci');
    const v2 = svc({ ports: [{ port: 80 }] }, { a: '1' });
    const second = apply(first, v2, 'ci') as any;
    expect(second.metadata.labels).toEqual({ a: '1' });
    expect(second.spec).toEqual({ ports: [{ port: 80 }] });
    // Another applier co-owning b (same value) keeps it when ci stops applying it.
    const shared = apply(apply(first, svc({}, { b: '2' }), 'ops'), v2, 'ci') as any;
    expect(shared.metadata.labels).toEqual({ a: '1', b: '2' });
  });

  it('applying the value another manager set is shared ownership, not a conflict', () => {
    const first = apply(undefined, svc({ type: 'NodePort' }), 'ci');
    const both = apply(first, svc({ type: 'NodePort' }), 'ops');
    expect(owners(both).map(([m]) => m)).toEqual(['ci', 'ops']);
  });

  it('changing a field another manager owns is a 409 naming each field; force takes them over', () => {
    const first = apply(undefined, svc({ type: 'NodePort', externalTrafficPolicy: 'Cluster' }, { a: '1' }), 'ci');
    const labelled = structuredClone(first);
    labelled.metadata.labels = { a: '2' };
    labelled.metadata.managedFields = managedFieldsAfterUpdate('Service', first, labelled, { manager: 'kubectl-label', time: T2 });
    const wanted = svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' }, { a: '3' });
    let err: StatusError | undefined;
    try {
      apply(labelled, wanted, 'ops');
    } catch (e) {
      err = e as StatusError;
    }
    expect(err?.status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Apply failed with 3 conflicts: conflicts with "ci":\n- .spec.externalTrafficPolicy\n- .spec.type\nconflicts with "kubectl-label" using v1:\n- .metadata.labels.a',
      details: {
        causes: [
          { reason: 'FieldManagerConflict', message: 'conflict with "ci"', field: '.spec.externalTrafficPolicy' },
          { reason: 'FieldManagerConflict', message: 'conflict with "ci"', field: '.spec.type' },
          { reason: 'FieldManagerConflict', message: 'conflict with "kubectl-label" using v1', field: '.metadata.labels.a' },
        ],
      },
    });
    const forced = apply(labelled, wanted, 'ops', true, T2) as any;
    expect(forced.spec.type).toBe('LoadBalancer');
    expect(owners(forced).map(([m]) => m)).toEqual(['ops']);
  });

  it('keyed lists merge by their keys (protocol defaulting to TCP) and keep SMD order; sets merge by value', () => {
    const live = apply(undefined, svc({ ports: [{ port: 53, protocol: 'UDP' }, { port: 80 }] }), 'ci') as any;
    const out = apply(live, svc({ ports: [{ port: 8080 }, { port: 80, protocol: 'TCP', name: 'http' }] }), 'ops') as any;
    expect(out.spec.ports).toEqual([{ port: 53, protocol: 'UDP' }, { port: 8080 }, { port: 80, name: 'http', protocol: 'TCP' }]);
    const ns = serverSideApply('Namespace', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', finalizers: ['a'] } }, { manager: 'x', time: T1, force: false });
    expect((ns.metadata.managedFields as ManagedFieldsEntry[])[0]!.fieldsV1).toEqual({ 'f:metadata': { 'f:finalizers': { 'v:"a"': {} } } });
  });
});

describe('FieldSet', () => {
  it('reads back what it writes, "." marking a member with children', () => {
    const json = { 'f:metadata': { 'f:labels': { '.': {}, 'f:a': {} } }, 'f:spec': { 'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} } } } };
    const set = FieldSet.fromFieldsV1(json);
    expect(set.toFieldsV1()).toEqual(json);
    expect([...set.paths()].map(pathString)).toEqual(['.metadata.labels', '.metadata.labels.a', '.spec.ports[port=80,protocol="TCP"]', '.spec.ports[port=80,protocol="TCP"].port']);
  });
});

describe('capManagersManager', () => {
  it('keeps at most 10 Update entries: the oldest are merged into ancient-changes', () => {
    let obj = svc({}, {}) as KubeObject;
    obj.metadata.managedFields = managedFieldsAfterUpdate('Service', undefined, obj, { manager: 'm00', time: '2025-01-01T00:00:00Z' });
    for (let i = 1; i <= 11; i++) {
      const next = structuredClone(obj);
      next.metadata.labels = { ...next.metadata.labels, [`l${i}`]: 'x' };
      next.metadata.managedFields = managedFieldsAfterUpdate('Service', obj, next, { manager: `m${String(i).padStart(2, '0')}`, time: `2025-01-01T00:00:${String(i).padStart(2, '0')}Z` });
      obj = next;
    }
    const entries = obj.metadata.managedFields as ManagedFieldsEntry[];
    expect(entries).toHaveLength(10);
    expect(entries[0]).toMatchObject({ manager: 'ancient-changes', operation: 'Update', time: '2025-01-01T00:00:02Z' });
    // m00's empty labels map, m01's and m02's labels.
    expect(entries[0]!.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { '.': {}, 'f:l1': {}, 'f:l2': {} } } });
    expect(entries.slice(1).map((e) => e.manager)).toEqual(['m03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10', 'm11']);
  });
});

describe('what upstream checks and resets (found by a black-box audit)', () => {
  it('resetting with [] or [{}] leaves no managers, and updates do not track an object without any', () => {
    const created = svc({ type: 'ClusterIP' }, { a: '1' }) as KubeObject;
    created.metadata.managedFields = managedFieldsAfterUpdate('Service', undefined, created, { manager: 'kubectl-create', time: T1 });
    for (const reset of [[], [{}]]) {
      const next = { ...structuredClone(created), metadata: { ...created.metadata, managedFields: reset } } as KubeObject;
      expect(managedFieldsAfterUpdate('Service', created, next, { manager: 'x', time: T2 })).toEqual([]);
    }
    const untracked = { ...structuredClone(created), metadata: { ...created.metadata, managedFields: undefined, labels: { a: '2' } } } as KubeObject;
    expect(managedFieldsAfterUpdate('Service', { ...created, metadata: { ...created.metadata, managedFields: undefined } }, untracked, { manager: 'kubectl-label', time: T2 })).toEqual([]);
  });

  it('a request entry that is not one makes the live managers count, all of them', () => {
    const created = svc({ type: 'ClusterIP' }) as KubeObject;
    created.metadata.managedFields = managedFieldsAfterUpdate('Service', undefined, created, { manager: 'kubectl-create', time: T1 });
    const next = structuredClone(created);
    next.metadata.managedFields = [{ manager: 'solo', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: {} }, { manager: 'bad', operation: 'Bogus' }];
    expect(managedFieldsAfterUpdate('Service', created, next, { manager: 'x', time: T2 }).map((e) => e.manager)).toEqual(['kubectl-create']);
  });

  it('an apply owns no empty struct and no identity; a manager left with nothing has no entry; a nameless manager has no name', () => {
    const ns = serverSideApply('Namespace', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }, { manager: 'x', time: T1, force: false });
    expect(ns.metadata.managedFields).toBeUndefined();
    const pod = serverSideApply(
      'Pod',
      undefined,
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i', resources: {} }], securityContext: {} } },
      { manager: '', time: T1, force: false },
    );
    const [entry] = pod.metadata.managedFields as ManagedFieldsEntry[];
    expect(entry).not.toHaveProperty('manager');
    expect(entry!.fieldsV1).toEqual({ 'f:spec': { 'f:containers': { 'k:{"name":"c"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } });
  });

  it('keys order by value, numbers as numbers', () => {
    const out = apply(undefined, svc({ ports: [{ port: 443 }, { port: 80 }] }), 'ci');
    expect(Object.keys((owners(out)[0]![2] as any)['f:spec']['f:ports'])).toEqual(['k:{"port":80,"protocol":"TCP"}', 'k:{"port":443,"protocol":"TCP"}']);
  });
});

describe('shared FieldsV1 values', () => {
  it('two objects applied the same way share one FieldsV1 value, also after an apply that changes nothing', () => {
    const config = svc({ ports: [{ port: 80 }] }, { app: 'x' });
    const a = apply(apply(undefined, config, 'ci'), config, 'ci', false, T2);
    const b = apply(undefined, { ...svc({ ports: [{ port: 80 }] }, { app: 'y' }), metadata: { name: 'other', namespace: 'default', labels: { app: 'y' } } }, 'ci');
    expect((a.metadata.managedFields as ManagedFieldsEntry[])[0]!.fieldsV1).toBe((b.metadata.managedFields as ManagedFieldsEntry[])[0]!.fieldsV1);
  });
});

describe('a request\'s own entries', () => {
  const created = () => {
    const obj = svc({ type: 'ClusterIP' }) as KubeObject;
    obj.metadata.managedFields = managedFieldsAfterUpdate('Service', undefined, obj, { manager: 'kubectl-create', time: T1 });
    return obj;
  };
  const withEntries = (live: KubeObject, entries: unknown[]) => ({ ...structuredClone(live), metadata: { ...structuredClone(live.metadata), managedFields: entries } }) as KubeObject;
  const status = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as StatusError).status;
    }
    return undefined;
  };

  it('a manager name over 128 bytes is 422 at its entry (ValidateManagedFields)', () => {
    const live = created();
    const entry = (live.metadata.managedFields as ManagedFieldsEntry[])[0]!;
    expect(status(() => managedFieldsAfterUpdate('Service', live, withEntries(live, [{ ...entry, manager: 'x'.repeat(200) }]), { manager: 'x', time: T2 }))).toMatchObject({
      code: 422,
      message: 'Service "web" is invalid: metadata.managedFields[0].manager: Too long: may not be more than 128 bytes',
    });
  });
});
