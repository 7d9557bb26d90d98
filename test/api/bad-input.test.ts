// Bad input gets a Status with the right code, reason and causes, and writes nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, removeDir, startTestServer, type TestServer } from '../support/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
});
afterAll(async () => {
  await s.stop();
  removeDir(s.dataDir);
});

async function expectRejected(req: Promise<{ status: number; json: any }>, code: number, reason: string) {
  const before = s.ledger.committedRv;
  const r = await req;
  expect(r.status).toBe(code);
  expect(r.json).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason });
  expect(s.ledger.committedRv).toBe(before);
  return r.json;
}

const podsPath = '/api/v1/namespaces/default/pods';

describe('bad input', () => {
  it('malformed JSON is 400 BadRequest', async () => {
    await expectRejected(api(s.url, 'POST', podsPath, '{"metadata": {'), 400, 'BadRequest');
  });

  it('malformed YAML in an apply patch is 400 BadRequest', async () => {
    await expectRejected(
      api(s.url, 'PATCH', `${podsPath}/x?fieldManager=t`, 'metadata: [unclosed', { 'content-type': 'application/apply-patch+yaml' }),
      400,
      'BadRequest',
    );
  });

  it('a wrong JSON type is 400 with the decoder text', async () => {
    const st = await expectRejected(
      api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'bad' }, spec: { ports: [{ port: '80' }] } }),
      400,
      'BadRequest',
    );
    expect(st.message).toContain('cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32');
  });

  it('a quantity that ParseQuantity refuses is 400 on a create, 422 on `patch` in the result of a patch, and stores nothing; a good one is stored as Quantity writes it', async () => {
    const withResources = (name: string, requests: Record<string, unknown>) => ({
      metadata: { name },
      spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests } }] },
    });
    const st = await expectRejected(api(s.url, 'POST', podsPath, withResources('badq', { cpu: '2x', memory: 'lots' })), 400, 'BadRequest');
    expect(st.message).toBe(`Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
    expect((await api(s.url, 'GET', `${podsPath}/badq`)).status).toBe(404);
    const ok = await api(s.url, 'POST', podsPath, withResources('goodq', { cpu: 0.5, memory: '1024Mi' }));
    expect([ok.status, ok.json.spec.containers[0].resources.requests]).toEqual([201, { cpu: '500m', memory: '1Gi' }]);
    // A patch's quantities too (a node's allocatable through the status subresource).
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'node-q' } });
    const patched = await api(s.url, 'PATCH', '/api/v1/nodes/node-q/status', { status: { allocatable: { cpu: '4000m', memory: 2 ** 31 } } }, { 'content-type': 'application/merge-patch+json' });
    expect([patched.status, patched.json.status.allocatable]).toEqual([200, { cpu: '4', memory: '2147483648' }]);
    // A JSON patch's values are decoded with the patched object, and a value the type refuses is
    // NewInvalid's 422 on `patch` that shows the patched object (patch.go jsonPatcher).
    const jsonPatch = { 'content-type': 'application/json-patch+json' };
    const head = s.ledger.committedRv;
    const bad = await expectRejected(api(s.url, 'PATCH', '/api/v1/nodes/node-q/status', [{ op: 'replace', path: '/status/allocatable/cpu', value: '2x' }], jsonPatch), 422, 'Invalid');
    // The document as json-patch holds it: the levels its operations went through have sorted keys.
    expect(bad.message.startsWith(' "" is invalid: patch: Invalid value: "{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Node\\",\\"metadata\\":')).toBe(true);
    expect(bad.message.endsWith(`\\"cpu\\":\\"2x\\",\\"memory\\":\\"2147483648\\"}}}": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`)).toBe(true);
    expect(bad.details.causes.map((c: { field: string; reason: string }) => [c.field, c.reason])).toEqual([['patch', 'FieldValueInvalid']]);
    const good = await api(s.url, 'PATCH', '/api/v1/nodes/node-q/status', [{ op: 'replace', path: '/status/allocatable/cpu', value: 0.25 }], jsonPatch);
    expect([good.status, good.json.status.allocatable.cpu]).toEqual([200, '250m']);
    const unschedulable = 'json: cannot unmarshal string into Go struct field NodeSpec.spec.unschedulable of type bool';
    const typed = await expectRejected(api(s.url, 'PATCH', '/api/v1/nodes/node-q', [{ op: 'add', path: '/spec/unschedulable', value: 'yes' }], jsonPatch), 422, 'Invalid');
    expect(typed.message).toMatch(/^ "" is invalid: patch: Invalid value: "\{.*\\"unschedulable\\":\\"yes\\".*\}": json: cannot unmarshal string into Go struct field NodeSpec\.spec\.unschedulable of type bool$/);
    // A merge patch's result is decoded the same way; a strategic merge patch's by the unstructured
    // converter, in its words, with the patch shown as Go prints the map.
    const merged = await expectRejected(api(s.url, 'PATCH', '/api/v1/nodes/node-q', { spec: { unschedulable: 'yes' } }, { 'content-type': 'application/merge-patch+json' }), 422, 'Invalid');
    expect(merged.message.endsWith(`": ${unschedulable}`)).toBe(true);
    const smp = { 'content-type': 'application/strategic-merge-patch+json' };
    const strategic = await expectRejected(api(s.url, 'PATCH', '/api/v1/nodes/node-q', { spec: { unschedulable: 'yes' } }, smp), 422, 'Invalid');
    expect(strategic.message).toBe(' "" is invalid: patch: Invalid value: "map[spec:map[unschedulable:yes]]": unrecognized type: bool');
    // After the patch applies, so a missing object is a 404 first.
    await expectRejected(api(s.url, 'PATCH', '/api/v1/nodes/no-such-node', { spec: { unschedulable: 'yes' } }, smp), 404, 'NotFound');
    expect(s.ledger.committedRv).toBe(head + 1);
  });

  it('an invalid name is 422 Invalid with the field cause', async () => {
    const st = await expectRejected(api(s.url, 'POST', podsPath, { metadata: { name: 'Bad_Name' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }), 422, 'Invalid');
    expect(st.details.causes[0]).toMatchObject({ reason: 'FieldValueInvalid', field: 'metadata.name' });
    expect(st.message).toMatch(/^Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });

  it('a body over 3 MiB is 413', async () => {
    const big = { metadata: { name: 'big', annotations: { a: 'x'.repeat(3 * 1024 * 1024 + 10) } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    await expectRejected(api(s.url, 'POST', podsPath, big), 413, 'RequestEntityTooLarge');
  });

  it('an unsupported media type is 415', async () => {
    await expectRejected(api(s.url, 'POST', podsPath, 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UnsupportedMediaType');
    await expectRejected(api(s.url, 'PATCH', `${podsPath}/x`, '{}', { 'content-type': 'application/json' }), 415, 'UnsupportedMediaType');
    // A patch media type is not a whole object: kube-apiserver refuses it on create and replace.
    await expectRejected(api(s.url, 'POST', podsPath, '{}', { 'content-type': 'application/merge-patch+json' }), 415, 'UnsupportedMediaType');
    await expectRejected(api(s.url, 'PUT', `${podsPath}/x`, '{}', { 'content-type': 'application/strategic-merge-patch+json' }), 415, 'UnsupportedMediaType');
    // Each names what its method takes, also for a type no parser knows.
    const patch = await expectRejected(api(s.url, 'PATCH', `${podsPath}/x`, 'x', { 'content-type': 'text/plain' }), 415, 'UnsupportedMediaType');
    expect(patch.message).toBe('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json');
    const post = await expectRejected(api(s.url, 'POST', podsPath, 'x', { 'content-type': 'text/plain' }), 415, 'UnsupportedMediaType');
    expect(post.message).toBe('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf');
  });

  it('a path that is not valid percent-encoding, and a request the HTTP parser refuses, are answered with a Status', async () => {
    const bad = await fetch(`${s.url}${podsPath}/%zz`);
    expect([bad.status, (await bad.json()).kind]).toEqual([400, 'Status']);
    const { connect } = await import('node:net');
    const url = new URL(s.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const sock = connect(Number(url.port), url.hostname, () => sock.write(`FOO ${podsPath} HTTP/1.1\r\nHost: x\r\n\r\n`));
      let got = '';
      sock.setEncoding('utf8').on('data', (d: string) => (got += d)).on('close', () => resolve(got)).on('error', reject);
      sock.setTimeout(5000, () => sock.destroy());
    });
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest' });
  });

  it('a protobuf body to a resource nothing serves is 404, not a decoding error (kubectl create configmap)', async () => {
    const field = (n: number, bytes: Buffer) => Buffer.concat([Buffer.from([(n << 3) | 2, bytes.length]), bytes]);
    const envelope = (apiVersion: string, kind: string) =>
      Buffer.concat([Buffer.from('k8s\0', 'latin1'), field(1, Buffer.concat([field(1, Buffer.from(apiVersion)), field(2, Buffer.from(kind))])), field(2, Buffer.alloc(0))]);
    for (const [path, apiVersion, kind] of [
      ['/apis/policy/v1/namespaces/default/poddisruptionbudgets', 'policy/v1', 'PodDisruptionBudget'],
      ['/api/v1/namespaces/default/configmaps', 'v1', 'ConfigMap'],
    ]) {
      const r = await fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/vnd.kubernetes.protobuf' }, body: envelope(apiVersion!, kind!) });
      expect(r.status).toBe(404);
      expect(await r.json()).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    }
    // Where the resource exists, an undecodable body is still the 400 it was.
    const bad = await fetch(`${s.url}${podsPath}`, { method: 'POST', headers: { 'content-type': 'application/vnd.kubernetes.protobuf' }, body: envelope('v1', 'ConfigMap') });
    expect(bad.status).toBe(400);
  });

  it('a patch that changes metadata.uid is 422 (immutable), not a precondition', async () => {
    await api(s.url, 'POST', podsPath, { metadata: { name: 'uid-patch' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const st = await expectRejected(api(s.url, 'PATCH', `${podsPath}/uid-patch`, { metadata: { uid: 'x-forged' } }, { 'content-type': 'application/merge-patch+json' }), 422, 'Invalid');
    expect(st.details.causes).toEqual([{ reason: 'FieldValueInvalid', field: 'metadata.uid', message: 'Invalid value: "x-forged": field is immutable' }]);
    // Dropping the uid keeps the stored one (kubectl apply sends "uid": null once an exported
    // object's uid got into its last-applied annotation); a generation sent is not kept.
    const uid = (await api(s.url, 'GET', `${podsPath}/uid-patch`)).json.metadata.uid;
    const dropped = await api(s.url, 'PATCH', `${podsPath}/uid-patch`, { metadata: { uid: null, generation: 5, labels: { a: 'b' } } }, { 'content-type': 'application/merge-patch+json' });
    expect([dropped.status, dropped.json.metadata.uid, dropped.json.metadata.generation, dropped.json.metadata.labels]).toEqual([200, uid, undefined, { a: 'b' }]);
  });

  it('a patch that moves the object to another namespace is 400 (checkName), and changes nothing', async () => {
    await api(s.url, 'POST', podsPath, { metadata: { name: 'ns-patch' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const st = await expectRejected(api(s.url, 'PATCH', `${podsPath}/ns-patch`, { metadata: { namespace: 'kube-system' } }, { 'content-type': 'application/merge-patch+json' }), 400, 'BadRequest');
    expect(st.message).toBe('the namespace of the object (kube-system) does not match the namespace on the request (default)');
    expect((await api(s.url, 'GET', '/api/v1/namespaces/kube-system/pods/ns-patch')).status).toBe(404);
    // Clearing it is no move: the request's namespace stands.
    const cleared = await api(s.url, 'PATCH', `${podsPath}/ns-patch`, { metadata: { namespace: null, labels: { a: 'b' } } }, { 'content-type': 'application/merge-patch+json' });
    expect([cleared.status, cleared.json.metadata.namespace]).toEqual([200, 'default']);
  });

  it('a netledger.io path asked with a method it does not serve is 405, not 404', async () => {
    await expectRejected(api(s.url, 'POST', '/apis/netledger.io/v1/events', {}), 405, 'MethodNotAllowed');
    await expectRejected(api(s.url, 'GET', '/apis/netledger.io/v1/previews'), 405, 'MethodNotAllowed');
    await expectRejected(api(s.url, 'DELETE', '/apis/netledger.io/v1/nodes/n/tables/iptables'), 405, 'MethodNotAllowed');
  });

  it('a status whose podIPs disagree with podIP is read as podIP says (the v1 conversion), not refused', async () => {
    await api(s.url, 'POST', podsPath, { metadata: { name: 'ips' }, spec: { nodeName: 'node-ips', containers: [{ name: 'c', image: 'nginx' }] } });
    const merge = { 'content-type': 'application/merge-patch+json' };
    const same = await api(s.url, 'PATCH', `${podsPath}/ips/status`, { status: { podIP: '10.244.9.9', podIPs: [{ ip: '10.244.9.10' }] } }, merge);
    expect([same.status, same.json.status.podIP, same.json.status.podIPs]).toEqual([200, '10.244.9.9', [{ ip: '10.244.9.9' }]]);
    const bad = await expectRejected(api(s.url, 'PATCH', `${podsPath}/ips/status`, { status: { podIP: 'bad', podIPs: null } }, merge), 422, 'Invalid');
    expect(bad.details.causes[0].field).toBe('status.podIPs[0]');
  });

  it('an unknown resource is 404 NotFound', async () => {
    await expectRejected(api(s.url, 'GET', '/api/v1/namespaces/default/widgets'), 404, 'NotFound');
    await expectRejected(api(s.url, 'POST', '/api/v1/namespaces/default/widgets', { metadata: { name: 'w' } }), 404, 'NotFound');
  });

  it('a stale resourceVersion is 409 Conflict', async () => {
    const st = await expectRejected(
      api(s.url, 'PUT', '/api/v1/namespaces/default/services/web', { metadata: { name: 'web', resourceVersion: '1' }, spec: { selector: { app: 'x' }, ports: [{ port: 80 }] } }),
      409,
      'Conflict',
    );
    expect(st.details).toMatchObject({ name: 'web', kind: 'services' });
  });

  it('a namespace in the body different from the URL is 400', async () => {
    const st = await expectRejected(api(s.url, 'POST', podsPath, { metadata: { name: 'p', namespace: 'other' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }), 400, 'BadRequest');
    expect(st.message).toBe('the namespace of the provided object does not match the namespace sent on the request');
  });

  it('a replace whose body names another object, or none, is 400 (as kube-apiserver\'s update handler)', async () => {
    await api(s.url, 'POST', podsPath, { metadata: { name: 'named' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const other = await expectRejected(api(s.url, 'PUT', `${podsPath}/named`, { metadata: { name: 'other' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }), 400, 'BadRequest');
    expect(other.message).toBe('the name of the object (other) does not match the name on the URL (named)');
    const none = await expectRejected(api(s.url, 'PUT', `${podsPath}/named`, {}), 400, 'BadRequest');
    expect(none.message).toBe('the name of the object () does not match the name on the URL (named)');
  });

  it('a replace carrying another uid fails its precondition (409), as upstream: a stale copy of a recreated object', async () => {
    const created = await api(s.url, 'POST', podsPath, { metadata: { name: 'uid-pod' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const stale = { ...created.json, metadata: { ...created.json.metadata, uid: '0000-forged' } };
    const st = await expectRejected(api(s.url, 'PUT', `${podsPath}/uid-pod`, stale), 409, 'Conflict');
    expect(st.message).toBe(`Operation cannot be fulfilled on pods "uid-pod": Precondition failed: UID in precondition: 0000-forged, UID in object meta: ${created.json.metadata.uid}`);
  });

  it('a get at a resourceVersion the log has not reached waits, then answers 504 ResourceVersionTooLarge', async () => {
    await api(s.url, 'POST', podsPath, { metadata: { name: 'rv-pod' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const now = await api(s.url, 'GET', `${podsPath}/rv-pod?resourceVersion=${s.ledger.committedRv}`);
    expect(now.status).toBe(200);
    const ahead = await api(s.url, 'GET', `${podsPath}/rv-pod?resourceVersion=${s.ledger.committedRv + 1000}`);
    expect(ahead.status).toBe(504);
    expect(ahead.json.details.causes).toEqual([{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }]);
    expect(ahead.json.message).toBe(`Timeout: Too large resource version: ${s.ledger.committedRv + 1000}, current: ${s.ledger.committedRv}`);
    // client-go's rest client retries a 504 on its own only when this header is there.
    expect([ahead.headers.get('retry-after'), ahead.json.details.retryAfterSeconds]).toEqual(['1', 1]);
  });

  it('strict field validation rejects unknown fields; warn answers with a Warning header', async () => {
    const body = { metadata: { name: 'w' }, spec: { containers: [{ name: 'c', image: 'nginx' }], bogus: 1 } };
    const st = await expectRejected(api(s.url, 'POST', `${podsPath}?fieldValidation=Strict`, body), 400, 'BadRequest');
    expect(st.message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.bogus"');
    const warned = await api(s.url, 'POST', podsPath, body);
    expect(warned.status).toBe(201);
    expect(warned.headers.get('warning')).toBe('299 - "unknown field \\"spec.bogus\\""');
    // Warned about, then dropped, as decoding into the typed object drops it: never stored.
    expect(warned.json.spec.bogus).toBeUndefined();
    expect((await api(s.url, 'GET', `${podsPath}/w`)).json.spec.bogus).toBeUndefined();
  });

  it('a key repeated in a JSON body is a strict decoding error, a warning by default, and ignored under Ignore', async () => {
    const raw = (name: string, query: string) =>
      fetch(`${s.url}${podsPath}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"metadata":{"name":"${name}","name":"${name}-2"},"spec":{"containers":[{"name":"c","image":"a","image":"b"}]}}` });
    const strict = await raw('dup', '?fieldValidation=Strict');
    const st = await strict.json();
    expect([strict.status, st.reason, st.message]).toEqual([
      400,
      'BadRequest',
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: duplicate field "metadata.name", duplicate field "spec.containers[0].image"',
    ]);
    expect((await api(s.url, 'GET', `${podsPath}/dup-2`)).status).toBe(404);
    const warned = await raw('dupw', '');
    expect(warned.status).toBe(201);
    expect(warned.headers.get('warning')).toBe('299 - "duplicate field \\"metadata.name\\"", 299 - "duplicate field \\"spec.containers[0].image\\""');
    expect((await warned.json()).spec.containers[0].image).toBe('b');
    expect((await raw('dupi', '?fieldValidation=Ignore')).headers.get('warning')).toBeNull();
    // A merge patch's body too: there, a 422 on `patch` (see the next test).
    const patched = await fetch(`${s.url}${podsPath}/dupw-2?fieldValidation=Strict`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: '{"metadata":{"labels":{"a":"1"},"labels":{"b":"2"}}}',
    });
    const pst = await patched.json();
    expect([patched.status, pst.reason]).toEqual([422, 'Invalid']);
    expect(pst.message).toMatch(/ strict decoding error: duplicate field "metadata\.labels"$/);
  });

  it('a patch whose result has unknown fields: a warning by default, and under Strict a 422 on `patch` that writes nothing', async () => {
    await api(s.url, 'POST', podsPath, { metadata: { name: 'pstrict' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const path = `${podsPath}/pstrict`;
    const send = (type: string, body: unknown, query = '') =>
      fetch(`${s.url}${path}${query}`, { method: 'PATCH', headers: { 'content-type': `application/${type}+json` }, body: JSON.stringify(body) });
    const head = s.ledger.committedRv;

    // A JSON patch's ops may put anything anywhere: the result is decoded as upstream decodes it.
    const jsonStrict = await send('json-patch', [{ op: 'add', path: '/spec/bogus', value: 1 }], '?fieldValidation=Strict');
    const js = await jsonStrict.json();
    expect([jsonStrict.status, js.kind, js.reason, js.details.causes.length, js.details.causes[0].field, js.details.causes[0].reason]).toEqual([422, 'Status', 'Invalid', 1, 'patch', 'FieldValueInvalid']);
    // NewInvalid(schema.GroupKind{}, "", …): no kind and no name, the patched document as the value.
    expect(js.message.startsWith(' "" is invalid: patch: Invalid value: "{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Pod\\",\\"metadata\\":')).toBe(true);
    expect(js.message).toContain('\\"bogus\\":1');
    expect(js.message.endsWith('": strict decoding error: unknown field "spec.bogus"')).toBe(true);
    expect(js.details.name).toBeUndefined();

    // A merge patch: the same answer.
    const merge = await send('merge-patch', { spec: { bogus: 2 } }, '?fieldValidation=Strict');
    expect([merge.status, (await merge.json()).message]).toEqual([422, expect.stringMatching(/\\"bogus\\":2.*": strict decoding error: unknown field "spec\.bogus"$/)]);
    // A strategic merge patch shows the patch as Go prints the decoded map.
    const smp = await send('strategic-merge-patch', { spec: { bogus: 2.5, activeDeadlineSeconds: 1000000 }, metadata: { labels: { a: 'x y' } } }, '?fieldValidation=Strict');
    expect([smp.status, (await smp.json()).message]).toEqual([
      422,
      ' "" is invalid: patch: Invalid value: "map[metadata:map[labels:map[a:x y]] spec:map[activeDeadlineSeconds:1000000 bogus:2.5]]": strict decoding error: unknown field "spec.bogus"',
    ]);
    // A JSON patch operation's own unknown and repeated keys come first, operation by operation,
    // named as applyJSPatch names them.
    const opKeys = await fetch(`${s.url}${path}?fieldValidation=Strict`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json-patch+json' },
      body: '[{"op":"add","path":"/spec/bogus","value":1,"extra":true},{"op":"add","path":"/x","path":"/metadata/labels","value":{"a":"b"}}]',
    });
    expect((await opKeys.json()).message).toMatch(/strict decoding error: json patch unknown field "\[0\]\.extra", json patch duplicate field "\[1\]\.path", unknown field "spec\.bogus"$/);
    // The result's unknown fields, not the body's: in document order with keys sorted, at their
    // place in a merged list, and none where a null removed them.
    const sorted = await send('merge-patch', { spec: { zzz: 1, aaa: { b: 1 } } }, '?fieldValidation=Strict');
    expect((await sorted.json()).message).toMatch(/strict decoding error: unknown field "spec\.aaa", unknown field "spec\.zzz"$/);
    expect(s.ledger.committedRv).toBe(head);
    await api(s.url, 'POST', podsPath, { metadata: { name: 'pstrict2' }, spec: { containers: [{ name: 'c1', image: 'nginx' }, { name: 'c2', image: 'nginx' }] } });
    const merged = await fetch(`${s.url}${podsPath}/pstrict2?fieldValidation=Strict`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/strategic-merge-patch+json' },
      body: JSON.stringify({ spec: { containers: [{ name: 'c2', bogus: 1 }] } }),
    });
    expect((await merged.json()).message).toMatch(/strict decoding error: unknown field "spec\.containers\[1\]\.bogus"$/);
    const removed = await send('merge-patch', { spec: { bogus: null }, metadata: { labels: { n: '1' } } }, '?fieldValidation=Strict');
    expect([removed.status, removed.headers.get('warning')]).toEqual([200, null]);
    const head2 = s.ledger.committedRv;
    // Under Warn (the default) and Strict the operations are decoded strictly first: a wrongly
    // typed field or document is a 400 in encoding/json's words (after the 404, as upstream).
    const typed = await send('json-patch', [{ op: 'add', path: 5, value: 1 }]);
    expect([typed.status, (await typed.json()).message]).toEqual([400, 'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string']);
    const notList = await send('json-patch', { op: 'add' });
    expect([notList.status, (await notList.json()).message]).toEqual([400, 'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp']);
    // Under Ignore only jsonpatch.DecodePatch reads the body; Apply then fails the operation with
    // json-patch v4's words, as the cause of NewGenericServerResponse's 422 (patch.go applyJSPatch).
    const ignored = await send('json-patch', [{ op: 'add', path: 5, value: 1 }], '?fieldValidation=Ignore');
    const ig = await ignored.json();
    expect([ignored.status, ig.reason, ig.details.causes]).toEqual([422, 'Invalid', [{ message: 'add operation failed to decode path: missing value' }]]);
    const notListIgnored = await send('json-patch', { op: 'add' }, '?fieldValidation=Ignore');
    expect([notListIgnored.status, (await notListIgnored.json()).message]).toEqual([400, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch']);
    // A patch that fails for another reason sends no warnings: they come with a decoded result.
    const missing = await fetch(`${s.url}${podsPath}/no-such-pod`, { method: 'PATCH', headers: { 'content-type': 'application/json-patch+json' }, body: '[{"op":"add","path":"/spec/bogus","value":1,"extra":true}]' });
    expect([missing.status, missing.headers.get('warning')]).toEqual([404, null]);
    const missingTyped = await fetch(`${s.url}${podsPath}/no-such-pod`, { method: 'PATCH', headers: { 'content-type': 'application/json-patch+json' }, body: '[{"op":"add","path":5}]' });
    expect(missingTyped.status).toBe(404);
    expect(s.ledger.committedRv).toBe(head2);

    // Warn (the default): applied, the unknown field warned about and dropped.
    const warned = await send('json-patch', [
      { op: 'add', path: '/spec/bogus', value: 1, extra: true },
      { op: 'add', path: '/metadata/labels', value: { a: 'b' } },
    ]);
    expect(warned.status).toBe(200);
    expect(warned.headers.get('warning')).toBe('299 - "json patch unknown field \\"[0].extra\\"", 299 - "unknown field \\"spec.bogus\\""');
    const got = await api(s.url, 'GET', path);
    expect([got.json.metadata.labels, got.json.spec.bogus]).toEqual([{ a: 'b' }, undefined]);
    // Ignore: applied, not a word.
    const quiet = await send('json-patch', [{ op: 'add', path: '/spec/bogus', value: 1 }], '?fieldValidation=Ignore');
    expect([quiet.status, quiet.headers.get('warning')]).toEqual([200, null]);
    // A dry run warns as the write would.
    const dry = await send('json-patch', [{ op: 'add', path: '/spec/bogus', value: 1 }], '?dryRun=All');
    expect([dry.status, dry.headers.get('warning')]).toEqual([200, '299 - "unknown field \\"spec.bogus\\""']);
    expect(s.ledger.committedRv).toBe(head2 + 1);
  });

  // patch.go applyJSPatch: jsonpatch.DecodePatch only unmarshals the operations; evanphx/json-patch
  // v4's Apply then fails a bad one, and the handler answers NewGenericServerResponse(422):
  // reason Invalid, the fixed message, the library's text as the cause (not a 400).
  it('a JSON patch operation json-patch v4 cannot apply (unknown op, no path, no from) is 422 after the 404, and writes nothing', async () => {
    await api(s.url, 'POST', podsPath, { metadata: { name: 'jp-ops', labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const send = (name: string, ops: unknown) => api(s.url, 'PATCH', `${podsPath}/${name}`, ops, { 'content-type': 'application/json-patch+json' });
    const head = s.ledger.committedRv;
    for (const [ops, cause] of [
      [[{ op: 'bogus', path: '/x' }], 'Unexpected kind: bogus'],
      [[{ path: '/x', value: 1 }], 'Unexpected kind: unknown'],
      [[{ op: 'add', value: 1 }], 'add operation failed to decode path: missing value'],
      [[{ op: 'replace', value: 1 }], 'replace operation failed to decode path: operation missing path field: missing value'],
      [[{ op: 'move', path: '/metadata/labels/c' }], 'move operation failed to decode from: operation, missing from field: missing value'],
      [[{ op: 'copy', path: '/metadata/labels/c' }], 'copy operation failed to decode from: operation, missing from field: missing value'],
      [[{ op: 'add', path: '/metadata/labels/c', value: 'd' }, { op: 'bogus' }], 'Unexpected kind: bogus'],
    ] as const) {
      const r = await send('jp-ops', ops);
      expect([r.status, r.json.kind, r.json.reason, r.json.message, r.json.details?.causes]).toEqual([
        422,
        'Status',
        'Invalid',
        'the server rejected our request due to an error in our request',
        [{ message: cause }],
      ]);
    }
    // The object is read first: a missing one is 404 whatever the operations.
    expect((await send('jp-none', [{ op: 'bogus', path: '/x' }])).status).toBe(404);
    expect(s.ledger.committedRv).toBe(head);
  });

  it('namespaces have no deletecollection: 405, and no namespace is deleted', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces', { metadata: { name: 'dc-a', labels: { grp: 'dc' } } });
    const r = await api(s.url, 'DELETE', '/api/v1/namespaces?labelSelector=grp%3Ddc');
    expect([r.status, r.json.reason]).toEqual([405, 'MethodNotAllowed']);
    expect((await api(s.url, 'GET', '/api/v1/namespaces/dc-a')).json.status.phase).toBe('Active');
  });

  it('a DELETE body of another kind than DeleteOptions is 400 and deletes nothing', async () => {
    await api(s.url, 'POST', podsPath, { metadata: { name: 'del-kind' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    for (const body of [{ kind: 'Service', apiVersion: 'v1' }, { kind: 'Pod' }]) {
      const r = await api(s.url, 'DELETE', `${podsPath}/del-kind`, body);
      expect([r.status, r.json.reason]).toEqual([400, 'BadRequest']);
      expect(r.json.message).toMatch(/^no kind "(Service|Pod)" is registered for version "v1"/);
    }
    expect((await api(s.url, 'GET', `${podsPath}/del-kind`)).status).toBe(200);
    expect((await api(s.url, 'DELETE', `${podsPath}/del-kind`, { kind: 'DeleteOptions', apiVersion: 'meta.k8s.io/v1', gracePeriodSeconds: 0 })).status).toBe(200);
  });

  it('query values convert as apimachinery converts them: integers strictly, any boolean but false/0 is true', async () => {
    for (const q of ['limit=99999999999999999999', 'limit=abc', 'timeoutSeconds=abc']) {
      const r = await api(s.url, 'GET', `${podsPath}?${q}`);
      expect([q, r.status, r.json.reason]).toEqual([q, 400, 'BadRequest']);
    }
    const list = await api(s.url, 'GET', `${podsPath}?watch=False`);
    expect(list.json.kind).toBe('PodList');
    const watch = await fetch(`${s.url}${podsPath}?watch=maybe&timeoutSeconds=1`);
    expect(watch.headers.get('content-type')).toContain('json');
    const lines = (await watch.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.every((l) => l.type === 'ADDED')).toBe(true);
  });

  it('a YAML body is read as kube-apiserver reads it (YAML 1.1 scalars): `yes` is a boolean, 010 is octal', async () => {
    const yaml = (labels: string, port: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: y11\n  labels: {${labels}}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports: [{containerPort: ${port}}]\n`;
    const bool = await api(s.url, 'POST', podsPath, yaml('a: yes', '80'), { 'content-type': 'application/yaml' });
    expect([bool.status, bool.json.message]).toEqual([400, 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string']);
    const octal = await api(s.url, 'POST', podsPath, yaml('a: "yes", t: 2001-12-14', '010'), { 'content-type': 'application/yaml' });
    expect(octal.status).toBe(201);
    expect([octal.json.metadata.labels, octal.json.spec.containers[0].ports[0].containerPort]).toEqual([{ a: 'yes', t: '2001-12-14' }, 8]);
  });

  it('a fieldValidation value that is none of Ignore, Warn, Strict is 422 on the options kind, and writes nothing', async () => {
    const body = { metadata: { name: 'fv' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const created = await expectRejected(api(s.url, 'POST', `${podsPath}?fieldValidation=Bogus`, body), 422, 'Invalid');
    expect(created.message).toBe('CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Bogus": supported values: "", "Ignore", "Strict", "Warn"');
    expect((await api(s.url, 'GET', `${podsPath}/fv`)).status).toBe(404);
    expect((await api(s.url, 'POST', podsPath, body)).status).toBe(201);
    const patched = await expectRejected(api(s.url, 'PATCH', `${podsPath}/fv?fieldValidation=strict`, [{ op: 'add', path: '/metadata/labels', value: { a: 'b' } }], { 'content-type': 'application/json-patch+json' }), 422, 'Invalid');
    expect(patched.message).toMatch(/^PatchOptions\.meta\.k8s\.io "" is invalid: fieldValidation: Unsupported value: "strict"/);
    expect((await api(s.url, 'GET', `${podsPath}/fv`)).json.metadata.labels).toBeUndefined();
  });

  it('unknown fields are never stored: not from a patch, not under Ignore, and a strategic patch\'s directives are no fields', async () => {
    const svcPath = '/api/v1/namespaces/default/services';
    expect((await api(s.url, 'POST', `${svcPath}?fieldValidation=Ignore`, { metadata: { name: 'u', bogus: 1 }, spec: { ports: [{ port: 80, junk: 2 }] }, extra: 3 })).status).toBe(201);
    const merge = await api(s.url, 'PATCH', `${svcPath}/u`, { spec: { foo: 1 } }, { 'content-type': 'application/merge-patch+json' });
    expect(merge.headers.get('warning')).toBe('299 - "unknown field \\"spec.foo\\""');
    const strategic = await api(s.url, 'PATCH', `${svcPath}/u`, { spec: { '$setElementOrder/ports': [{ port: 81 }, { port: 80 }], ports: [{ port: 81, name: 'b', junk: 1 }, { port: 80, name: 'a' }] } }, { 'content-type': 'application/strategic-merge-patch+json' });
    expect(strategic.status).toBe(200);
    expect(strategic.headers.get('warning')).toBe('299 - "unknown field \\"spec.ports[0].junk\\""');
    const stored = (await api(s.url, 'GET', `${svcPath}/u`)).json;
    expect(stored.spec.ports.map((p: { port: number }) => p.port)).toEqual([81, 80]);
    const text = JSON.stringify(stored);
    for (const name of ['bogus', 'junk', 'extra', '"foo"']) expect(text, name).not.toContain(name);
  });

  it('list options are validated as apimachinery does: 422 on ListOptions.meta.k8s.io, every problem named', async () => {
    const cases: [string, string][] = [
      ['resourceVersionMatch=Exact', 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided'],
      ['resourceVersion=0&resourceVersionMatch=Exact', 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"'],
      ['resourceVersion=1&resourceVersionMatch=Foo', 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Unsupported value: "Foo": supported values: "Exact", "NotOlderThan", ""'],
      ['sendInitialEvents=true', 'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list'],
    ];
    for (const [query, message] of cases) {
      const st = await expectRejected(api(s.url, 'GET', `${podsPath}?${query}`), 422, 'Invalid');
      expect(st.message).toBe(message);
    }
  });

  it('sendInitialEvents is rejected with a 4xx so clients fall back to list+watch', async () => {
    const r = await api(s.url, 'GET', `${podsPath}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`);
    expect(r.status).toBe(422);
    expect(r.json.kind).toBe('Status');
  });

  it('a watch takes resourceVersionMatch only with sendInitialEvents, as NotOlderThan (validateWatchOptions)', async () => {
    const exact = await api(s.url, 'GET', `${podsPath}?watch=true&resourceVersion=1&resourceVersionMatch=Exact`);
    expect(exact.status).toBe(422);
    expect(exact.json.details.causes).toEqual([
      { reason: 'FieldValueForbidden', field: 'resourceVersionMatch', message: 'Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided' },
      { reason: 'FieldValueNotSupported', field: 'resourceVersionMatch', message: 'Unsupported value: "Exact": supported values: "NotOlderThan"' },
    ]);
    expect((await api(s.url, 'GET', `${podsPath}?watch=true&resourceVersionMatch=NotOlderThan`)).json.details.causes.map((c: any) => c.reason)).toEqual(['FieldValueForbidden']);
  });
});

describe('dryRun=All', () => {
  it('answers the object and the table impact, and writes nothing (allocators untouched)', async () => {
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'dry-node' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.40' }] } });
    const before = s.ledger.committedRv;
    const body = { metadata: { name: 'dry' }, spec: { type: 'NodePort', selector: { app: 'dry' }, ports: [{ port: 80 }] } };
    const dry = await api(s.url, 'POST', '/api/v1/namespaces/default/services?dryRun=All', body);
    expect(dry.status).toBe(201);
    expect(dry.json.metadata.resourceVersion).toBeUndefined();
    const impact = JSON.parse(dry.headers.get('x-netledger-preview')!);
    expect(impact.iptables.nodes).toBeGreaterThan(0);
    expect(impact.dns.keys).toBeGreaterThan(0);
    expect(s.ledger.committedRv).toBe(before);
    expect((await api(s.url, 'GET', '/api/v1/namespaces/default/services/dry')).status).toBe(404);
    // The real create gets exactly what the dry run promised.
    const real = await api(s.url, 'POST', '/api/v1/namespaces/default/services', body);
    expect(real.json.spec.clusterIP).toBe(dry.json.spec.clusterIP);
    expect(real.json.spec.ports[0].nodePort).toBe(dry.json.spec.ports[0].nodePort);
  });
  it('DELETE with dryRun in its DeleteOptions body (as kubectl delete --dry-run=server sends it) deletes nothing', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces/default/pods', { metadata: { name: 'keep-me' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const before = s.ledger.committedRv;
    const dry = await api(s.url, 'DELETE', '/api/v1/namespaces/default/pods/keep-me', { propagationPolicy: 'Background', dryRun: ['All'] });
    expect(dry.status).toBe(200);
    expect(dry.headers.get('x-netledger-preview')).not.toBeNull();
    const collection = await api(s.url, 'DELETE', '/api/v1/namespaces/default/pods', { dryRun: ['All'] });
    expect(collection.status).toBe(200);
    expect(collection.json.items.map((p: any) => p.metadata.name)).toContain('keep-me');
    expect(s.ledger.committedRv).toBe(before);
    expect((await api(s.url, 'GET', '/api/v1/namespaces/default/pods/keep-me')).status).toBe(200);
    // A value other than All is refused, as kube-apiserver refuses it; an empty list is a real delete.
    const bad = await api(s.url, 'DELETE', '/api/v1/namespaces/default/pods/keep-me', { dryRun: ['Some'] });
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({ kind: 'Status', reason: 'Invalid', message: 'DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: "Some": supported values: "All"' });
    expect(s.ledger.committedRv).toBe(before);
    expect((await api(s.url, 'DELETE', '/api/v1/namespaces/default/pods/keep-me', { dryRun: [] })).status).toBe(200);
    expect((await api(s.url, 'GET', '/api/v1/namespaces/default/pods/keep-me')).status).toBe(404);
  });
});
