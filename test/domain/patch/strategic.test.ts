import { describe, expect, it } from 'vitest';
import { PatchError, applyStrategicMergePatch } from '../../../domain/patch/index.js';
import { livePod, liveService } from './fixtures.js';

// The client-side apply bodies kubectl v1.32.4 sent (reference §1.5), verbatim.
const POD_APPLY_BODY = JSON.parse(`{"metadata":{"annotations":{},"labels":{"tier":null}},
 "spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"c"}],
         "containers":[{"image":"busybox","name":"side"},{"image":"nginx:1.27","name":"c"}]}}`);
const SERVICE_APPLY_BODY = JSON.parse(`{"metadata":{"annotations":{}},
 "spec":{"$setElementOrder/ports":[{"port":443}],
         "ports":[{"name":"https","port":443},{"$patch":"delete","port":80}],"selector":{"tier":null}}}`);

describe('strategic merge patch: kubectl client-side apply bodies', () => {
  it('Pod: deletes a label, merges containers by name and orders them by $setElementOrder', () => {
    const pod = livePod();
    const before = structuredClone(pod);
    const out = applyStrategicMergePatch(pod, POD_APPLY_BODY, 'Pod');
    const expected = livePod();
    expected.metadata.labels = { app: 'web' };
    expected.spec!.containers = [
      { image: 'busybox', name: 'side' },
      {
        name: 'c',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        env: [{ name: 'MODE', value: 'prod' }],
        imagePullPolicy: 'IfNotPresent',
      },
    ];
    expect(out).toStrictEqual(expected);
    expect(JSON.stringify(out.spec!.containers!.map((c) => c.name))).toBe('["side","c"]');
    expect(pod).toStrictEqual(before); // input untouched
  });

  it('Service: adds 443, deletes port 80 by merge key, drops a selector key', () => {
    const svc = liveService();
    const out = applyStrategicMergePatch(svc, SERVICE_APPLY_BODY, 'Service');
    const expected = liveService();
    expected.spec!.ports = [{ name: 'https', port: 443 }];
    expected.spec!.selector = { app: 'web' };
    expect(out).toStrictEqual(expected);
    expect(svc.spec!.ports).toHaveLength(1);
    expect(svc.spec!.ports![0]!.port).toBe(80);
  });
});

describe('strategic merge patch: semantics', () => {
  const smp = (target: object, patch: unknown, kind = 'Pod') => applyStrategicMergePatch(target, patch, kind) as any;

  it('merges env by name and volumeMounts by mountPath inside a container', () => {
    const out = smp(livePod(), {
      spec: { containers: [{ name: 'c', env: [{ name: 'DEBUG', value: '1' }, { name: 'MODE', value: 'dev' }] }] },
    });
    expect(out.spec.containers[0].env).toEqual([
      { name: 'DEBUG', value: '1' },
      { name: 'MODE', value: 'dev' },
    ]);
  });

  it('keeps server-only list items in their live position', () => {
    const pod = livePod();
    pod.spec!.containers = [{ name: 'a' }, { name: 'b', image: 'x' }, { name: 'c' }];
    const out = smp(pod, { spec: { containers: [{ name: 'c', image: 'new' }, { name: 'a', image: 'new' }] } });
    expect(out.spec.containers.map((c: { name: string }) => c.name)).toEqual(['b', 'c', 'a']);
  });

  it('$setElementOrder orders merged and server-only items together', () => {
    const pod = livePod();
    pod.spec!.containers = [{ name: 'a' }, { name: 'server' }, { name: 'b' }];
    const out = smp(pod, { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] } });
    // mergeSortedSlice: `server` (live index 1) sorts before `b` (live index 2).
    expect(out.spec.containers.map((c: { name: string }) => c.name)).toEqual(['server', 'b', 'a']);
  });

  it('$setElementOrder that contradicts the patch list is rejected', () => {
    expect(() =>
      smp(livePod(), { spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'x' }], containers: [{ name: 'x' }, { name: 'c' }] } }),
    ).toThrow(PatchError);
  });

  it('container ports merge by containerPort; a named protocol keeps TCP and UDP apart', () => {
    const pod = livePod();
    const out = smp(pod, { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, protocol: 'UDP' }] }] } });
    // As upstream, an element new to the list goes before the server-only ones.
    expect(out.spec.containers[0].ports).toEqual([
      { containerPort: 80, protocol: 'UDP' },
      { containerPort: 80, protocol: 'TCP' },
    ]);
    const merged = smp(pod, { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, name: 'http' }] }] } });
    expect(merged.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP', name: 'http' }]);
  });

  it('service ports: 53/UDP and 53/TCP stay two entries when the patch names protocols', () => {
    const svc = liveService();
    svc.spec!.ports = [{ name: 'dns', port: 53, protocol: 'UDP' }];
    const out = smp(svc, { spec: { ports: [{ name: 'dns-tcp', port: 53, protocol: 'TCP' }] } }, 'Service');
    expect(out.spec.ports).toEqual([
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'dns', port: 53, protocol: 'UDP' },
    ]);
  });

  it('service ports: a patch element deleting its protocol (null) names the element by port alone', () => {
    const svc = liveService();
    svc.spec!.ports = [{ port: 80, protocol: 'TCP', targetPort: 80 }];
    const out = smp(svc, { spec: { ports: [{ port: 80, protocol: null, targetPort: null }] } } as never, 'Service');
    expect(out.spec.ports).toEqual([{ port: 80 }]);
  });

  it('status conditions merge by type, podIPs by ip', () => {
    const out = smp(livePod(), { status: { conditions: [{ type: 'Ready', status: 'False', reason: 'X' }], podIPs: [{ ip: 'fd00::2' }] } });
    expect(out.status.conditions).toEqual([
      { type: 'Ready', status: 'False', reason: 'X' },
      { type: 'PodScheduled', status: 'True' },
    ]);
    expect(out.status.podIPs).toEqual([{ ip: 'fd00::2' }, { ip: '10.244.1.2' }]);
  });

  it('atomic lists (tolerations, Endpoints subsets, EndpointSlice endpoints) are replaced', () => {
    const out = smp(livePod(), { spec: { tolerations: [{ key: 'k', operator: 'Exists' }] } });
    expect(out.spec.tolerations).toEqual([{ key: 'k', operator: 'Exists' }]);
    const ep = { metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] };
    expect(smp(ep, { subsets: [{ addresses: [{ ip: '10.0.0.2' }] }] }, 'Endpoints').subsets).toEqual([{ addresses: [{ ip: '10.0.0.2' }] }]);
    const slice = { metadata: { name: 's' }, addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.1'] }] };
    expect(smp(slice, { endpoints: [{ addresses: ['10.0.0.9'] }] }, 'EndpointSlice').endpoints).toEqual([{ addresses: ['10.0.0.9'] }]);
  });

  it('node: addresses and conditions merge by type, podCIDRs as a set, taints atomic', () => {
    const node = {
      metadata: { name: 'n' },
      spec: { podCIDRs: ['10.244.1.0/24'], taints: [{ key: 'a', effect: 'NoSchedule' }] },
      status: {
        addresses: [
          { type: 'InternalIP', address: '192.168.1.10' },
          { type: 'Hostname', address: 'n' },
        ],
        conditions: [{ type: 'Ready', status: 'False' }],
      },
    };
    const out = smp(
      node,
      {
        spec: { podCIDRs: ['fd00:1::/64'], taints: [{ key: 'b', effect: 'NoExecute' }] },
        status: { addresses: [{ type: 'InternalIP', address: '192.168.1.11' }], conditions: [{ type: 'Ready', status: 'True' }] },
      },
      'Node',
    );
    expect(out.spec).toEqual({ podCIDRs: ['fd00:1::/64', '10.244.1.0/24'], taints: [{ key: 'b', effect: 'NoExecute' }] });
    expect(out.status.addresses).toEqual([
      { type: 'InternalIP', address: '192.168.1.11' },
      { type: 'Hostname', address: 'n' },
    ]);
    expect(out.status.conditions).toEqual([{ type: 'Ready', status: 'True' }]);
  });

  it('metadata: finalizers merge as a set, $deleteFromPrimitiveList removes, ownerReferences by uid', () => {
    const obj = {
      metadata: {
        name: 'x',
        finalizers: ['a', 'b'],
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'u1' }],
      },
    };
    const out = smp(obj, {
      metadata: {
        finalizers: ['c', 'a'],
        '$deleteFromPrimitiveList/finalizers': ['b'],
        ownerReferences: [{ uid: 'u1', controller: true }, { apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u2' }],
      },
    });
    expect(out.metadata.finalizers).toEqual(['c', 'a']);
    expect(out.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'u1', controller: true },
      { apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u2' },
    ]);
    expect(smp(obj, { metadata: { finalizers: ['z'] } }).metadata.finalizers).toEqual(['z', 'a', 'b']);
    expect(smp(obj, { metadata: { '$setElementOrder/finalizers': ['a', 'b', 'z'], finalizers: ['z'] } }).metadata.finalizers).toEqual([
      'a',
      'b',
      'z',
    ]);
  });

  it('$patch: replace on a list and on a map, $patch: delete on a map', () => {
    const out = smp(livePod(), { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'i' }] } });
    expect(out.spec.containers).toEqual([{ name: 'only', image: 'i' }]);
    const svc = smp(liveService(), { spec: { selector: { $patch: 'replace', run: 'x' } } }, 'Service');
    expect(svc.spec.selector).toEqual({ run: 'x' });
    const del = smp(liveService(), { spec: { selector: { $patch: 'delete' } } }, 'Service');
    expect(del.spec.selector).toEqual({});
  });

  it('$retainKeys clears fields of a volume not listed', () => {
    const pod = livePod();
    pod.spec!.volumes = [{ name: 'data', emptyDir: {} }];
    const out = smp(pod, { spec: { volumes: [{ name: 'data', hostPath: { path: '/d' }, $retainKeys: ['hostPath', 'name'] }] } });
    expect(out.spec.volumes).toEqual([{ name: 'data', hostPath: { path: '/d' } }]);
    expect(() => smp(pod, { spec: { volumes: [{ name: 'data', hostPath: { path: '/d' }, $retainKeys: ['name'] }] } })).toThrow(
      'invalid patch format of retainKeys',
    );
  });

  it('null deletes keys; nulls with nothing to delete are dropped', () => {
    const out = smp(livePod(), { spec: { nodeName: null, hostname: null, dnsConfig: { nameservers: ['1.1.1.1'], searches: null } } });
    expect(out.spec.nodeName).toBeUndefined();
    expect('hostname' in out.spec).toBe(false);
    expect(out.spec.dnsConfig).toEqual({ nameservers: ['1.1.1.1'] });
  });

  it('a new keyed list has its directives processed', () => {
    const pod = livePod();
    delete pod.spec!.initContainers;
    const out = smp(pod, { spec: { initContainers: [{ name: 'init', image: 'busybox' }, { name: 'gone', $patch: 'delete' }] } });
    expect(out.spec.initContainers).toEqual([{ name: 'init', image: 'busybox' }]);
  });

  it('errors', () => {
    expect(() => smp(livePod(), { spec: { containers: [{ image: 'x' }] } })).toThrow(
      'map: map[image:x] does not contain declared merge key: name',
    );
    expect(() => smp(livePod(), { spec: { containers: [{ name: 'c', $patch: 'merge' }] } })).toThrow(
      'merging lists cannot yet be specified in the patch',
    );
    expect(() => smp(livePod(), { spec: { $patch: 'bogus' } })).toThrow('unknown patch type: bogus in map: map[$patch:bogus]');
    expect(() => smp(livePod(), [1])).toThrow('json: cannot unmarshal array into Go value of type map[string]interface {}');
    let err: unknown;
    try {
      smp({ metadata: {} }, {}, 'Widget');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatchError);
    expect((err as PatchError).status.code).toBe(415);
  });
});
