// Given events / when command / then events or error — the domain without any I/O.

import { beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../domain/commands.js';
import { DEFAULT_CONFIG } from '../../domain/config.js';
import { StatusError } from '../../domain/errors.js';
import type { LogEvent } from '../../domain/events.js';
import { execute } from '../../domain/execute.js';
import { POD_GC } from '../../domain/podgc.js';
import type { Pod, Service } from '../../domain/objects.js';
import { ClusterState, evolve } from '../../domain/state.js';
import { create, ctx, node, pod, podReady, remove, service, update } from '../support/commands.js';

let state: ClusterState;
/** Every event since the test began, for replay. */
let log: LogEvent[];
const run = (cmd: Command): LogEvent[] => {
  const events = execute(state, cmd).events;
  log.push(...events);
  return events;
};
/** The event of the command's own object (creates in a new namespace come after its ADDED). */
const own = (events: LogEvent[], kind: string) => events.find((e) => e.kind === kind)!;
const fails = (cmd: Command): StatusError => {
  const rvBefore = state.rv;
  try {
    execute(state, cmd);
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    expect(state.rv).toBe(rvBefore); // nothing half-written
    return e as StatusError;
  }
  throw new Error('expected the command to fail');
};

beforeEach(() => {
  state = new ClusterState();
  log = [];
  run({ ...ctx('system:netledger'), op: 'configure', config: DEFAULT_CONFIG });
});

describe('allocation', () => {
  it('gives nodes the first free pod CIDR and pods the second address onwards', () => {
    const [n1] = run(create('Node', '', node('n1', '192.168.77.11')));
    const [n2] = run(create('Node', '', node('n2', '192.168.77.12')));
    expect((n1!.object as any).spec.podCIDRs).toEqual(['10.244.0.0/24']);
    expect((n2!.object as any).spec.podCIDR).toBe('10.244.1.0/24');
    const events = run(create('Pod', 'default', pod('a', 'n2', { app: 'x' })));
    expect(events.map((e) => `${e.type} ${e.kind} ${e.name}`)).toEqual(['ADDED Namespace default', 'ADDED Pod a']);
    expect((events[1]!.object as any).status).toMatchObject({ phase: 'Pending', podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }], hostIP: '192.168.77.12' });
    const [b] = run(create('Pod', 'default', pod('b', 'n2', { app: 'x' })));
    expect((b!.object as any).status.podIP).toBe('10.244.1.3');
  });

  it('hostNetwork pods get their node\'s InternalIPs, as the kubelet reports them, and take no pod-network address', () => {
    run(create('Node', '', node('n1', '192.168.77.11', { status: { addresses: [{ type: 'Hostname', address: 'n1' }, { type: 'InternalIP', address: '192.168.77.11' }, { type: 'InternalIP', address: 'fd00:77::11' }] } })));
    const host = (name: string) => ({ ...pod(name, 'n1', { app: 'host' }), spec: { ...(pod(name, 'n1', {}).spec as object), hostNetwork: true } });
    const [, a] = run(create('Pod', 'default', host('h1')));
    const [b] = run(create('Pod', 'default', host('h2')));
    for (const e of [a!, b!]) {
      expect((e.object as any).status).toMatchObject({
        podIP: '192.168.77.11', podIPs: [{ ip: '192.168.77.11' }, { ip: 'fd00:77::11' }],
        hostIP: '192.168.77.11', hostIPs: [{ ip: '192.168.77.11' }, { ip: 'fd00:77::11' }],
      });
    }
    expect(state.allocations.podIPs.size).toBe(0); // shared by both, held by neither
    const [c] = run(create('Pod', 'default', pod('c', 'n1', {})));
    expect((c!.object as any).status.podIP).toBe('10.244.0.2');
    run(create('Service', 'default', service('host', { app: 'host' })));
    run(podReady('default', 'h1', true));
    const ep = state.get('Endpoints', 'default', 'host') as any;
    expect(ep.subsets[0].addresses.map((x: any) => x.ip)).toEqual(['192.168.77.11']);
    run(remove('Pod', 'default', 'h1'));
    expect([...state.allocations.podIPs.keys()]).toEqual(['10.244.0.2']);
  });

  it('frees a pod IP on delete and reuses addresses only when the range wraps', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    run(create('Pod', 'default', pod('a', 'n1', {})));
    run(remove('Pod', 'default', 'a'));
    expect(state.allocations.podIPs.size).toBe(0);
  });

  it('allocates cluster IPs and node ports, and rejects taken ones with the field path', () => {
    const svc = own(run(create('Service', 'default', service('web', { app: 'web' }, { type: 'NodePort' }))), 'Service');
    const spec = (svc!.object as any).spec;
    expect(spec.clusterIPs).toHaveLength(1);
    expect(spec.ipFamilies).toEqual(['IPv4']);
    expect(spec.ipFamilyPolicy).toBe('SingleStack');
    // Above the static band the allocator keeps for ports chosen by hand (30000-30085 by default).
    expect(spec.ports[0].nodePort).toBe(30086);
    const taken = fails(create('Service', 'default', service('other', { app: 'o' }, { clusterIP: spec.clusterIP })));
    expect(taken.status.code).toBe(422);
    expect(taken.status.details?.causes?.[0]?.field).toMatch(/^spec\.clusterIPs/);
    const port = fails(create('Service', 'default', service('third', { app: 'o' }, { type: 'NodePort', ports: [{ port: 80, nodePort: spec.ports[0].nodePort }] })));
    expect(port.status.details?.causes?.[0]).toMatchObject({ field: 'spec.ports[0].nodePort', message: expect.stringContaining('provided port is already allocated') });
  });

  it('keeps allocated values across a PUT that leaves them out', () => {
    const svc = own(run(create('Service', 'default', service('web', { app: 'web' }, { type: 'NodePort' }))), 'Service');
    const ip = (svc!.object as any).spec.clusterIP;
    const nodePort = (svc!.object as any).spec.ports[0].nodePort;
    const [mod] = run(update('Service', 'default', 'web', service('web', { app: 'web2' }, { type: 'NodePort' })));
    expect((mod!.object as any).spec.clusterIP).toBe(ip);
    expect((mod!.object as any).spec.ports[0].nodePort).toBe(nodePort);
  });
});

describe('kube-apiserver write semantics', () => {
  it('409 AlreadyExists on a second create, 409 Conflict on a stale resourceVersion', () => {
    const svc = own(run(create('Service', 'default', service('web', { app: 'web' }))), 'Service');
    expect(fails(create('Service', 'default', service('web', { app: 'web' }))).status).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'services "web" already exists' });
    run(update('Service', 'default', 'web', { ...service('web', { app: 'v2' }), metadata: { name: 'web', resourceVersion: svc!.object.metadata.resourceVersion } }));
    const stale = fails(update('Service', 'default', 'web', { ...service('web', { app: 'v3' }), metadata: { name: 'web', resourceVersion: svc!.object.metadata.resourceVersion } }));
    expect(stale.status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('the last label or annotation removed leaves no empty map (omitempty)', () => {
    const svc = own(run(create('Service', 'default', { ...service('lab', { app: 'lab' }), metadata: { name: 'lab', labels: { a: '1' }, annotations: { b: '2' } } })), 'Service');
    const next = own(run({ ...ctx(), op: 'patch', kind: 'Service', namespace: 'default', name: 'lab', patchType: 'merge', patch: { metadata: { labels: { a: null }, annotations: { b: null } } } }), 'Service');
    expect(svc.object.metadata.labels).toEqual({ a: '1' });
    expect('labels' in next.object.metadata).toBe(false);
    expect('annotations' in next.object.metadata).toBe(false);
  });

  it('generateName: the prefix cut to 58 characters plus 5 of the apiserver\'s alphabet, at most 63 (SimpleNameGenerator)', () => {
    const long = 'a'.repeat(100);
    const made = own(run(create('Pod', 'default', { metadata: { generateName: long }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })), 'Pod');
    expect(made.name).toMatch(new RegExp(`^a{58}[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    const short = own(run(create('Pod', 'default', { metadata: { generateName: 'web-' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })), 'Pod');
    expect(short.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('an update cannot set a deletion timestamp or grace period on a live object, nor change them (field is immutable); leaving them out keeps them', () => {
    run(create('Pod', 'default', { metadata: { name: 'dt' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }));
    const set = fails({ ...ctx(), op: 'patch', kind: 'Pod', namespace: 'default', name: 'dt', patchType: 'merge', patch: { metadata: { deletionTimestamp: '2030-01-02T03:04:05Z', deletionGracePeriodSeconds: 5 } } });
    expect(set.status.details?.causes).toEqual([
      { reason: 'FieldValueInvalid', field: 'metadata.deletionTimestamp', message: 'Invalid value: 2030-01-02 03:04:05 +0000 UTC: field is immutable' },
      { reason: 'FieldValueInvalid', field: 'metadata.deletionGracePeriodSeconds', message: 'Invalid value: 5: field is immutable' },
    ]);
    // Marked for deletion (a finalizer holds it): a replace without the fields keeps them.
    run({ ...ctx(), op: 'patch', kind: 'Pod', namespace: 'default', name: 'dt', patchType: 'merge', patch: { metadata: { finalizers: ['example.com/x'] } } });
    run(remove('Pod', 'default', 'dt', 0));
    const marked = structuredClone(state.get('Pod', 'default', 'dt')!);
    const { deletionTimestamp, deletionGracePeriodSeconds } = marked.metadata;
    expect(deletionTimestamp).toEqual(expect.any(String));
    delete marked.metadata.deletionTimestamp;
    delete marked.metadata.deletionGracePeriodSeconds;
    marked.metadata.labels = { kept: 'yes' };
    run(update('Pod', 'default', 'dt', marked));
    expect(state.get('Pod', 'default', 'dt')!.metadata).toMatchObject({ deletionTimestamp, deletionGracePeriodSeconds, labels: { kept: 'yes' } });
    const changed = fails({ ...ctx(), op: 'patch', kind: 'Pod', namespace: 'default', name: 'dt', patchType: 'merge', patch: { metadata: { deletionGracePeriodSeconds: 9 } } });
    expect(changed.status.details?.causes?.map((c) => c.field)).toEqual(['metadata.deletionGracePeriodSeconds']);
  });

  it('node ports come from above the static band, round and round, before any static one (calculateRangeOffset)', () => {
    run({ ...ctx('system:netledger'), op: 'configure', config: { ...DEFAULT_CONFIG, nodePortRange: { min: 30000, max: 30031 } } });
    const ports: number[] = [];
    for (let i = 0; i < 40; i++) {
      const svc = own(run(create('Service', 'default', service(`np${i}`, { app: 'x' }, { type: 'NodePort' }))), 'Service');
      ports.push((svc.object as Service).spec!.ports![0]!.nodePort!);
      run(remove('Service', 'default', `np${i}`));
    }
    // 32 ports, a band of 16: the dynamic half wraps onto itself, never into 30000-30015.
    expect(Math.min(...ports)).toBe(30016);
    expect(ports.slice(0, 17)).toEqual([...Array.from({ length: 16 }, (_, i) => 30016 + i), 30016]);
    // With the dynamic half taken, the static band is used.
    for (let i = 0; i < 16; i++) run(create('Service', 'default', service(`keep${i}`, { app: 'x' }, { type: 'NodePort' })));
    const spill = own(run(create('Service', 'default', service('spill', { app: 'x' }, { type: 'NodePort' }))), 'Service');
    expect((spill.object as Service).spec!.ports![0]!.nodePort).toBe(30000);
  });

  it('an update that changes nothing writes nothing', () => {
    run(create('Service', 'default', service('web', { app: 'web' })));
    expect(run(update('Service', 'default', 'web', service('web', { app: 'web' })))).toEqual([]);
  });

  it('rejects invalid objects with Invalid and causes, and writes nothing', () => {
    const e = fails(create('Pod', 'default', { metadata: { name: 'Bad_Name' }, spec: { containers: [] } }));
    expect(e.status.code).toBe(422);
    expect(e.status.reason).toBe('Invalid');
    expect(e.status.details?.kind).toBe('Pod');
    expect(e.status.details?.causes?.map((c) => c.field)).toEqual(expect.arrayContaining(['metadata.name', 'spec.containers']));
    expect(state.namespaces.has('default')).toBe(false);
  });

  it('changing a Service type stores what was validated: fields of the old type are dropped, later updates pass', () => {
    run(create('Service', 'default', service('np', { app: 'np' }, { type: 'NodePort', ports: [{ port: 80 }] })));
    const np = state.get('Service', 'default', 'np') as Service;
    expect(np.spec).toMatchObject({ externalTrafficPolicy: 'Cluster', ports: [{ nodePort: expect.any(Number) }] });
    // The type alone changed (as `kubectl patch -p '{"spec":{"type":"ClusterIP"}}'` leaves it).
    const asClusterIP = structuredClone(np);
    asClusterIP.spec!.type = 'ClusterIP';
    run(update('Service', 'default', 'np', asClusterIP));
    const stored = state.get('Service', 'default', 'np') as Service;
    expect(stored.spec!.externalTrafficPolicy).toBeUndefined();
    expect(stored.spec!.ports![0]!.nodePort).toBeUndefined();
    // A later update of the ClusterIP Service (kubectl label) is not refused for the old fields.
    const labelled = structuredClone(stored);
    labelled.metadata.labels = { x: 'y' };
    expect(run(update('Service', 'default', 'np', labelled))[0]).toMatchObject({ kind: 'Service', type: 'MODIFIED' });

    run(create('Service', 'default', service('lb', { app: 'lb' }, { type: 'LoadBalancer', ports: [{ port: 80 }] })));
    const lb = structuredClone(state.get('Service', 'default', 'lb') as Service);
    expect(lb.spec!.allocateLoadBalancerNodePorts).toBe(true);
    lb.spec!.type = 'ClusterIP';
    run(update('Service', 'default', 'lb', lb));
    expect((state.get('Service', 'default', 'lb') as Service).spec).not.toHaveProperty('allocateLoadBalancerNodePorts');
  });

  it('a headless Service without a selector defaults to RequireDualStack with both families, even single-stack (initIPFamilyFields)', () => {
    const spec = (name: string) => (state.get('Service', 'default', name) as Service).spec!;
    run(create('Service', 'default', service('bare', undefined, { clusterIP: 'None', ports: [{ port: 80 }] })));
    expect(spec('bare')).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] });
    run(create('Service', 'default', service('single', undefined, { clusterIP: 'None', ipFamilyPolicy: 'SingleStack', ports: [{ port: 80 }] })));
    expect(spec('single')).toMatchObject({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    run(create('Service', 'default', service('selected', { app: 'x' }, { clusterIP: 'None', ports: [{ port: 80 }] })));
    expect(spec('selected')).toMatchObject({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
  });

  it('a load-balancer ingress IP written without ipMode is a VIP (LoadBalancerIPMode default)', () => {
    run(create('Service', 'default', service('lb', { app: 'lb' }, { type: 'LoadBalancer', ports: [{ port: 80 }] })));
    const lb = structuredClone(state.get('Service', 'default', 'lb') as Service);
    lb.status = { loadBalancer: { ingress: [{ ip: '192.0.2.10' }, { hostname: 'lb.example.com' }, { ip: '192.0.2.11', ipMode: 'Proxy' }] } };
    run(update('Service', 'default', 'lb', lb, 'status'));
    expect((state.get('Service', 'default', 'lb') as Service).status!.loadBalancer!.ingress).toEqual([
      { ip: '192.0.2.10', ipMode: 'VIP' },
      { hostname: 'lb.example.com' },
      { ip: '192.0.2.11', ipMode: 'Proxy' },
    ]);
  });

  it('pods get the default admission plugins: 300 s not-ready/unreachable tolerations, priority 0 (or their class)', () => {
    const tol = (key: string) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    run(create('Pod', 'default', pod('plain', 'n1', {})));
    const plain = state.get('Pod', 'default', 'plain') as Pod;
    expect(plain.spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority', tolerations: [tol('node.kubernetes.io/not-ready'), tol('node.kubernetes.io/unreachable')] });
    // A toleration of its own for one taint keeps it; one with no key tolerates both.
    const own = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 };
    run(create('Pod', 'default', { ...pod('fast', 'n1', {}), spec: { ...pod('fast', 'n1', {}).spec, tolerations: [own] } }));
    expect((state.get('Pod', 'default', 'fast') as Pod).spec!.tolerations).toEqual([own, tol('node.kubernetes.io/unreachable')]);
    run(create('Pod', 'default', { ...pod('all', 'n1', {}), spec: { ...pod('all', 'n1', {}).spec, tolerations: [{ operator: 'Exists' }] } }));
    expect((state.get('Pod', 'default', 'all') as Pod).spec!.tolerations).toEqual([{ operator: 'Exists' }]);
    run(create('Pod', 'kube-system', { ...pod('critical', 'n1', {}), spec: { ...pod('critical', 'n1', {}).spec, priorityClassName: 'system-node-critical' } }));
    expect((state.get('Pod', 'kube-system', 'critical') as Pod).spec!.priority).toBe(2000001000);
    expect(fails(create('Pod', 'default', { ...pod('x', 'n1', {}), spec: { ...pod('x', 'n1', {}).spec, priorityClassName: 'gold' } })).status).toMatchObject({ code: 403, message: 'pods "x" is forbidden: no PriorityClass with name gold was found' });
    expect(fails(create('Pod', 'default', { ...pod('y', 'n1', {}), spec: { ...pod('y', 'n1', {}).spec, priority: 5 } })).status.code).toBe(403);
    // A replace that leaves them out keeps them (and the tolerations are the same, so allowed).
    const replace = structuredClone(plain);
    delete (replace.spec as { priority?: number }).priority;
    delete (replace.spec as { tolerations?: unknown }).tolerations;
    replace.metadata.labels = { edited: 'yes' };
    run(update('Pod', 'default', 'plain', replace));
    expect((state.get('Pod', 'default', 'plain') as Pod).spec).toMatchObject({ priority: 0, tolerations: plain.spec!.tolerations });
  });

  it('default, kube-system and kube-public may not be deleted (NamespaceLifecycle), others may', () => {
    run(create('Pod', 'default', pod('p', 'n1', {})));
    for (const ns of ['default', 'kube-system', 'kube-public']) {
      if (!state.namespaces.has(ns)) run(create('Namespace', '', { metadata: { name: ns } }));
      expect(fails(remove('Namespace', '', ns)).status).toMatchObject({
        code: 403,
        reason: 'Forbidden',
        message: `namespaces "${ns}" is forbidden: this namespace may not be deleted`,
        details: { name: ns, kind: 'namespaces' },
      });
    }
    expect(state.get('Pod', 'default', 'p')).toBeDefined();
    run(create('Namespace', '', { metadata: { name: 'scratch' } }));
    expect(run(remove('Namespace', '', 'scratch')).at(-1)).toMatchObject({ kind: 'Namespace', type: 'DELETED' });
  });

  it('PUT to a missing pod is 404, to a missing service creates it', () => {
    expect(fails(update('Pod', 'default', 'nope', pod('nope', 'n1', {}))).status).toMatchObject({ code: 404, message: 'pods "nope" not found' });
    expect(run(update('Service', 'default', 'web', service('web', { app: 'web' }))).at(-1)!.type).toBe('ADDED');
  });

  it('graceful pod deletion marks the pod, the finalizer removes it', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    run(create('Pod', 'default', pod('a', 'n1', {})));
    const [marked] = run(remove('Pod', 'default', 'a', 30));
    expect(marked!.type).toBe('MODIFIED');
    expect(marked!.object.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(state.pods.get('default/a')?.metadata.deletionTimestamp).toBeDefined();
    const uid = marked!.object.metadata.uid!;
    const [gone] = run({ ...ctx('system:pod-terminator'), op: 'finalizeDelete', kind: 'Pod', namespace: 'default', name: 'a', uid });
    expect(gone!.type).toBe('DELETED');
    expect(state.pods.has('default/a')).toBe(false);
  });
});

describe('deleting a pod that is already being deleted (BeforeDelete)', () => {
  const marked = () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    run(create('Pod', 'default', pod('a', 'n1', {})));
    return run(remove('Pod', 'default', 'a', 30))[0]!.object.metadata;
  };

  it('without a grace period, or with one no shorter, the deletion stays pending: nothing changes', () => {
    marked();
    expect(run({ ...remove('Pod', 'default', 'a'), options: {} })).toEqual([]);
    expect(run(remove('Pod', 'default', 'a', 45))).toEqual([]);
    expect(state.pods.get('default/a')?.metadata.deletionGracePeriodSeconds).toBe(30);
  });

  it('a shorter grace period moves the deadline earlier; zero deletes it now', () => {
    const first = marked();
    const [shorter] = run(remove('Pod', 'default', 'a', 10));
    expect(shorter!.type).toBe('MODIFIED');
    expect(shorter!.object.metadata.deletionGracePeriodSeconds).toBe(10);
    expect(Date.parse(first.deletionTimestamp!) - Date.parse(shorter!.object.metadata.deletionTimestamp!)).toBe(20_000);
    expect(run(remove('Pod', 'default', 'a', 0)).map((e) => e.type)).toEqual(['DELETED']);
  });
});

describe('what kube-apiserver fills in and decides on its own (defaults, strategies)', () => {
  const withResources = (name: string, resources: object[], extra: Record<string, unknown> = {}) => {
    const p = pod(name, 'n1', {}) as any;
    p.spec.containers = resources.map((r, i) => ({ name: `c${i}`, image: 'nginx:1.27', resources: r }));
    Object.assign(p.spec, extra);
    return p;
  };
  const created = (obj: any, kind = 'Pod') => own(run(create(kind as any, kind === 'Node' || kind === 'Namespace' ? '' : 'default', obj)), kind).object as any;

  it('pods get their QoS class (ComputePodQOS), requests defaulted from limits first', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    const both = { cpu: '500m', memory: '1Gi' };
    expect(created(withResources('be', [{}])).status.qosClass).toBe('BestEffort');
    // Limits alone: requests default to them (SetDefaults_Pod), so requests == limits.
    const limitsOnly = created(withResources('g1', [{ limits: both }]));
    expect(limitsOnly.spec.containers[0].resources.requests).toEqual(both);
    expect(limitsOnly.status.qosClass).toBe('Guaranteed');
    // Equal in value, written differently: still equal quantities.
    expect(created(withResources('g2', [{ limits: { cpu: '0.5', memory: '1073741824' }, requests: both }])).status.qosClass).toBe('Guaranteed');
    expect(created(withResources('b1', [{ requests: { cpu: '100m' } }])).status.qosClass).toBe('Burstable');
    expect(created(withResources('b2', [{ limits: both, requests: { cpu: '250m' } }])).status.qosClass).toBe('Burstable');
    // Every container must limit both cpu and memory.
    expect(created(withResources('b3', [{ limits: both }, { limits: { cpu: '1' } }])).status.qosClass).toBe('Burstable');
    // Only cpu and memory count.
    expect(created(withResources('be2', [{ limits: { 'ephemeral-storage': '1Gi' } }])).status.qosClass).toBe('BestEffort');
  });

  it('probes, volumes, field references and host-network ports get their defaults', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    const p = pod('probed', 'n1', {}) as any;
    p.spec.hostNetwork = true;
    p.spec.containers[0].livenessProbe = { httpGet: { port: 8080 } };
    p.spec.containers[0].readinessProbe = { tcpSocket: { port: 8080 }, periodSeconds: 5 };
    p.spec.containers[0].env = [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }];
    p.spec.volumes = [{ name: 'cfg', configMap: { name: 'c' } }, { name: 'tok', secret: { secretName: 's' } }, { name: 'host', hostPath: { path: '/var/log' } }, { name: 'scratch' }];
    const got = created(p);
    const c = got.spec.containers[0];
    expect(c.livenessProbe).toEqual({ httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe).toMatchObject({ periodSeconds: 5, timeoutSeconds: 1 });
    expect(c.env[0].valueFrom.fieldRef).toEqual({ fieldPath: 'spec.nodeName', apiVersion: 'v1' });
    expect(c.ports[0].hostPort).toBe(8080);
    expect(got.spec.volumes).toEqual([
      { name: 'cfg', configMap: { name: 'c', defaultMode: 420 } },
      { name: 'tok', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'host', hostPath: { path: '/var/log', type: '' } },
      { name: 'scratch', emptyDir: {} },
    ]);
  });

  it('a node\'s allocatable defaults to its capacity', () => {
    const n = node('n1', '192.168.77.11') as any;
    n.status.capacity = { cpu: '4', memory: '16Gi', pods: '110' };
    expect(created(n, 'Node').status.allocatable).toEqual({ cpu: '4', memory: '16Gi', pods: '110' });
  });

  it('every Service gets an affinity, and None drops its config instead of failing validation', () => {
    const ext = created(service('ext', undefined, { type: 'ExternalName', externalName: 'example.com', ports: [] }), 'Service');
    expect(ext.spec.sessionAffinity).toBe('None');
    run(create('Service', 'default', service('web', { app: 'web' }, { sessionAffinity: 'ClientIP' })));
    const back = own(run(update('Service', 'default', 'web', { ...(state.get('Service', 'default', 'web') as any), spec: { ...(state.get('Service', 'default', 'web') as any).spec, sessionAffinity: 'None' } })), 'Service').object as any;
    expect(back.spec.sessionAffinity).toBe('None');
    expect(back.spec.sessionAffinityConfig).toBeUndefined();
    // External IPs make a ClusterIP Service externally accessible: it gets a traffic policy.
    expect(created(service('eip', { app: 'web' }, { externalIPs: ['203.0.113.7'] }), 'Service').spec.externalTrafficPolicy).toBe('Cluster');
  });

  it('a namespace always gets the kubernetes finalizer on create, even with a spec of its own', () => {
    expect(created({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' }, spec: {} }, 'Namespace').spec.finalizers).toEqual(['kubernetes']);
    expect(created({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-b' }, spec: { finalizers: ['example.com/x'] } }, 'Namespace').spec.finalizers).toEqual(['example.com/x', 'kubernetes']);
  });

  it('an update of a namespace keeps its finalizers (namespaceStrategy.PrepareForUpdate), while its labels change', () => {
    run(create('Namespace', '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-c' } }));
    const live = state.get('Namespace', '', 'team-c') as any;
    const next = own(run(update('Namespace', '', 'team-c', { ...live, metadata: { ...live.metadata, labels: { a: 'b' } }, spec: { finalizers: [] } })), 'Namespace').object as any;
    expect([next.spec.finalizers, next.metadata.labels.a]).toEqual([['kubernetes'], 'b']);
    const patched = run({ ...ctx(), op: 'patch', kind: 'Namespace', namespace: '', name: 'team-c', patchType: 'merge', patch: { spec: { finalizers: null } } });
    expect(patched).toEqual([]); // nothing changed: a no-op writes nothing
    expect((state.get('Namespace', '', 'team-c') as any).spec.finalizers).toEqual(['kubernetes']);
  });

  it('a patch that renames the object is a BadRequest naming both names (checkName)', () => {
    run(create('Service', 'default', service('web', { app: 'web' })));
    const renamed = fails({ ...ctx(), op: 'patch', kind: 'Service', namespace: 'default', name: 'web', patchType: 'merge', patch: { metadata: { name: 'zz' } } });
    expect(renamed.status).toMatchObject({ code: 400, reason: 'BadRequest', message: 'the name of the object (zz) does not match the name on the URL (web)' });
  });

  it('managedFields times a request carries are metav1.Time: UTC whole seconds, and anything but RFC 3339 fails the body (400)', () => {
    run({ ...create('Service', 'default', service('web', { app: 'web' })), fieldManager: 'kubectl-create' } as Command);
    const withTime = (time: string) => {
      const live = structuredClone(state.get('Service', 'default', 'web')!);
      (live.metadata.managedFields as any[])[0].time = time;
      return { ...update('Service', 'default', 'web', live), fieldManager: 'x' } as Command;
    };
    const [moved] = run(withTime('2025-01-01T02:00:00.123+02:00'));
    expect((moved!.object.metadata.managedFields as any[]).find((e) => e.manager === 'kubectl-create').time).toBe('2025-01-01T00:00:00Z');
    expect(fails(withTime('garbage')).status).toMatchObject({
      code: 400,
      message: 'Service in version "v1" cannot be handled as a Service: parsing time "garbage" as "2006-01-02T15:04:05Z07:00": cannot parse "garbage" as "2006"',
    });
  });

  it('server-side apply records its field manager in managedFields (created and updated)', () => {
    const apply = (labels: Record<string, string>): Command => ({
      ...ctx(),
      op: 'patch',
      kind: 'Service',
      namespace: 'default',
      name: 'ssa',
      patchType: 'apply',
      patch: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ssa', labels }, spec: { ports: [{ port: 80 }] } },
      fieldManager: 'kubectl',
    });
    const first = own(run(apply({ team: 'a' })), 'Service').object as any;
    expect(first.metadata.managedFields).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'v1',
        time: expect.any(String),
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { 'f:team': {} } }, 'f:spec': { 'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} } } } },
      },
    ]);
    const again = own(run(apply({ team: 'b' })), 'Service').object as any;
    expect(again.metadata.labels.team).toBe('b');
    expect(again.metadata.managedFields).toHaveLength(1);
  });

  it('an unscheduled or finished pod is deleted at once, whatever grace period is asked (CheckGracefulDelete)', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    const unscheduled = pod('u', 'n1', {}) as any;
    delete unscheduled.spec.nodeName;
    run(create('Pod', 'default', unscheduled));
    expect(run(remove('Pod', 'default', 'u', 30)).map((e) => e.type)).toEqual(['DELETED']);
    run(create('Pod', 'default', pod('done', 'n1', {})));
    run(update('Pod', 'default', 'done', { metadata: {}, status: { phase: 'Succeeded' } } as any, 'status'));
    expect(run(remove('Pod', 'default', 'done', 30)).map((e) => e.type)).toEqual(['DELETED']);
  });
});

describe('finalizers hold a deletion (metadata.finalizers)', () => {
  const withFinalizers = (obj: any, finalizers: string[]) => ({ ...obj, metadata: { ...obj.metadata, finalizers } });
  const without = (kind: string, ns: string, name: string) => {
    const current = structuredClone(state.get(kind as any, ns, name)) as any;
    current.metadata.finalizers = [];
    return update(kind as any, ns, name, current);
  };

  it('a delete marks the object; it stays until the last finalizer is taken off, then that update deletes it', () => {
    const svc = own(run(create('Service', 'default', withFinalizers(service('lb', { app: 'web' }, { type: 'LoadBalancer' }), ['service.kubernetes.io/load-balancer-cleanup']))), 'Service');
    const ip = (svc.object as any).spec.clusterIP;
    expect(ip).toMatch(/^10\./);
    const marked = run(remove('Service', 'default', 'lb'));
    expect(marked.map((e) => e.type)).toEqual(['MODIFIED']);
    expect(marked[0]!.object.metadata).toMatchObject({ deletionTimestamp: expect.any(String), deletionGracePeriodSeconds: 0 });
    expect(state.get('Service', 'default', 'lb')).toBeDefined();
    expect(run(remove('Service', 'default', 'lb'))).toEqual([]); // marked once
    // No new finalizers on an object being deleted.
    const more = structuredClone(state.get('Service', 'default', 'lb')) as any;
    more.metadata.finalizers.push('example.com/x');
    expect(fails(update('Service', 'default', 'lb', more)).status.message).toContain('no new finalizers can be added if the object is being deleted');
    const [gone] = run(without('Service', 'default', 'lb'));
    expect(gone!.type).toBe('DELETED');
    expect(state.get('Service', 'default', 'lb')).toBeUndefined();
    // Its cluster IP is free again.
    expect((own(run(create('Service', 'default', service('again', { app: 'web' }, { clusterIP: ip }))), 'Service').object as any).spec.clusterIP).toBe(ip);
  });

  it('a pod past its grace period stays while finalizers hold it; the node\'s deletion and the namespace\'s mark it too', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    run(create('Pod', 'default', withFinalizers(pod('a', 'n1', {}), ['example.com/keep'])));
    const [marked] = run(remove('Pod', 'default', 'a', 30));
    expect(marked!.object.metadata.deletionGracePeriodSeconds).toBe(30);
    const [held] = run({ ...ctx('system:pod-terminator'), op: 'finalizeDelete', kind: 'Pod', namespace: 'default', name: 'a', uid: marked!.object.metadata.uid! });
    expect(held!.type).toBe('MODIFIED');
    expect(held!.object.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(run(without('Pod', 'default', 'a')).map((e) => e.type)).toContain('DELETED');
    expect(state.get('Pod', 'default', 'a')).toBeUndefined();

    run(create('Pod', 'default', withFinalizers(pod('b', 'n1', {}), ['example.com/keep'])));
    const swept = run(remove('Node', '', 'n1')).filter((e) => e.kind === 'Pod');
    expect(swept.map((e) => e.type)).toEqual(['MODIFIED', 'MODIFIED']); // Failed, then marked
    expect(state.get('Pod', 'default', 'b')?.metadata.deletionTimestamp).toBeDefined();

    run(create('Service', 'team', withFinalizers(service('kept', { app: 'x' }), ['example.com/keep'])));
    run(create('Service', 'team', service('plain', { app: 'x' })));
    run(remove('Namespace', '', 'team'));
    expect(state.get('Service', 'team', 'plain')).toBeUndefined();
    expect(state.get('Service', 'team', 'kept')?.metadata.deletionTimestamp).toBeDefined();
  });
});

describe('endpoints controller reactor', () => {
  it('derives Endpoints and EndpointSlices with its actor and the cause', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    run(create('Service', 'default', service('web', { app: 'web' })));
    const podEvents = run(create('Pod', 'default', pod('a', 'n1', { app: 'web' })));
    const cause = podEvents.find((e) => e.kind === 'Pod')!;
    const derived = podEvents.filter((e) => e.cause === cause.rv);
    expect(derived.map((e) => `${e.type} ${e.kind} ${e.actor}`)).toEqual(['MODIFIED Endpoints system:endpoints-controller', 'MODIFIED EndpointSlice system:endpoints-controller']);
    const ready = run(podReady('default', 'a', true));
    const ep = ready.find((e) => e.kind === 'Endpoints')!.object as any;
    expect(ep.subsets[0].addresses[0]).toMatchObject({ ip: '10.244.0.2', nodeName: 'n1', targetRef: { kind: 'Pod', name: 'a' } });
    expect(ep.subsets[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    const slice = ready.find((e) => e.kind === 'EndpointSlice')!.object as any;
    expect(slice.endpoints[0].conditions).toEqual({ ready: true, serving: true, terminating: false });
  });

  it('deleting the service takes its endpoints and slices', () => {
    run(create('Service', 'default', service('web', { app: 'web' })));
    const events = run(remove('Service', 'default', 'web'));
    expect(events.map((e) => `${e.type} ${e.kind}`)).toEqual(['DELETED Service', 'DELETED Endpoints', 'DELETED EndpointSlice']);
    expect(state.slicesForService('default', 'web')).toEqual([]);
  });
});

describe('the status subresource (the status strategies\' PrepareForUpdate)', () => {
  const stored = (kind: 'Pod' | 'Service' | 'Node', ns: string, name: string) => structuredClone(state.get(kind, ns, name)) as any;

  it('a replace of /status writes status and metadata, keeps the spec, and a pod its owner references', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    const owned = pod('a', 'n1', { app: 'web' }) as any;
    owned.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u-1', controller: true }];
    run(create('Pod', 'default', owned));
    const sent = stored('Pod', 'default', 'a');
    sent.metadata.labels = { app: 'web', tier: 'front' };
    sent.metadata.annotations = { note: 'from the kubelet' };
    sent.metadata.ownerReferences = [];
    sent.spec.containers[0].image = 'nginx:changed';
    sent.status = { ...sent.status, phase: 'Running', qosClass: '' };
    const [e] = run(update('Pod', 'default', 'a', sent, 'status'));
    const after = e!.object as any;
    expect(after.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(after.metadata.annotations).toEqual({ note: 'from the kubelet' });
    expect(after.metadata.ownerReferences).toEqual(owned.metadata.ownerReferences);
    expect(after.spec.containers[0].image).toBe('registry.k8s.io/pause:3.9');
    expect(after.status).toMatchObject({ phase: 'Running', qosClass: 'BestEffort' });
  });

  it('a label a status patch adds selects the pod for a Service, as any label change does', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    run(create('Service', 'default', service('web', { app: 'web' })));
    run(create('Pod', 'default', pod('a', 'n1', { app: 'other' })));
    run(podReady('default', 'a', true));
    expect((state.get('Endpoints', 'default', 'web') as any).subsets ?? []).toEqual([]);
    const events = run({ ...ctx(), op: 'patch', kind: 'Pod', namespace: 'default', name: 'a', patchType: 'merge', patch: { metadata: { labels: { app: 'web' } } }, subresource: 'status' });
    expect(events.map((e) => `${e.type} ${e.kind}`)).toEqual(['MODIFIED Pod', 'MODIFIED Endpoints', 'MODIFIED EndpointSlice']);
    expect((state.get('Endpoints', 'default', 'web') as any).subsets[0].addresses.map((x: any) => x.ip)).toEqual(['10.244.0.2']);
  });

  it('Service and Node status writes keep their spec and take their labels', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    const n = stored('Node', '', 'n1');
    n.metadata.labels = { zone: 'a' };
    n.spec = { unschedulable: true };
    run(update('Node', '', 'n1', n, 'status'));
    expect(stored('Node', '', 'n1')).toMatchObject({ metadata: { labels: { zone: 'a' } }, spec: { podCIDR: '10.244.0.0/24' } });
    expect(stored('Node', '', 'n1').spec.unschedulable).toBeUndefined();
    run(create('Service', 'default', service('lb', { app: 'lb' }, { type: 'LoadBalancer', ports: [{ port: 80 }] })));
    const svc = stored('Service', 'default', 'lb');
    svc.metadata.labels = { exposed: 'yes' };
    svc.spec.type = 'ClusterIP';
    svc.status = { loadBalancer: { ingress: [{ ip: '192.0.2.10' }] } };
    run(update('Service', 'default', 'lb', svc, 'status'));
    expect(stored('Service', 'default', 'lb')).toMatchObject({ metadata: { labels: { exposed: 'yes' } }, spec: { type: 'LoadBalancer' }, status: { loadBalancer: { ingress: [{ ip: '192.0.2.10' }] } } });
  });

  it('metadata a status write sends is validated as any update\'s (422, nothing written)', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    run(create('Pod', 'default', pod('a', 'n1', { app: 'web' })));
    const sent = stored('Pod', 'default', 'a');
    sent.metadata.labels = { 'bad key!': 'x' };
    const err = fails(update('Pod', 'default', 'a', sent, 'status'));
    expect(err.status.code).toBe(422);
    expect(err.status.details?.causes?.[0]?.field).toBe('metadata.labels');
  });

  it('the manager of a status write owns the metadata it changed, with subresource status', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    run({ ...create('Pod', 'default', pod('a', 'n1', { app: 'web' })), fieldManager: 'kubectl' } as Command);
    run({ ...ctx(), op: 'patch', kind: 'Pod', namespace: 'default', name: 'a', patchType: 'merge', patch: { metadata: { labels: { seen: 'yes' } }, status: { phase: 'Running' } }, subresource: 'status', fieldManager: 'kubelet' });
    const entry = (stored('Pod', 'default', 'a').metadata.managedFields as any[]).find((m) => m.manager === 'kubelet');
    expect(entry).toMatchObject({ operation: 'Update', subresource: 'status', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:seen': {} } }, 'f:status': { 'f:phase': {} } } });
    expect(entry.fieldsV1['f:spec']).toBeUndefined();
  });
});

describe('metadata.generation (EndpointSlice, as its registry strategy keeps it)', () => {
  const slice = (labels: Record<string, string>, annotations?: Record<string, string>, ip = '10.9.0.1') => ({
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name: 's1', labels, ...(annotations ? { annotations } : {}) },
    addressType: 'IPv4', ports: [{ name: 'http', port: 80, protocol: 'TCP' }], endpoints: [{ addresses: [ip] }],
  }) as any;
  const generationOf = () => (state.get('EndpointSlice', 'default', 's1') as any).metadata.generation;
  const replace = (obj: any) => run(update('EndpointSlice', 'default', 's1', { ...obj, metadata: { ...obj.metadata, resourceVersion: (state.get('EndpointSlice', 'default', 's1') as any).metadata.resourceVersion, generation: 42 } }));

  it('1 on create; +1 for a change beyond metadata or of the labels; kept for annotations or nothing', () => {
    run(create('EndpointSlice', 'default', slice({ a: '1' })));
    expect(generationOf()).toBe(1);
    replace(slice({ a: '1' }, undefined, '10.9.0.2'));
    expect(generationOf()).toBe(2);
    replace(slice({ a: '2' }, undefined, '10.9.0.2'));
    expect(generationOf()).toBe(3);
    replace(slice({ a: '2' }, { note: 'x' }, '10.9.0.2'));
    expect(generationOf()).toBe(3); // the client's 42 is not kept
    expect(replace(slice({ a: '2' }, { note: 'x' }, '10.9.0.2'))).toEqual([]); // nothing changed, nothing written
  });

  it('the endpoints controller\'s slices count their changes too; other kinds have none', () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    run(create('Service', 'default', service('web', { app: 'web' })));
    run(create('Pod', 'default', pod('a', 'n1', { app: 'web' })));
    const [managed] = state.slicesForService('default', 'web');
    const first = managed!.metadata.generation!;
    expect(first).toBeGreaterThanOrEqual(1);
    run(podReady('default', 'a', true));
    expect(state.slicesForService('default', 'web')[0]!.metadata.generation).toBe(first + 1);
    expect((state.get('Service', 'default', 'web') as any).metadata.generation).toBeUndefined();
  });
});

describe('pod garbage collector', () => {
  const summary = (events: LogEvent[]) => events.map((e) => `${e.type} ${e.kind} ${e.namespace ? e.namespace + '/' : ''}${e.name}`);
  const addresses = (name: string) => {
    const ep = state.get('Endpoints', 'default', name) as any;
    return (ep?.subsets ?? []).flatMap((s: any) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])].map((a: any) => `${a.ip} ${a.nodeName}`)).sort();
  };
  const sliceAddresses = (name: string) =>
    state
      .slicesForService('default', name)
      .flatMap((s) => (s.endpoints ?? []).map((e) => `${e.addresses[0]} ${e.nodeName}`))
      .sort();
  const makeReady = (ns: string, name: string) => run(podReady(ns, name, true));
  /** Given: web selects a (n1, ready), b (n2, ready), c (n1, not ready); d (other ns, n1); u unscheduled. */
  const given = () => {
    run(create('Node', '', node('n1', '192.168.77.11')));
    run(create('Node', '', node('n2', '192.168.77.12')));
    run(create('Service', 'default', service('web', { app: 'web' })));
    for (const [name, n] of [['a', 'n1'], ['b', 'n2'], ['c', 'n1'], ['u', '']] as const) run(create('Pod', 'default', pod(name, n, { app: 'web' })));
    run(create('Pod', 'other', pod('d', 'n1', { app: 'web' })));
    makeReady('default', 'a');
    makeReady('default', 'b');
  };

  it('deleting a node deletes exactly its pods, as the pod GC, caused by the Node event', () => {
    given();
    const events = run(remove('Node', '', 'n1'));
    const nodeEvent = events[0]!;
    // As upstream: each pod is first marked Failed with a DisruptionTarget condition, then deleted.
    expect(summary(events.filter((e) => e.kind === 'Node' || e.kind === 'Pod'))).toEqual([
      'DELETED Node n1',
      'MODIFIED Pod default/a', 'DELETED Pod default/a',
      'MODIFIED Pod default/c', 'DELETED Pod default/c',
      'MODIFIED Pod other/d', 'DELETED Pod other/d',
    ]);
    for (const e of events.filter((e) => e.kind === 'Pod')) {
      expect(e).toMatchObject({ actor: POD_GC, cause: nodeEvent.rv });
      expect((e.object as any).status.phase).toBe('Failed');
      expect((e.object as any).status.conditions).toContainEqual({ type: 'DisruptionTarget', status: 'True', lastTransitionTime: expect.stringMatching(/Z$/), reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
    }
    expect(POD_GC).toBe('system:serviceaccount:kube-system:pod-garbage-collector');
    expect([...state.pods.keys()].sort()).toEqual(['default/b', 'default/u']);
    expect(state.podsOnNode('n1')).toEqual([]);
    expect(state.podsMatching('default', { app: 'web' }).map((p) => p.metadata.name).sort()).toEqual(['b', 'u']);
    expect([...state.allocations.podIPs.keys()]).toEqual(['10.244.1.2']); // b's: the n1 pods' IPs are free
  });

  it('drops the deleted pods from Endpoints and EndpointSlices in the same command', () => {
    given();
    expect(addresses('web')).toEqual(['10.244.0.2 n1', '10.244.0.3 n1', '10.244.1.2 n2']);
    const events = run(remove('Node', '', 'n1'));
    const derived = events.filter((e) => e.kind === 'Endpoints' || e.kind === 'EndpointSlice');
    expect(derived.map((e) => `${e.type} ${e.kind} ${e.actor}`)).toEqual(['MODIFIED Endpoints system:endpoints-controller', 'MODIFIED EndpointSlice system:endpoints-controller']);
    // The Node deletion removed those addresses, not the first swept pod: blame names the node.
    for (const e of derived) expect(e.cause).toBe(events[0]!.rv);
    expect(addresses('web')).toEqual(['10.244.1.2 n2']);
    expect(sliceAddresses('web')).toEqual(['10.244.1.2 n2']);
  });

  it('a new node given the freed pod CIDR inherits no stale endpoints', () => {
    given();
    run(remove('Node', '', 'n1'));
    const [n3] = run(create('Node', '', node('n3', '192.168.77.13')));
    expect((n3!.object as any).spec.podCIDR).toBe('10.244.0.0/24');
    expect(addresses('web')).toEqual(['10.244.1.2 n2']);
    expect(sliceAddresses('web')).toEqual(['10.244.1.2 n2']);
    // The new node's own pods are its only endpoints in that CIDR.
    const [e] = run(create('Pod', 'default', pod('e', 'n3', { app: 'web' })));
    const ip = (e!.object as any).status.podIP as string;
    expect(ip).toMatch(/^10\.244\.0\./);
    makeReady('default', 'e');
    expect(addresses('web')).toEqual([`${ip} n3`, '10.244.1.2 n2']);
    expect(sliceAddresses('web')).toEqual([`${ip} n3`, '10.244.1.2 n2']);
  });

  it('a pod that already ended (Succeeded or Failed) is deleted without a Failed mark', () => {
    given();
    run(update('Pod', 'default', 'a', { ...(state.get('Pod', 'default', 'a') as any), status: { ...(state.get('Pod', 'default', 'a') as any).status, phase: 'Succeeded' } }, 'status'));
    const events = run(remove('Node', '', 'n1'));
    expect(summary(events.filter((e) => e.kind === 'Pod'))).toEqual(['DELETED Pod default/a', 'MODIFIED Pod default/c', 'DELETED Pod default/c', 'MODIFIED Pod other/d', 'DELETED Pod other/d']);
  });

  it('a node with no pods derives nothing', () => {
    given();
    run(create('Node', '', node('empty', '192.168.77.20')));
    expect(summary(run(remove('Node', '', 'empty')))).toEqual(['DELETED Node empty']);
  });

  it('deletes terminating pods too; their graceful deletion then finishes with nothing to do', () => {
    given();
    const [marked] = run(remove('Pod', 'default', 'a', 30));
    const events = run(remove('Node', '', 'n1'));
    expect(summary(events.filter((e) => e.kind === 'Pod' && e.type === 'DELETED'))).toEqual(['DELETED Pod default/a', 'DELETED Pod default/c', 'DELETED Pod other/d']);
    const uid = marked!.object.metadata.uid!;
    expect(run({ ...ctx('system:pod-terminator'), op: 'finalizeDelete', kind: 'Pod', namespace: 'default', name: 'a', uid })).toEqual([]);
  });

  it('replay folds the derived deletions once and gives the same state', () => {
    given();
    run(remove('Node', '', 'n1'));
    run(create('Node', '', node('n3', '192.168.77.13')));
    run(create('Pod', 'default', pod('e', 'n3', { app: 'web' })));
    const replayed = new ClusterState();
    for (const ev of log) evolve(replayed, ev);
    expect(replayed.rv).toBe(state.rv);
    const sorted = (m: ReadonlyMap<unknown, unknown>) => JSON.stringify([...m].sort());
    for (const [kind, objs] of state.objects) expect(sorted(replayed.objects.get(kind)!), kind).toBe(sorted(objs));
    expect(sorted(replayed.allocations.podIPs)).toBe(sorted(state.allocations.podIPs));
    expect(sorted(replayed.allocations.podCIDRs)).toBe(sorted(state.allocations.podCIDRs));
    expect(replayed.podsOnNode('n1')).toEqual([]);
    expect(replayed.podsOnNode('n3').map((p) => p.metadata.name)).toEqual(['e']);
  });
});

describe('node IPAM beyond 256 nodes', () => {
  it('cuts every block of the cluster CIDR, then reports the range full', () => {
    state = new ClusterState();
    run({ ...ctx('system:netledger'), op: 'configure', config: { ...DEFAULT_CONFIG, clusterCIDRs: ['10.128.0.0/14'], nodeCIDRMaskSizeV4: 24 } });
    let last = '';
    for (let i = 0; i < 1024; i++) last = (run(create('Node', '', node(`n${i}`, `192.168.${i >> 8}.${i & 255}`)))[0]!.object as any).spec.podCIDR;
    expect(last).toBe('10.131.255.0/24');
    const full = fails(create('Node', '', node('one-too-many', '192.168.9.9')));
    expect(full.status.details?.causes?.[0]?.field).toBe('spec.podCIDRs');
  });
});

describe('a bug in decide', () => {
  it('is the command’s 500 InternalError, with nothing folded, so the writer goes on', () => {
    // A command no API route would build (an update of no object): decide throws a TypeError.
    const bad = { ...ctx('alice'), op: 'update', kind: 'Service', namespace: 'default', name: 'x', object: null } as unknown as Command;
    const e = fails(bad);
    expect(e.status).toMatchObject({ code: 500, reason: 'InternalError' });
    expect(e.status.message).toMatch(/^Internal error occurred: /);
    expect(run(create('Service', 'default', service('after', { app: 'a' }))).map((e) => e.kind)).toContain('Service');
  });
});
