// Accept negotiation as kube-apiserver's NegotiateOutputMediaType does it: a Table in the meta.k8s.io
// version asked for (v1 or v1beta1, whose rows' PartialObjectMetadata follow it), a version that
// does not exist skipped for the next alternative, and a 406 naming what is served when nothing
// listed is acceptable; protobuf, which upstream serves and netledger does not, included.

import { describe, expect, it } from 'vitest';
import { api, readWatch, suiteServer } from '../support/server.js';

const TABLE = (v: string) => `application/json;as=Table;v=${v};g=meta.k8s.io`;
/** What kubectl get sends. */
const KUBECTL = `${TABLE('v1')},${TABLE('v1beta1')},application/json`;
const NOT_ACCEPTABLE = { kind: 'Status', code: 406, reason: 'NotAcceptable', message: 'only the following media types are accepted: application/json, application/yaml' };

describe('Accept negotiation', () => {
  const s = suiteServer();
  const pods = '/api/v1/namespaces/default/pods';

  it('a Table in the version asked for: v1beta1 is labelled so, rows\' metadata too', async () => {
    expect((await api(s.url, 'POST', pods, { metadata: { name: 'neg-1' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })).status).toBe(201);
    const beta = await api(s.url, 'GET', pods, undefined, { accept: TABLE('v1beta1') });
    expect([beta.status, beta.json.kind, beta.json.apiVersion]).toEqual([200, 'Table', 'meta.k8s.io/v1beta1']);
    expect(beta.json.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1beta1', metadata: { name: 'neg-1' } });
    const one = await api(s.url, 'GET', `${pods}/neg-1`, undefined, { accept: TABLE('v1beta1') });
    expect([one.json.kind, one.json.apiVersion, one.json.rows[0].object.apiVersion]).toEqual(['Table', 'meta.k8s.io/v1beta1', 'meta.k8s.io/v1beta1']);
    const v1 = await api(s.url, 'GET', pods, undefined, { accept: KUBECTL });
    expect([v1.json.kind, v1.json.apiVersion, v1.json.rows[0].object.apiVersion]).toEqual(['Table', 'meta.k8s.io/v1', 'meta.k8s.io/v1']);
  });

  it('a Table version that does not exist, or none, is no match: the next alternative, else 406', async () => {
    for (const accept of [`${TABLE('v9')},application/json`, 'application/json;as=Table;g=meta.k8s.io,application/json', 'application/json;as=Table;v=v1,application/json']) {
      const r = await api(s.url, 'GET', pods, undefined, { accept });
      expect([accept, r.status, r.json.kind]).toEqual([accept, 200, 'PodList']);
    }
    expect((await api(s.url, 'GET', pods, undefined, { accept: `${TABLE('v9')},${TABLE('v1beta1')}` })).json.apiVersion).toBe('meta.k8s.io/v1beta1');
    const none = await api(s.url, 'GET', pods, undefined, { accept: TABLE('v9') });
    expect([none.status, none.json]).toEqual([406, expect.objectContaining(NOT_ACCEPTABLE)]);
    expect((await api(s.url, 'GET', `${pods}/neg-1`, undefined, { accept: TABLE('v9') })).status).toBe(406);
  });

  it('clauses are taken as goautoneg orders them: higher q first, concrete types before */*', async () => {
    expect((await api(s.url, 'GET', pods, undefined, { accept: `*/*,${TABLE('v1')}` })).json.kind).toBe('Table');
    expect((await api(s.url, 'GET', pods, undefined, { accept: `${TABLE('v1')};q=0.5,application/json` })).json.kind).toBe('PodList');
  });

  it('a Table may be asked for as YAML', async () => {
    const r = await fetch(`${s.url}${pods}`, { headers: { accept: 'application/yaml;as=Table;v=v1beta1;g=meta.k8s.io' } });
    expect(r.headers.get('content-type')).toContain('application/yaml');
    const text = await r.text();
    expect([/^kind: Table$/m.test(text), /^apiVersion: meta.k8s.io\/v1beta1$/m.test(text)]).toEqual([true, true]);
  });

  it('a watch\'s Tables are in the version asked for; one that does not exist is 406', async () => {
    const list = await api(s.url, 'GET', pods);
    const events = readWatch(`${s.url}${pods}?watch=true&resourceVersion=${list.json.metadata.resourceVersion}`, 1, 4000, { accept: `${TABLE('v9')},${TABLE('v1beta1')}` });
    await new Promise((r) => setTimeout(r, 200));
    await api(s.url, 'PATCH', `${pods}/neg-1`, { metadata: { labels: { a: 'b' } } }, { 'content-type': 'application/merge-patch+json' });
    const [event] = await events;
    expect([event.type, event.object.kind, event.object.apiVersion, event.object.rows[0].object.apiVersion]).toEqual(['MODIFIED', 'Table', 'meta.k8s.io/v1beta1', 'meta.k8s.io/v1beta1']);
    const refused = await api(s.url, 'GET', `${pods}?watch=true`, undefined, { accept: TABLE('v9') });
    expect([refused.status, refused.json.message]).toEqual([406, 'only the following media types are accepted: application/json;stream=watch']);
  });

  // Upstream serves protobuf for core/v1, netledger does not: an Accept naming protobuf alone has
  // nothing acceptable here, so it is 406 as upstream answers such a request anywhere protobuf is
  // not served (NewNotAcceptableError over the serializers' media types), not JSON the client
  // did not ask for. Clients list JSON after protobuf (kubectl describe, client-go's default).
  it('protobuf alone is 406; protobuf then JSON, or */*, is JSON', async () => {
    for (const path of [pods, `${pods}/neg-1`]) {
      const only = await api(s.url, 'GET', path, undefined, { accept: 'application/vnd.kubernetes.protobuf' });
      expect([only.status, only.json]).toEqual([406, expect.objectContaining(NOT_ACCEPTABLE)]);
      for (const accept of ['application/vnd.kubernetes.protobuf,application/json', 'application/vnd.kubernetes.protobuf, */*']) {
        const r = await api(s.url, 'GET', path, undefined, { accept });
        expect([r.status, r.headers.get('content-type')]).toEqual([200, expect.stringContaining('application/json')]);
      }
    }
    const watch = await api(s.url, 'GET', `${pods}?watch=true`, undefined, { accept: 'application/vnd.kubernetes.protobuf;stream=watch' });
    expect([watch.status, watch.json.message]).toEqual([406, 'only the following media types are accepted: application/json;stream=watch']);
    // A watch is framed as JSON only: YAML is no stream type.
    expect((await api(s.url, 'GET', `${pods}?watch=true`, undefined, { accept: 'application/yaml' })).status).toBe(406);
  });
});
