// The protobuf body decoder: captured kubectl bodies decode to exactly the JSON kubectl writes
// for the same object, and hand-encoded messages cover each kind, the zero-value rules
// (omitempty drops, pointers keep), Time, IntOrString, Quantity maps, inline structs and errors.

import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from '../../../api/protobuf/index.js';
import { StatusError } from '../../../domain/errors.js';
import { CAPTURED } from './fixtures.js';
import { bytes, cat, envelope, hex, int, map, msg, objectMeta, str, varintBytes } from './encoder.js';

const decode = (b: Uint8Array) => decodeKubernetesProtobuf(b);
const failure = (b: Uint8Array): string => {
  try {
    decode(b);
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    const s = (e as StatusError).status;
    expect([s.code, s.reason]).toEqual([400, 'BadRequest']);
    return s.message;
  }
  throw new Error('decoded without error');
};
const P = 'the body of the request could not be decoded as protobuf: ';

describe('captured kubectl v1.32 bodies', () => {
  for (const [name, c] of Object.entries(CAPTURED)) {
    it(`kubectl ${c.argv.join(' ')} decodes to its --dry-run=client -o json (${name})`, () => {
      expect(JSON.stringify(decode(hex(c.hex)))).toBe(c.json);
    });
  }
  it('an empty body is no body', () => {
    expect(decode(new Uint8Array())).toBeUndefined();
  });
});

describe('Pod', () => {
  const container = msg(
    2,
    str(1, 'web'),
    str(2, 'nginx:1.27'),
    str(3, 'nginx'),
    str(3, '-g'),
    str(5, ''),
    msg(6, str(1, 'http'), int(2, 0), int(3, 80), str(4, 'TCP'), str(5, '')),
    msg(7, str(1, 'MODE'), str(2, 'fast')),
    msg(7, str(1, 'LEVEL'), str(2, ''), msg(3, msg(3, msg(1, str(1, 'cfg')), str(2, 'level')))),
    msg(8, msg(1, str(1, 'cpu'), msg(2, str(1, '500m'))), msg(2, str(1, 'memory'), msg(2, str(1, '64Mi')))),
    msg(11, msg(1, msg(2, str(1, '/healthz'), msg(2, int(1, 1), int(2, 0), str(3, 'http')), str(3, ''), str(4, 'HTTP'))), int(2, 0), int(3, 1), int(4, 10), int(5, 1), int(6, 3)),
    msg(9, str(1, 'data'), int(2, false), str(3, '/data'), str(4, ''), str(6, '')),
    str(13, '/dev/termination-log'),
    str(14, 'IfNotPresent'),
    int(16, false),
    int(17, false),
    int(18, false),
    str(20, 'File'),
  );
  const spec = msg(
    2,
    msg(1, str(1, 'data'), msg(2, msg(2, str(1, '')))),
    msg(1, str(1, 'cfg'), msg(2, msg(19, msg(1, str(1, 'app-config')), int(3, 420)))),
    container,
    str(3, 'Always'),
    int(4, 30),
    str(6, 'ClusterFirst'),
    map(7, { 'kubernetes.io/os': 'linux' }),
    str(8, ''),
    str(9, ''),
    str(10, 'node-1'),
    int(11, false),
    int(12, false),
    int(13, false),
    msg(14, int(4, 1000), int(4, 2000), bytes(4, cat(varintBytes(3000)))),
    str(16, 'web-0'),
    str(17, 'web'),
    msg(18, msg(1, msg(1))), // affinity: not modelled, skipped
    str(19, 'default-scheduler'),
    msg(22, str(1, 'node.kubernetes.io/not-ready'), str(2, 'Exists'), str(3, ''), str(4, 'NoExecute'), int(5, 300)),
    int(25, -1),
    int(30, false),
    str(99, 'a field from the future'),
  );
  const meta = objectMeta('web-0', 'default', [
    map(11, { app: 'web', tier: 'fe' }),
    map(12, { note: 'hi' }),
    msg(13, str(1, 'StatefulSet'), str(3, 'web'), str(4, 'uid-1'), str(5, 'apps/v1'), int(6, true), int(7, true)),
    str(14, 'example.com/cleanup'),
  ]);
  const pod = envelope('v1', 'Pod', cat(meta, spec, msg(3, str(1, ''), str(3, ''), str(4, ''), str(5, ''), str(6, ''), str(9, ''), str(11, ''))));

  it('decodes to the JSON shape, dropping omitempty zeros and keeping pointers', () => {
    expect(decode(pod)).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: {
        name: 'web-0',
        namespace: 'default',
        creationTimestamp: null,
        labels: { app: 'web', tier: 'fe' },
        annotations: { note: 'hi' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-1', controller: true, blockOwnerDeletion: true }],
        finalizers: ['example.com/cleanup'],
      },
      spec: {
        volumes: [
          { name: 'data', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'app-config', defaultMode: 420 } },
        ],
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            command: ['nginx', '-g'],
            ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
            env: [
              { name: 'MODE', value: 'fast' },
              { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'level' } } },
            ],
            resources: { limits: { cpu: '500m' }, requests: { memory: '64Mi' } },
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
            readinessProbe: {
              httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 3,
            },
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            imagePullPolicy: 'IfNotPresent',
          },
        ],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        nodeName: 'node-1',
        securityContext: { supplementalGroups: [1000, 2000, 3000] },
        hostname: 'web-0',
        subdomain: 'web',
        schedulerName: 'default-scheduler',
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
        priority: -1,
        enableServiceLinks: false,
      },
      status: {},
    });
  });

  it('emits keys in Go struct order, as encoding/json does', () => {
    const spec = decode(pod)!.spec as Record<string, unknown>;
    expect(Object.keys(spec).slice(0, 4)).toEqual(['volumes', 'containers', 'restartPolicy', 'terminationGracePeriodSeconds']);
  });
});

describe('metav1.Time', () => {
  const withDeletion = (time: Uint8Array) => envelope('v1', 'Namespace', objectMeta('x', '', [msg(9, time), int(10, 0)]));
  it('is RFC 3339 in UTC at second precision; zero is null', () => {
    const m = decode(withDeletion(cat(int(1, 1_700_000_000), int(2, 999_999_999))))!.metadata;
    expect(m).toEqual({ name: 'x', creationTimestamp: null, deletionTimestamp: '2023-11-14T22:13:20Z', deletionGracePeriodSeconds: 0 });
  });
  it('handles times before the epoch', () => {
    expect(decode(withDeletion(int(1, -86_400)))!.metadata).toMatchObject({ deletionTimestamp: '1969-12-31T00:00:00Z' });
  });
});

describe('Service', () => {
  it('keeps pointer fields at their zero, IntOrString as a string, session affinity config', () => {
    const spec = msg(
      2,
      msg(1, str(1, 'dns'), str(2, 'UDP'), str(6, ''), int(3, 53), msg(4, int(1, 1), int(2, 0), str(3, 'dns')), int(5, 0)),
      str(3, '10.96.0.10'),
      str(18, '10.96.0.10'),
      str(4, 'ClusterIP'),
      str(7, 'ClientIP'),
      msg(14, msg(1, int(1, 60))),
      str(19, 'IPv4'),
      str(17, 'SingleStack'),
      str(22, 'Cluster'),
      int(20, false),
    );
    const status = msg(3, msg(1, msg(1, str(1, '203.0.113.7'), str(2, ''), str(3, 'VIP'))));
    expect(decode(envelope('v1', 'Service', cat(objectMeta('dns', 'kube-system'), spec, status)))).toEqual({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'dns', namespace: 'kube-system', creationTimestamp: null },
      spec: {
        ports: [{ name: 'dns', protocol: 'UDP', appProtocol: '', port: 53, targetPort: 'dns' }],
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        type: 'ClusterIP',
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        allocateLoadBalancerNodePorts: false,
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.7', ipMode: 'VIP' }] } },
    });
  });
});

describe('Node, Endpoints, EndpointSlice, DeleteOptions', () => {
  it('Node with taints, addresses, conditions, capacity and nodeInfo', () => {
    const spec = msg(2, str(1, '10.244.1.0/24'), str(7, '10.244.1.0/24'), str(3, ''), int(4, false), msg(5, str(1, 'dedicated'), str(2, ''), str(3, 'NoSchedule')), str(2, ''));
    const status = msg(
      3,
      msg(1, str(1, 'pods'), msg(2, str(1, '110'))),
      str(3, ''),
      msg(4, str(1, 'Ready'), str(2, 'True'), msg(3, int(1, 1_735_689_600)), msg(4), str(5, 'KubeletReady'), str(6, '')),
      msg(5, str(1, 'InternalIP'), str(2, '192.168.1.11')),
      msg(6, msg(1, int(1, 10250))),
      msg(7, str(1, ''), str(7, 'v1.32.4'), str(9, 'linux')),
    );
    expect(decode(envelope('v1', 'Node', cat(objectMeta('node-1'), spec, status)))).toEqual({
      kind: 'Node',
      apiVersion: 'v1',
      metadata: { name: 'node-1', creationTimestamp: null },
      spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], taints: [{ key: 'dedicated', effect: 'NoSchedule' }] },
      status: {
        capacity: { pods: '110' },
        conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2025-01-01T00:00:00Z', lastTransitionTime: null, reason: 'KubeletReady' }],
        addresses: [{ type: 'InternalIP', address: '192.168.1.11' }],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        // NodeSystemInfo strings are non-omitempty: "" on the wire stays; absent stays absent.
        nodeInfo: { machineID: '', kubeletVersion: 'v1.32.4', operatingSystem: 'linux' },
      },
    });
  });

  it('Endpoints', () => {
    const subset = msg(2, msg(1, str(1, '10.244.1.5'), msg(2, str(1, 'Pod'), str(2, 'default'), str(3, 'web-0'), str(4, 'u1')), str(3, ''), str(4, 'node-1')), msg(3, str(1, ''), int(2, 80), str(3, 'TCP')));
    expect(decode(envelope('v1', 'Endpoints', cat(objectMeta('web', 'default'), subset)))).toEqual({
      kind: 'Endpoints',
      apiVersion: 'v1',
      metadata: { name: 'web', namespace: 'default', creationTimestamp: null },
      subsets: [{ addresses: [{ ip: '10.244.1.5', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0', uid: 'u1' } }], ports: [{ port: 80, protocol: 'TCP' }] }],
    });
  });

  it('EndpointSlice: every optional field is a pointer, so zeros are kept', () => {
    const endpoint = msg(2, str(1, '10.244.1.5'), msg(2, int(1, true), int(2, true), int(3, false)), str(6, 'node-1'), msg(8, msg(1, str(1, 'zone-a'))));
    const port = msg(3, str(1, ''), str(2, 'TCP'), int(3, 80));
    const labels = map(11, { 'kubernetes.io/service-name': 'web' });
    expect(decode(envelope('discovery.k8s.io/v1', 'EndpointSlice', cat(objectMeta('web-abc', 'default', [labels]), str(4, 'IPv4'), endpoint, port)))).toEqual({
      kind: 'EndpointSlice',
      apiVersion: 'discovery.k8s.io/v1',
      metadata: { name: 'web-abc', namespace: 'default', creationTimestamp: null, labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'node-1', hints: { forZones: [{ name: 'zone-a' }] } }],
      ports: [{ name: '', protocol: 'TCP', port: 80 }],
    });
  });

  it('DeleteOptions', () => {
    const body = envelope('meta.k8s.io/v1', 'DeleteOptions', cat(int(1, 0), msg(2, str(1, 'u1')), str(4, 'Background'), str(5, 'All')));
    expect(decode(body)).toEqual({ kind: 'DeleteOptions', apiVersion: 'meta.k8s.io/v1', gracePeriodSeconds: 0, preconditions: { uid: 'u1' }, propagationPolicy: 'Background', dryRun: ['All'] });
  });

  it('repeated records of one message field merge, as protobuf specifies', () => {
    const body = envelope('v1', 'Namespace', cat(msg(1, str(1, 'x')), msg(1, map(11, { a: 'b' }))));
    expect(decode(body)!.metadata).toEqual({ name: 'x', labels: { a: 'b' } });
  });
});

describe('malformed bodies are 400 BadRequest naming the problem', () => {
  const ns = hex(CAPTURED.namespace!.hex);
  it('no k8s\\0 prefix', () => {
    expect(failure(Buffer.from('{"kind":"Namespace"}'))).toBe(`${P}the body does not start with the Kubernetes protobuf prefix "k8s\\x00"`);
  });
  it('truncated body', () => {
    expect(failure(ns.subarray(0, 30))).toBe(`${P}runtime.Unknown: length 25 at byte 18 runs past the end of the message (7 bytes left)`);
  });
  it('truncated varint inside the object', () => {
    const body = envelope('v1', 'Namespace', msg(1, cat(varintBytes(7 << 3), Uint8Array.of(0x80))));
    expect(failure(body)).toBe(`${P}Namespace.metadata: truncated varint at byte 2`);
  });
  it('a field with the wrong wire type', () => {
    expect(failure(envelope('v1', 'Namespace', msg(1, int(1, 5))))).toBe(`${P}Namespace.metadata.name: expected length-delimited bytes, got wire type 0`);
  });
  it('invalid UTF-8 in a string', () => {
    expect(failure(envelope('v1', 'Namespace', msg(1, bytes(1, Uint8Array.of(0xff, 0xfe)))))).toBe(`${P}string field is not valid UTF-8`);
  });
  it('a kind with no decoder', () => {
    expect(failure(envelope('apps/v1', 'Deployment', new Uint8Array()))).toBe(`${P}no kind "Deployment" is registered for version "apps/v1"`);
  });
  it('a missing kind', () => {
    expect(failure(envelope('v1', '', new Uint8Array()))).toBe(`${P}Object 'Kind' or 'apiVersion' is missing in the runtime.Unknown envelope`);
  });
  it('a content encoding', () => {
    expect(failure(envelope('v1', 'Namespace', new Uint8Array(), 'gzip'))).toBe(`${P}unsupported content encoding "gzip"`);
  });
  it('a bad IntOrString type', () => {
    const body = envelope('v1', 'Service', msg(2, msg(1, int(3, 80), msg(4, int(1, 7)))));
    expect(failure(body)).toBe(`${P}Service.spec.ports[0].targetPort: IntOrString type 7 is neither 0 (Int) nor 1 (String)`);
  });
});
