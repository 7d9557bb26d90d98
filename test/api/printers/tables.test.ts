import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, KubeObject, Namespace, Node, Pod, Service } from '../../../domain/objects.js';
import { parseIncludeObject, tableFor } from '../../../api/printers/index.js';

const now = new Date('2025-01-01T01:00:00Z');
const created = '2025-01-01T00:56:40Z'; // 3m20s before `now`
const cells = (kind: string, obj: KubeObject) => tableFor(kind, [obj], { now }).rows[0]!.cells;

function pod(extra: Partial<Pod> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', uid: 'u1', resourceVersion: '7', creationTimestamp: created, labels: { app: 'web' } },
    spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: 'Running',
      podIP: '10.244.1.2',
      podIPs: [{ ip: '10.244.1.2' }],
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: { startedAt: created } } }],
    },
    ...extra,
  };
}

describe('Pod table', () => {
  it('has upstream column definitions', () => {
    const t = tableFor('Pod', [], { now });
    expect(t.columnDefinitions!.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ]);
    expect(t.columnDefinitions![1]!.description).toBe('The aggregate readiness state of this pod for accepting traffic.');
    expect(t.columnDefinitions![4]!.description).toMatch(/^CreationTimestamp is a timestamp representing the server time/);
  });

  it('running pod', () => {
    expect(cells('Pod', pod())).toEqual(['web-1', '1/1', 'Running', '0', '3m20s', '10.244.1.2', 'node-a', '<none>', '<none>']);
  });

  it('pending pod without node or IP', () => {
    const p = pod({ spec: { containers: [{ name: 'a' }, { name: 'b' }] }, status: { phase: 'Pending' } });
    expect(cells('Pod', p)).toEqual(['web-1', '0/2', 'Pending', '0', '3m20s', '<none>', '<none>', '<none>', '<none>']);
  });

  it('Terminating when deletionTimestamp is set', () => {
    const p = pod();
    p.metadata.deletionTimestamp = '2025-01-01T00:59:00Z';
    expect(cells('Pod', p)[2]).toBe('Terminating');
  });

  it('waiting reason and restarts with the last restart age', () => {
    const p = pod();
    p.status!.containerStatuses = [
      {
        name: 'c',
        ready: false,
        restartCount: 5,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2025-01-01T00:55:00Z' } },
      },
    ];
    expect(cells('Pod', p).slice(1, 4)).toEqual(['0/1', 'CrashLoopBackOff', '5 (5m ago)']);
  });

  it('init containers, readiness gates and nominated node', () => {
    const p = pod();
    p.spec!.initContainers = [{ name: 'init' }];
    p.spec!.readinessGates = [{ conditionType: 'example.com/gate' }, { conditionType: 'other' }];
    p.status = {
      phase: 'Pending',
      nominatedNodeName: 'node-b',
      conditions: [{ type: 'example.com/gate', status: 'True' }],
      initContainerStatuses: [{ name: 'init', state: { running: {} } }],
      containerStatuses: [{ name: 'c', state: { waiting: { reason: 'PodInitializing' } } }],
    };
    expect(cells('Pod', p)).toEqual(['web-1', '0/1', 'Init:0/1', '0', '3m20s', '<none>', 'node-a', 'node-b', '1/2']);
  });

  it('succeeded pods carry the Completed row condition', () => {
    const p = pod();
    p.status = { phase: 'Succeeded', containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] };
    const row = tableFor('Pod', [p], { now }).rows[0]!;
    expect(row.cells[2]).toBe('Completed');
    expect(row.conditions).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
  });
});

describe('Service table', () => {
  const svc = (spec: Service['spec'], status?: Service['status']): Service => ({
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: created },
    spec,
    ...(status ? { status } : {}),
  });

  it('ClusterIP', () => {
    expect(
      cells('Service', svc({ type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], selector: { k8s: 'dns', app: 'x' }, ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }, { port: 9153, protocol: 'TCP' }] })),
    ).toEqual(['web', 'ClusterIP', '10.96.0.10', '<none>', '53/UDP,53/TCP,9153/TCP', '3m20s', 'app=x,k8s=dns']);
  });

  it('NodePort with external IPs, headless, no ports', () => {
    expect(cells('Service', svc({ type: 'NodePort', clusterIPs: ['10.96.0.11'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }))).toEqual([
      'web',
      'NodePort',
      '10.96.0.11',
      '1.2.3.4,5.6.7.8',
      '80:30080/TCP',
      '3m20s',
      '<none>',
    ]);
    expect(cells('Service', svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] })).slice(2, 5)).toEqual(['None', '<none>', '<none>']);
  });

  it('LoadBalancer: pending, ingress, ingress plus external IPs; ExternalName', () => {
    const lb = { type: 'LoadBalancer' as const, clusterIPs: ['10.96.0.12'], ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' as const }] };
    expect(cells('Service', svc(lb))[3]).toBe('<pending>');
    expect(cells('Service', svc(lb, { loadBalancer: { ingress: [{ ip: '203.0.113.9' }, { hostname: 'lb.example.com' }, { ip: '203.0.113.1' }] } }))[3]).toBe(
      '203.0.113.1,203.0.113.9,lb.example.com',
    );
    expect(cells('Service', svc({ ...lb, externalIPs: ['1.1.1.1'] }, { loadBalancer: { ingress: [{ ip: '203.0.113.9' }] } }))[3]).toBe('203.0.113.9,1.1.1.1');
    expect(cells('Service', svc({ type: 'ExternalName', externalName: 'db.example.com' })).slice(1, 5)).toEqual(['ExternalName', '<none>', 'db.example.com', '<none>']);
  });
});

describe('Endpoints and EndpointSlice tables', () => {
  it('the kube-dns endpoints as kubectl shows them', () => {
    const ep: Endpoints = {
      kind: 'Endpoints',
      metadata: { name: 'kube-dns', namespace: 'kube-system', creationTimestamp: created },
      subsets: [
        {
          addresses: [{ ip: '10.1.0.20' }, { ip: '10.1.0.21' }],
          ports: [
            { name: 'dns', port: 53, protocol: 'UDP' },
            { name: 'dns-tcp', port: 53, protocol: 'TCP' },
            { name: 'metrics', port: 9153, protocol: 'TCP' },
          ],
        },
      ],
    };
    expect(cells('Endpoints', ep)).toEqual(['kube-dns', '10.1.0.20:53,10.1.0.21:53,10.1.0.20:53 + 3 more...', '3m20s']);
  });

  it('few, none, not-ready-only, IPv6 and port-less subsets', () => {
    const ep = (subsets: Endpoints['subsets']): Endpoints => ({ metadata: { name: 'e', creationTimestamp: created }, subsets });
    expect(cells('Endpoints', ep([{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }] }]))[1]).toBe('10.0.0.1:80,10.0.0.2:80');
    expect(cells('Endpoints', ep(undefined))[1]).toBe('<none>');
    expect(cells('Endpoints', ep([{ notReadyAddresses: [{ ip: '10.0.0.3' }], ports: [{ port: 80 }] }]))[1]).toBe('<none>');
    expect(cells('Endpoints', ep([{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }]))[1]).toBe('[fd00::1]:80');
    expect(cells('Endpoints', ep([{ addresses: [{ ip: '10.0.0.1' }] }]))[1]).toBe('10.0.0.1');
  });

  it('EndpointSlice', () => {
    const slice: EndpointSlice = {
      kind: 'EndpointSlice',
      metadata: { name: 'web-abc12', namespace: 'default', creationTimestamp: created },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'named' }],
      endpoints: [{ addresses: ['10.244.1.2'] }, { addresses: ['10.244.1.3'] }, { addresses: ['10.244.2.2'] }, { addresses: ['10.244.2.3'] }],
    };
    const t = tableFor('EndpointSlice', [slice], { now });
    expect(t.columnDefinitions!.map((c) => c.name)).toEqual(['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']);
    expect(t.rows[0]!.cells).toEqual(['web-abc12', 'IPv4', '80,named', '10.244.1.2,10.244.1.3,10.244.2.2 + 1 more...', '3m20s']);
    expect(cells('EndpointSlice', { ...slice, ports: [], endpoints: [] }).slice(2, 4)).toEqual(['<unset>', '<unset>']);
  });
});

describe('Node, Namespace and default tables', () => {
  const node = (extra: Partial<Node> = {}): Node => ({
    kind: 'Node',
    metadata: { name: 'node-a', creationTimestamp: '2024-12-29T22:00:00Z', labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'edge' } },
    status: {
      conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }],
      addresses: [{ type: 'InternalIP', address: '192.168.1.10' }, { type: 'Hostname', address: 'node-a' }],
      nodeInfo: { kubeletVersion: 'v1.32.4', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0-18-amd64', containerRuntimeVersion: 'containerd://1.7.13' },
    },
    ...extra,
  });

  it('Node cells', () => {
    expect(cells('Node', node())).toEqual([
      'node-a',
      'Ready',
      'control-plane,edge',
      '2d3h',
      'v1.32.4',
      '192.168.1.10',
      '<none>',
      'Debian GNU/Linux 12 (bookworm)',
      '6.1.0-18-amd64',
      'containerd://1.7.13',
    ]);
  });

  it('NotReady, SchedulingDisabled, Unknown and no roles', () => {
    const n = node({ spec: { unschedulable: true } });
    n.status!.conditions = [{ type: 'Ready', status: 'Unknown' }];
    expect(cells('Node', n)[1]).toBe('NotReady,SchedulingDisabled');
    const bare: Node = { metadata: { name: 'n', creationTimestamp: created } };
    expect(cells('Node', bare)).toEqual(['n', 'Unknown', '<none>', '3m20s', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });

  it('Namespace and the default (Name, Created At)', () => {
    const ns: Namespace = { kind: 'Namespace', metadata: { name: 'default', creationTimestamp: created }, status: { phase: 'Active' } };
    expect(cells('Namespace', ns)).toEqual(['default', 'Active', '3m20s']);
    const t = tableFor('Widget', [{ metadata: { name: 'w', creationTimestamp: '2025-01-01T00:56:40.000Z' } }], { now });
    expect(t.columnDefinitions!.map((c) => [c.name, c.type, c.format])).toEqual([
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ]);
    expect(t.rows[0]!.cells).toEqual(['w', '2025-01-01T00:56:40Z']);
  });
});

describe('table envelope and includeObject', () => {
  it('defaults to PartialObjectMetadata rows and carries the list metadata', () => {
    const p = pod();
    const t = tableFor('Pod', [p], { now, listMeta: { resourceVersion: '42' } });
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.metadata).toEqual({ resourceVersion: '42' });
    expect(t.rows[0]!.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: p.metadata });
    expect('conditions' in t.rows[0]!).toBe(false);
  });

  it('Object embeds the full object, None gives null', () => {
    const p = pod();
    expect(tableFor('Pod', [p], { now, includeObject: 'Object' }).rows[0]!.object).toBe(p);
    expect(tableFor('Pod', [p], { now, includeObject: 'None' }).rows[0]!.object).toBeNull();
    expect(JSON.stringify(tableFor('Pod', [p], { now, includeObject: 'None' }).rows[0])).toContain('"object":null');
  });

  it('noHeaders omits column definitions (watch events after the first)', () => {
    expect(tableFor('Pod', [pod()], { now, noHeaders: true }).columnDefinitions).toBeNull();
  });

  it('parseIncludeObject', () => {
    expect(parseIncludeObject(undefined)).toBe('Metadata');
    expect(parseIncludeObject('Object')).toBe('Object');
    expect(() => parseIncludeObject('All')).toThrow('unrecognized includeObject value: "All"');
  });
});
