// The real kubectl v1.32 with a `kind: List` file — what `kubectl get svc -o yaml > f.yaml`
// writes. /openapi/v3 has no PATCH operation for v1/List, so under the default
// --validate=strict kubectl validates each item client-side against the OpenAPI v2 document,
// which it GETs from /openapi/v2 as gnostic protobuf. While that answered 404 every such apply
// failed with "error validating data: the server could not find the requested resource"; an
// undecodable document, or one whose definitions lack their GVKs, fails (or silently passes
// the bad List) here too.

import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { api } from '../support/server.js';
import { HAS_KUBECTL, kubectlSuite } from './kubectl-harness.js';

describe.skipIf(!HAS_KUBECTL)('kubectl apply/create -f of a kind: List (client-side validation against /openapi/v2)', () => {
  const SERVICES = ['svc-a', 'svc-b', 'svc-c'];

  const t = kubectlSuite('netledger-kubectl-list-');

  it('get svc -o yaml > f.yaml, delete, apply -f f.yaml: created again under default validation', async () => {
    for (const name of SERVICES) {
      const r = await t.k.run(['create', 'service', 'clusterip', name, '--tcp=80:8080']);
      expect(r.stdout).toBe(`service/${name} created\n`);
    }
    // Only these (kubectl create service labels each app=<name>), not the API server's own.
    const dump = await t.k.run(['get', 'svc', '-l', `app in (${SERVICES.join(',')})`, '-o', 'yaml']);
    expect(dump.code).toBe(0);
    const list = YAML.parse(dump.stdout);
    expect(list.kind).toBe('List');
    expect(list.items.map((i: any) => i.metadata.name)).toEqual(SERVICES);
    const path = t.file('f.yaml', dump.stdout);

    expect((await t.k.run(['delete', 'svc', ...SERVICES])).code).toBe(0);
    const r = await t.k.run(['apply', '-f', path]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(SERVICES.map((n) => `service/${n} created\n`).join(''));
    expect(r.code).toBe(0);
    for (const name of SERVICES) expect((await api(t.s.url, 'GET', `/api/v1/namespaces/default/services/${name}`)).status).toBe(200);
  });

  it('a List item with an unknown field or a wrong type gets kubectl\'s client-side validation error, and nothing is sent', async () => {
    const path = t.file(
      'bad.yaml',
      `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: bad-1
  spec:
    bogus: 1
    ports:
    - port: "eighty"
      targetPort: 80
`,
    );
    const r = await t.k.run(['apply', '-f', path, '-v=6']);
    expect(r.code).toBe(1);
    // The document was fetched and decoded: a 404 or an unreadable body would fail differently,
    // and definitions without their GVK would let this List through unvalidated.
    expect(r.stderr).toMatch(/GET http:\/\/[^ ]+\/openapi\/v2\?timeout=32s 200 OK/);
    expect(r.stderr).not.toMatch(/ (POST|PATCH) /);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([
      `error: error validating "${path}": error validating data: [` +
        'ValidationError(Service.spec): unknown field "bogus" in io.k8s.api.core.v1.ServiceSpec, ' +
        'ValidationError(Service.spec.ports[0].port): invalid type for io.k8s.api.core.v1.ServicePort.port: got "string", expected "integer"' +
        ']; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/default/services/bad-1')).status).toBe(404);
  });

  it('create -f a List of Namespaces', async () => {
    const ns = (name: string) => `- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: ${name}\n`;
    const r = await t.k.run(['create', '-f', t.file('ns.yaml', `apiVersion: v1\nkind: List\nitems:\n${ns('team-a')}${ns('team-b')}`)]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('namespace/team-a created\nnamespace/team-b created\n');
    expect(r.code).toBe(0);
  });

  it('a plain multi-document apply still validates server-side through /openapi/v3 alone', async () => {
    const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n  - port: 80\n`;
    const r = await t.k.run(['apply', '-f', t.file('multi.yaml', `${svc('multi-1')}---\n${svc('multi-2')}`), '-v=6']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('service/multi-1 created\nservice/multi-2 created\n');
    expect(r.stderr).toMatch(/\/openapi\/v3\/api\/v1\?hash=/);
    expect(r.stderr).not.toMatch(/\/openapi\/v2/);
    expect(r.stderr).toMatch(/POST http:\/\/[^ ]+\/api\/v1\/namespaces\/default\/services\?fieldManager=kubectl-client-side-apply&fieldValidation=Strict 201/);
  });

  it('explain keeps working from /openapi/v3, and the v2 document answers explain --output=plaintext-openapiv2', async () => {
    const v3 = await t.k.run(['explain', 'svc.spec.ports.port']);
    expect(v3.code).toBe(0);
    expect(v3.stdout).toContain('KIND:       Service\nVERSION:    v1\n');
    expect(v3.stdout).toContain('FIELD: port <integer>');

    const v2 = await t.k.run(['explain', 'svc.spec.ports', '--output=plaintext-openapiv2']);
    expect(v2.stderr).toBe('');
    expect(v2.code).toBe(0);
    expect(v2.stdout).toContain('KIND:     Service\nVERSION:  v1\n\nRESOURCE: ports <[]Object>');
    expect(v2.stdout).toMatch(/ {3}port\t<integer> -required-\n {5}The port that will be exposed by this service\./);
    expect(v2.stdout).toMatch(/ {3}targetPort\t<string>\n {5}Number or name of the port/);
  });
});
