// /openapi/v2: the Swagger 2.0 translation of the v3 documents, its gnostic protobuf encoding
// (checked against bytes worked out by hand from OpenAPIv2.proto's field numbers, and by
// walking the real document with the read-only wire decoder), and the HTTP negotiation.

import YAML from 'yaml';
import { describe, expect, test } from 'vitest';
import { encodeGnosticDocument, negotiateOpenApiV2, swaggerDocument, OPENAPI_V2_PROTOBUF } from '../../../api/openapi/index.js';
import { readFields, utf8String, type WireField } from '../../../api/protobuf/wire.js';
import { suiteServer } from '../../support/server.js';

type Json = Record<string, any>;
const hex = (h: string) => Buffer.from(h.replace(/\s+/g, ''), 'hex').toString('hex');
const ascii = (s: string) => Buffer.from(s).toString('hex');

describe('gnostic encoding', () => {
  test('a small document encodes to the bytes OpenAPIv2.proto prescribes', () => {
    const doc = {
      swagger: '2.0',
      info: { title: 'K', version: 'v1' },
      paths: {
        '/p': {
          get: {
            operationId: 'op',
            parameters: [{ name: 'w', in: 'query', type: 'boolean', uniqueItems: true }],
            responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/D' } } },
            'x-kubernetes-action': 'get',
          },
        },
      },
      definitions: {
        D: { required: ['a'], type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-group-version-kind': [{ group: '', kind: 'D', version: 'v1' }] },
      },
    };
    const gvkYaml = '[{"group":"","kind":"D","version":"v1"}]\n';
    const expected = [
      '0a 03', ascii('2.0'), // Document.swagger = 1
      '12 07 0a 01', ascii('K'), '12 02', ascii('v1'), // Document.info = 2 {title = 1, version = 2}
      '42 73', // Document.paths = 8 (115 bytes)
      '12 71 0a 02', ascii('/p'), // Paths.path = 2: NamedPathItem {name = 1
      '12 6b 12 69', // value = 2: PathItem { get = 2: Operation (105 bytes)
      '2a 02', ascii('op'), // Operation.operation_id = 5
      '42 1c 0a 1a 12 18 1a 16', // parameters = 8: ParametersItem.parameter = 1 → Parameter.non_body_parameter = 2 → query = 3
      '12 05', ascii('query'), '22 01', ascii('w'), '32 07', ascii('boolean'), 'a0 01 01', // in = 2, name = 4, type = 6, unique_items = 20
      '4a 24 0a 22 0a 03', ascii('200'), // responses = 9: Responses.response_code = 1: NamedResponseValue {name = 1
      '12 1b 0a 19 0a 02', ascii('OK'), // value = 2: ResponseValue.response = 1: Response {description = 1
      '12 13 0a 11 0a 0f', ascii('#/definitions/D'), // schema = 2: SchemaItem.schema = 1: Schema._ref = 1
      '6a 1f 0a 13', ascii('x-kubernetes-action'), '12 08 12 06', ascii('"get"\n'), // vendor_extension = 13: NamedAny {name, value: Any.yaml = 2}
      '4a 7c 0a 7a 0a 01', ascii('D'), '12 75', // Document.definitions = 9: Definitions.additional_properties = 1: NamedSchema
      '9a 01 01', ascii('a'), // Schema.required = 19
      'b2 01 08 0a 06', ascii('object'), // Schema.type = 22: TypeItem.value = 1
      'ca 01 12 0a 10 0a 01', ascii('a'), '12 0b b2 01 08 0a 06', ascii('string'), // Schema.properties = 25
      'fa 01 4e 0a 1f', ascii('x-kubernetes-group-version-kind'), '12 2b 12 29', ascii(gvkYaml), // Schema.vendor_extension = 31
    ];
    expect(Buffer.from(encodeGnosticDocument(doc)).toString('hex')).toBe(hex(expected.join('')));
  });

  test('a oneof bool is written even when false; proto3 empty strings and false bools are not', () => {
    const bytes = encodeGnosticDocument({ swagger: '', definitions: { M: { additionalProperties: false, description: '', uniqueItems: false } } });
    // Definitions{NamedSchema{name "M", Schema{additional_properties = 21: {boolean = 2: false}}}}
    expect(Buffer.from(bytes).toString('hex')).toBe(hex(`4a 0c 0a 0a 0a 01 ${ascii('M')} 12 05 aa 01 02 10 00`));
  });

  test('keys the encoder does not know are refused, not dropped', () => {
    expect(() => encodeGnosticDocument({ definitions: { M: { type: 'integer', minimum: 0 } } })).toThrow(/minimum/);
  });
});

/** The fields of a message by number (the read-only decoder kubectl's bytes must satisfy). */
function fields(buf: Uint8Array): Map<number, WireField[]> {
  const out = new Map<number, WireField[]>();
  for (const f of readFields(buf)) out.set(f.no, [...(out.get(f.no) ?? []), f]);
  return out;
}
const str = (f: WireField | undefined) => (f?.bytes ? utf8String(f.bytes) : undefined);

/** Named{name = 1, value = 2} entries of a repeated field. */
function named(list: WireField[] | undefined): Map<string, Uint8Array> {
  return new Map((list ?? []).map((f) => {
    const m = fields(f.bytes!);
    return [str(m.get(1)?.[0])!, m.get(2)?.[0]?.bytes ?? new Uint8Array()];
  }));
}
const vendorExtensions = (list: WireField[] | undefined) =>
  Object.fromEntries([...named(list)].map(([k, any]) => [k, YAML.parse(str(fields(any).get(2)?.[0])!)]));

describe('the served document', () => {
  const doc = swaggerDocument() as Json;

  test('Swagger 2.0, definitions named as upstream, every kind carrying its GVK', () => {
    expect(doc.swagger).toBe('2.0');
    expect(doc.info).toEqual({ title: 'Kubernetes', version: 'v1.32.4' });
    for (const kind of ['Pod', 'PodList', 'Service', 'ServiceList', 'Endpoints', 'Node', 'Namespace', 'NamespaceList']) {
      expect(doc.definitions[`io.k8s.api.core.v1.${kind}`]['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind, version: 'v1' }]);
    }
    expect(doc.definitions['io.k8s.api.discovery.v1.EndpointSlice']['x-kubernetes-group-version-kind']).toEqual([
      { group: 'discovery.k8s.io', kind: 'EndpointSlice', version: 'v1' },
    ]);
    expect(Object.keys(doc.definitions)).toEqual(Object.keys(doc.definitions).sort());
  });

  test('2.0 forms: $ref into #/definitions with the description beside it, no oneOf/allOf, int-or-string a string', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('#/components/');
    expect(text).not.toContain('"oneOf"');
    expect(text).not.toContain('"allOf"');
    expect(text).not.toContain('"requestBody"');
    for (const [, r] of text.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) expect(doc.definitions[r!], r).toBeDefined();
    expect(doc.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(doc.definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'].type).toBe('string');
    expect(doc.definitions['io.k8s.api.core.v1.ServicePort'].properties.targetPort).toEqual({
      $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString',
      description: expect.stringMatching(/^Number or name of the port/),
    });
    // Open structs are free-form: kubectl's v2 validator would reject their undeclared fields.
    expect(doc.definitions['io.k8s.api.core.v1.SecurityContext'].properties).toBeUndefined();
    expect(doc.definitions['io.k8s.api.core.v1.SecurityContext'].type).toBe('object');
  });

  test('paths: the patch of every kind declares fieldValidation and the patch types, bodies are body parameters', () => {
    const patch = doc.paths['/api/v1/namespaces/{namespace}/services/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: '', kind: 'Service', version: 'v1' });
    expect(patch.consumes).toContain('application/strategic-merge-patch+json');
    expect(patch.produces).toEqual(['application/json']);
    expect(patch.parameters[0]).toEqual({ in: 'body', name: 'body', required: true, schema: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } });
    expect(patch.parameters).toContainEqual(expect.objectContaining({ name: 'fieldValidation', in: 'query', type: 'string', uniqueItems: true }));
    expect(patch.responses['200']).toEqual({ description: 'OK', schema: { $ref: '#/definitions/io.k8s.api.core.v1.Service' } });
    const list = doc.paths['/api/v1/namespaces/{namespace}/pods'].get;
    expect(list.produces).toEqual(['application/json', 'application/json;stream=watch']);
    expect(doc.paths['/api/v1/namespaces/{namespace}/pods'].parameters[0]).toMatchObject({ name: 'namespace', in: 'path', required: true, type: 'string' });
  });

  test('the protobuf carries every definition, and x-kubernetes-group-version-kind as YAML kubectl reads back', () => {
    const top = fields(encodeGnosticDocument(doc));
    expect(str(top.get(1)?.[0])).toBe('2.0');
    const definitions = named(fields(top.get(9)![0]!.bytes!).get(1));
    expect([...definitions.keys()]).toEqual(Object.keys(doc.definitions));
    const service = fields(definitions.get('io.k8s.api.core.v1.Service')!);
    expect(str(service.get(4)?.[0])).toBe(doc.definitions['io.k8s.api.core.v1.Service'].description);
    expect(vendorExtensions(service.get(31))).toEqual({ 'x-kubernetes-group-version-kind': [{ group: '', kind: 'Service', version: 'v1' }] });
    const props = named(fields(service.get(25)![0]!.bytes!).get(1));
    expect([...props.keys()]).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(str(fields(props.get('spec')!).get(1)?.[0])).toBe('#/definitions/io.k8s.api.core.v1.ServiceSpec');
    const paths = named(fields(top.get(8)![0]!.bytes!).get(2));
    expect([...paths.keys()]).toEqual(Object.keys(doc.paths));
  });
});

describe('negotiation (kube-openapi handler order)', () => {
  test.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['application/com.github.proto-openapi.spec.v2@v1.0+protobuf', 'protobuf'],
    ['application/com.github.proto-openapi.spec.v2.v1.0+protobuf', 'protobuf'],
    ['application/json;q=0.5, application/com.github.proto-openapi.spec.v2@v1.0+protobuf', 'protobuf'],
    ['*/*, application/com.github.proto-openapi.spec.v2@v1.0+protobuf', 'protobuf'],
    ['application/com.github.proto-openapi.spec.v2@v1.0+protobuf;q=0, application/json', 'json'],
    ['text/html', undefined],
    ['application/yaml', undefined],
  ])('Accept %j → %s', (accept, want) => {
    expect(negotiateOpenApiV2(accept)).toBe(want);
  });
});

describe('GET /openapi/v2', () => {
  const s = suiteServer();

  test('protobuf for the Accept kubectl sends, JSON otherwise, 406 for neither; one ETag, Vary: Accept', async () => {
    const pb = await fetch(`${s.url}/openapi/v2`, { headers: { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    expect(pb.status).toBe(200);
    expect(pb.headers.get('content-type')).toBe(OPENAPI_V2_PROTOBUF);
    expect(pb.headers.get('vary')).toMatch(/Accept/);
    expect(Buffer.from(await pb.arrayBuffer()).equals(Buffer.from(encodeGnosticDocument(swaggerDocument())))).toBe(true);

    const json = await fetch(`${s.url}/openapi/v2`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json.json()).toEqual(swaggerDocument());
    const etag = json.headers.get('etag');
    expect(etag).toMatch(/^"[0-9A-F]{128}"$/);
    expect(pb.headers.get('etag')).toBe(etag);

    const cached = await fetch(`${s.url}/openapi/v2`, { headers: { 'if-none-match': etag! } });
    expect(cached.status).toBe(304);
    const refused = await fetch(`${s.url}/openapi/v2`, { headers: { accept: 'text/html' } });
    expect(refused.status).toBe(406);
  });
});
