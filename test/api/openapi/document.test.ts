import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { openApiDocument, openApiIndex } from '../../../api/openapi/index.js';

type Json = Record<string, any>;

const core = () => openApiDocument('api/v1') as Json;
const discovery = () => openApiDocument('apis/discovery.k8s.io/v1') as Json;

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

describe('/openapi/v3 index', () => {
  test('one entry per documented group version, with the content hash of its document', () => {
    const index = openApiIndex();
    expect(Object.keys(index.paths)).toEqual(['api/v1', 'apis/discovery.k8s.io/v1']);
    for (const [path, { serverRelativeURL }] of Object.entries(index.paths)) {
      const hash = createHash('sha512').update(JSON.stringify(openApiDocument(path))).digest('hex').toUpperCase();
      expect(serverRelativeURL).toBe(`/openapi/v3/${path}?hash=${hash}`);
    }
  });

  test('building twice gives the same bytes (the hash is stable)', () => {
    expect(JSON.stringify(openApiIndex())).toBe(JSON.stringify(openApiIndex()));
  });

  test('unknown group versions have no document', () => {
    expect(openApiDocument('apis/apps/v1')).toBeUndefined();
    expect(openApiDocument('apis/netledger.io/v1')).toBeUndefined();
  });
});

describe('per group-version documents', () => {
  test('header as kubectl expects it', () => {
    const doc = core();
    expect(doc.openapi).toBe('3.0.0');
    expect(doc.info).toEqual({ title: 'Kubernetes', version: 'v1.32.4' });
  });

  test('every $ref resolves inside its own document', () => {
    for (const doc of [core(), discovery()]) {
      const refs = collectRefs(doc);
      expect(refs.length).toBeGreaterThan(20);
      for (const ref of refs) {
        expect(ref.startsWith('#/components/schemas/')).toBe(true);
        expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
      }
    }
  });

  test('top-level kinds carry x-kubernetes-group-version-kind, named like upstream', () => {
    const schemas = core().components.schemas;
    for (const kind of ['Pod', 'Service', 'Endpoints', 'Node', 'Namespace', 'PodList', 'ServiceList', 'EndpointsList', 'NodeList', 'NamespaceList']) {
      expect(schemas[`io.k8s.api.core.v1.${kind}`]['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind, version: 'v1' }]);
    }
    expect(schemas['io.k8s.api.core.v1.Container']['x-kubernetes-group-version-kind']).toBeUndefined();
    expect(schemas['io.k8s.apimachinery.pkg.apis.meta.v1.Status']['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Status', version: 'v1' }]);
    expect(discovery().components.schemas['io.k8s.api.discovery.v1.EndpointSlice']['x-kubernetes-group-version-kind']).toEqual([
      { group: 'discovery.k8s.io', kind: 'EndpointSlice', version: 'v1' },
    ]);
  });

  test('fields reference named definitions; described refs are wrapped in allOf', () => {
    const s = core().components.schemas;
    expect(s['io.k8s.api.core.v1.Pod'].properties.metadata).toEqual({
      allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }],
      description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
    });
    expect(s['io.k8s.api.core.v1.PodSpec'].properties.containers.items).toEqual({ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' });
    expect(s['io.k8s.api.core.v1.PodSpec'].required).toEqual(['containers']);
    expect(s['io.k8s.api.core.v1.ServicePort'].properties.port).toEqual({ type: 'integer', format: 'int32', description: 'The port that will be exposed by this service.' });
    expect(s['io.k8s.api.core.v1.ServiceSpec'].properties.ports['x-kubernetes-patch-merge-key']).toBe('port');
    expect(s['io.k8s.api.core.v1.ServiceSpec'].properties.selector.additionalProperties).toEqual({ type: 'string', default: '' });
    expect(s['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toEqual({
      oneOf: [{ type: 'integer' }, { type: 'string' }],
      format: 'int-or-string',
      description: expect.stringContaining('IntOrString is a type that can hold an int32 or a string.'),
    });
    // Types netledger passes through keep unknown fields.
    expect(s['io.k8s.api.core.v1.SecurityContext']['x-kubernetes-preserve-unknown-fields']).toBe(true);
    // Internal annotations never leak.
    expect(JSON.stringify(core())).not.toContain('x-go-type');
  });

  test('every PATCH declares fieldValidation and force, with the GVK and action (kubectl --validate=strict)', () => {
    const paths = core().paths;
    const expected: Record<string, string> = {
      '/api/v1/namespaces/{namespace}/pods/{name}': 'Pod',
      '/api/v1/namespaces/{namespace}/pods/{name}/status': 'Pod',
      '/api/v1/namespaces/{namespace}/services/{name}': 'Service',
      '/api/v1/namespaces/{namespace}/services/{name}/status': 'Service',
      '/api/v1/namespaces/{namespace}/endpoints/{name}': 'Endpoints',
      '/api/v1/nodes/{name}': 'Node',
      '/api/v1/nodes/{name}/status': 'Node',
      '/api/v1/namespaces/{name}': 'Namespace',
      '/api/v1/namespaces/{name}/status': 'Namespace',
    };
    for (const [path, kind] of Object.entries(expected)) {
      const patch = paths[path]?.patch;
      expect(patch, path).toBeDefined();
      expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: '', kind, version: 'v1' });
      expect(patch['x-kubernetes-action']).toBe('patch');
      expect(patch.parameters.map((p: Json) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
      expect(patch.parameters.find((p: Json) => p.name === 'fieldValidation')).toMatchObject({ in: 'query', schema: { type: 'string' } });
      expect(Object.keys(patch.requestBody.content)).toEqual([
        'application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json',
      ]);
    }
    const slicePatch = discovery().paths['/apis/discovery.k8s.io/v1/namespaces/{namespace}/endpointslices/{name}'].patch;
    expect(slicePatch.operationId).toBe('patchDiscoveryV1NamespacedEndpointSlice');
    expect(slicePatch['x-kubernetes-group-version-kind']).toEqual({ group: 'discovery.k8s.io', kind: 'EndpointSlice', version: 'v1' });
  });

  test('operations per path, named like upstream', () => {
    const paths = core().paths;
    const ops = (p: string) => Object.fromEntries(Object.entries(paths[p]).filter(([k]) => k !== 'parameters').map(([k, v]: [string, any]) => [k, v.operationId]));
    expect(ops('/api/v1/namespaces/{namespace}/pods')).toEqual({
      get: 'listCoreV1NamespacedPod', post: 'createCoreV1NamespacedPod', delete: 'deleteCoreV1CollectionNamespacedPod',
    });
    expect(ops('/api/v1/namespaces/{namespace}/pods/{name}')).toEqual({
      get: 'readCoreV1NamespacedPod', put: 'replaceCoreV1NamespacedPod', patch: 'patchCoreV1NamespacedPod', delete: 'deleteCoreV1NamespacedPod',
    });
    expect(ops('/api/v1/namespaces/{namespace}/pods/{name}/status')).toEqual({
      get: 'readCoreV1NamespacedPodStatus', put: 'replaceCoreV1NamespacedPodStatus', patch: 'patchCoreV1NamespacedPodStatus',
    });
    expect(ops('/api/v1/pods')).toEqual({ get: 'listCoreV1PodForAllNamespaces' });
    expect(ops('/api/v1/nodes')).toEqual({ get: 'listCoreV1Node', post: 'createCoreV1Node', delete: 'deleteCoreV1CollectionNode' });
    // Namespaces have no deletecollection upstream; Endpoints no status subresource.
    expect(ops('/api/v1/namespaces')).toEqual({ get: 'listCoreV1Namespace', post: 'createCoreV1Namespace' });
    expect(paths['/api/v1/namespaces/{namespace}/endpoints/{name}/status']).toBeUndefined();
    expect(paths['/api/v1/namespaces/{namespace}/pods/{name}'].parameters.map((p: Json) => [p.name, p.in])).toEqual([
      ['name', 'path'], ['namespace', 'path'], ['pretty', 'query'],
    ]);
  });

  test('query parameters per verb', () => {
    const paths = core().paths;
    const names = (op: Json) => op.parameters.map((p: Json) => p.name);
    const list = paths['/api/v1/namespaces/{namespace}/services'].get;
    expect(list['x-kubernetes-action']).toBe('list');
    for (const q of ['labelSelector', 'fieldSelector', 'limit', 'continue', 'resourceVersion', 'watch', 'timeoutSeconds', 'allowWatchBookmarks']) {
      expect(names(list)).toContain(q);
    }
    expect(names(paths['/api/v1/namespaces/{namespace}/services'].post)).toEqual(['dryRun', 'fieldManager', 'fieldValidation']);
    expect(names(paths['/api/v1/namespaces/{namespace}/services/{name}'].put)).toEqual(['dryRun', 'fieldManager', 'fieldValidation']);
    expect(names(paths['/api/v1/namespaces/{namespace}/services/{name}'].delete)).toEqual([
      'dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy',
    ]);
    expect(paths['/api/v1/namespaces/{namespace}/services/{name}'].delete.requestBody.content['*/*'].schema).toEqual({
      $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
    });
    expect(list.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/io.k8s.api.core.v1.ServiceList' });
  });
});
