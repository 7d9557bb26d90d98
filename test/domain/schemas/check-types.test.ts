import { describe, expect, test } from 'vitest';
import {
  QUANTITY_FORMAT_ERROR, checkTypes, decodeErrorMessage, hasSchema, strictDecodingError, unknownFieldWarning,
} from '../../../domain/schemas/index.js';
import { nginxPod, webService } from './fixtures.js';

/** What a check found (its result without the function that drops unknown fields). */
const found = ({ errors, unknownFields }: { errors: unknown[]; unknownFields: string[] }) => ({ errors, unknownFields });

describe('checkTypes: wrong JSON types, with encoding/json wording', () => {
  test('a string port is the decode error kube-apiserver reports', () => {
    const svc = webService();
    (svc.spec as { ports: Record<string, unknown>[] }).ports[0]!.port = '80';
    expect(found(checkTypes('Service', svc))).toEqual({
      errors: [
        {
          field: 'spec.ports[0].port',
          message: 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
          converter: 'unrecognized type: int32',
        },
      ],
      unknownFields: [],
    });
  });

  test('targetPort is int-or-string: both arms pass, anything else is an int32 error', () => {
    const ok = (targetPort: unknown) => checkTypes('Service', { spec: { ports: [{ port: 80, targetPort }] } }).errors;
    expect(ok(8080)).toEqual([]);
    expect(ok('http')).toEqual([]);
    expect(ok(true)).toEqual([
      { field: 'spec.ports[0].targetPort', message: 'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32' },
    ]);
    expect(ok(80.5)[0]!.message).toBe('json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.targetPort of type int32');
  });

  test('integers that do not fit name the literal', () => {
    const r = checkTypes('Pod', { spec: { containers: [{ name: 'a', ports: [{ containerPort: 1.5 }, { containerPort: 3000000000 }] }] } });
    expect(r.errors.map((e) => e.message)).toEqual([
      'json: cannot unmarshal number 1.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
      'json: cannot unmarshal number 3000000000 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    ]);
    expect(r.errors.map((e) => e.field)).toEqual(['spec.containers[0].ports[0].containerPort', 'spec.containers[0].ports[1].containerPort']);
  });

  test('struct, list and map fields name their Go types', () => {
    expect(checkTypes('Pod', { spec: 'x' }).errors).toEqual([
      { field: 'spec', message: 'json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec', converter: 'cannot restore struct from: string' },
    ]);
    expect(checkTypes('Pod', { spec: { containers: {} } }).errors[0]!.message).toBe(
      'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
    expect(checkTypes('Service', { metadata: { labels: ['a'] } }).errors[0]!.message).toBe(
      'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
    );
    expect(checkTypes('Service', { metadata: { labels: { app: 1 } } }).errors).toEqual([
      {
        field: 'metadata.labels[app]',
        message: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
        converter: 'cannot convert int64 to string',
      },
    ]);
    expect(checkTypes('Pod', { spec: { hostNetwork: 'true' } }).errors[0]!.message).toBe(
      'json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool',
    );
  });

  test('a non-object body is a Go value error', () => {
    expect(checkTypes('Pod', []).errors).toEqual([{ field: '', message: 'json: cannot unmarshal array into Go value of type v1.Pod', converter: 'cannot restore struct from: slice' }]);
  });

  test("each error also in the unstructured converter's words (a strategic merge patch's result)", () => {
    const converter = (body: unknown) => checkTypes('Service', body).errors.map((e) => e.converter);
    expect(converter({ spec: { ports: [{ port: 1.5 }] } })).toEqual(['cannot convert float64 to int32']);
    expect(converter({ spec: { ports: [{ name: true }] } })).toEqual(['unrecognized type: string']);
    expect(converter({ spec: { ports: 'x' } })).toEqual(['cannot restore slice from string']);
    expect(converter({ metadata: { labels: ['a'] } })).toEqual(['cannot restore map from slice']);
    expect(converter({ spec: { publishNotReadyAddresses: 'yes' } })).toEqual(['unrecognized type: bool']);
    // Integers convert between sizes; int-or-string decodes itself (no converter text).
    expect(converter({ spec: { ports: [{ port: 80, targetPort: true }] } })).toEqual([undefined]);
  });

  test('timestamps decode as strings; quantities take strings or numbers', () => {
    expect(checkTypes('Pod', { metadata: { creationTimestamp: 5 } }).errors[0]!.message).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
    );
    const limits = (cpu: unknown) => checkTypes('Pod', { spec: { containers: [{ name: 'a', resources: { limits: { cpu } } }] } }).errors;
    expect(limits('500m')).toEqual([]);
    expect(limits(2)).toEqual([]);
    expect(limits(true)).toEqual([{ field: 'spec.containers[0].resources.limits[cpu]', message: QUANTITY_FORMAT_ERROR }]);
  });

  test('null is the zero value, never a type error', () => {
    expect(found(checkTypes('Service', { metadata: { labels: null }, spec: { ports: null, selector: null, clusterIP: null } }))).toEqual({ errors: [], unknownFields: [] });
  });

  test('errors are reported in document order', () => {
    const r = checkTypes('Service', { spec: { ports: [{ port: 'a' }], clusterIP: 1 } });
    expect(r.errors.map((e) => e.field)).toEqual(['spec.ports[0].port', 'spec.clusterIP']);
  });
});

describe('checkTypes: unknown fields', () => {
  test('paths as upstream prints them, with list indices, in document order', () => {
    const pod = nginxPod();
    (pod.spec as Record<string, unknown>).foo = 1;
    ((pod.spec as { containers: Record<string, unknown>[] }).containers[0]!).bar = 'x';
    ((pod.spec as { containers: { ports: Record<string, unknown>[] }[] }).containers[0]!.ports[1]!).hostNetwork = true;
    pod.extra = {};
    expect(checkTypes('Pod', pod).unknownFields).toEqual([
      'spec.containers[0].ports[1].hostNetwork',
      'spec.containers[0].bar',
      'spec.foo',
      'extra',
    ]);
  });

  test('field names are case-sensitive, as sigs.k8s.io/json decodes', () => {
    expect(checkTypes('Service', { Spec: {}, spec: { Ports: [] } }).unknownFields).toEqual(['Spec', 'spec.Ports']);
  });

  test('unknown fields under a field of the wrong type are not reported', () => {
    expect(checkTypes('Service', { spec: [{ foo: 1 }] }).unknownFields).toEqual([]);
  });

  test('the warning and Strict error texts', () => {
    expect(unknownFieldWarning('spec.foo')).toBe('unknown field "spec.foo"');
    expect(strictDecodingError(['spec.foo', 'spec.ports[0].bar'])).toBe(
      'strict decoding error: unknown field "spec.foo", unknown field "spec.ports[0].bar"',
    );
    expect(decodeErrorMessage('Service', 'v1', 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32')).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    );
  });
});

describe('checkTypes: realistic manifests are clean', () => {
  test('a full nginx Deployment-style Pod has no unknown fields and no type errors', () => {
    expect(found(checkTypes('Pod', nginxPod()))).toEqual({ errors: [], unknownFields: [] });
  });

  test('a NodePort Service', () => {
    expect(found(checkTypes('Service', webService()))).toEqual({ errors: [], unknownFields: [] });
  });

  test('a kubelet-style Node with status', () => {
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-a', labels: { 'kubernetes.io/hostname': 'node-a' } },
      spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] },
      status: {
        addresses: [{ type: 'InternalIP', address: '192.168.1.10' }, { type: 'Hostname', address: 'node-a' }],
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'ok', lastHeartbeatTime: '2024-05-01T10:00:00Z', lastTransitionTime: '2024-05-01T10:00:00Z' }],
        capacity: { cpu: '4', memory: '8Gi', pods: '110' },
        allocatable: { cpu: '3800m', memory: '7Gi', pods: '110' },
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: { kubeletVersion: 'v1.32.4', osImage: 'Ubuntu 24.04', kernelVersion: '6.8.0', containerRuntimeVersion: 'containerd://1.7.0', architecture: 'amd64', operatingSystem: 'linux', machineID: 'm', systemUUID: 's', bootID: 'b', kubeProxyVersion: '' },
        images: [{ names: ['nginx:1.27'], sizeBytes: 71000000 }],
      },
    };
    expect(found(checkTypes('Node', node))).toEqual({ errors: [], unknownFields: [] });
  });

  test('Endpoints, EndpointSlice, Namespace and DeleteOptions', () => {
    const ref = { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'u1', resourceVersion: '7' };
    expect(found(checkTypes('Endpoints', {
      apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' },
      subsets: [{ addresses: [{ ip: '10.244.1.5', nodeName: 'node-a', targetRef: ref }], notReadyAddresses: [], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }],
    }))).toEqual({ errors: [], unknownFields: [] });
    expect(found(checkTypes('EndpointSlice', {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abc', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'node-a', zone: 'z1', targetRef: ref, hints: { forZones: [{ name: 'z1' }] } }],
      ports: [{ name: 'http', port: 80, protocol: 'TCP', appProtocol: 'http' }],
    }))).toEqual({ errors: [], unknownFields: [] });
    expect(found(checkTypes('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })))
      .toEqual({ errors: [], unknownFields: [] });
    // What `kubectl delete` sends (§0 #7).
    expect(found(checkTypes('DeleteOptions', { propagationPolicy: 'Background' }))).toEqual({ errors: [], unknownFields: [] });
    expect(checkTypes('DeleteOptions', { gracePeriodSeconds: '5' }).errors[0]!.message).toBe(
      'json: cannot unmarshal string into Go struct field DeleteOptions.gracePeriodSeconds of type int64',
    );
  });

  test('list kinds and Status have schemas; other kinds are a programming error', () => {
    for (const kind of ['PodList', 'ServiceList', 'EndpointsList', 'NodeList', 'NamespaceList', 'EndpointSliceList', 'Status']) expect(hasSchema(kind)).toBe(true);
    expect(hasSchema('Deployment')).toBe(false);
    expect(() => checkTypes('Deployment', {})).toThrow(/no schema for kind Deployment/);
  });
});
