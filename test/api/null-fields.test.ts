// JSON null in a create or update body, or in a JSON patch's result, is what kube-apiserver's
// decode into the typed object leaves: a struct's field takes its zero value (omitted, then
// defaulted), a map's value or a slice's element its type's zero value (a label `a: null` is
// stored as `a: ""`, as encoding/json decodes null into a map[string]string element).

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../support/server.js';

const SVCS = '/api/v1/namespaces/default/services';

describe('null in what is decoded', () => {
  const s = suiteServer();

  it('create: null labels, selector values and fields are decoded as Go decodes them', async () => {
    const r = await api(s.url, 'POST', SVCS, {
      metadata: { name: 'nulls', labels: { a: null, keep: 'x' }, annotations: { b: null } },
      spec: { type: null, clusterIP: null, selector: { app: null }, ports: [{ port: 80, name: null }], externalIPs: null },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.metadata.labels).toEqual({ a: '', keep: 'x' });
    expect(r.json.metadata.annotations).toEqual({ b: '' });
    expect(r.json.spec.selector).toEqual({ app: '' });
    expect(r.json.spec.type).toBe('ClusterIP');
    expect(r.json.spec.clusterIP).toMatch(/^10\.96\./);
    expect(r.json.spec.ports[0]).not.toHaveProperty('name');
    expect(r.json.spec).not.toHaveProperty('externalIPs');
    // Selected by the empty value, as upstream's stored label would be.
    const listed = await api(s.url, 'GET', `${SVCS}?labelSelector=a%3D`);
    expect(listed.json.items.map((i: any) => i.metadata.name)).toEqual(['nulls']);
  });

  it('update and JSON patch results: the same', async () => {
    const cur = (await api(s.url, 'GET', `${SVCS}/nulls`)).json;
    cur.metadata.labels = { c: null };
    const put = await api(s.url, 'PUT', `${SVCS}/nulls`, cur);
    expect(put.status, put.text).toBe(200);
    expect(put.json.metadata.labels).toEqual({ c: '' });
    // json-patch v4 writes a nil node for an add without a value, and `"value": null` alike.
    const patched = await api(s.url, 'PATCH', `${SVCS}/nulls`, [{ op: 'add', path: '/metadata/labels/d' }, { op: 'add', path: '/metadata/labels/e', value: null }], { 'content-type': 'application/json-patch+json' });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json.metadata.labels).toEqual({ c: '', d: '', e: '' });
    // A merge patch's null still removes the field.
    const merged = await api(s.url, 'PATCH', `${SVCS}/nulls`, { metadata: { labels: { c: null } } }, { 'content-type': 'application/merge-patch+json' });
    expect(merged.json.metadata.labels).toEqual({ d: '', e: '' });
  });

  it('a null in a list a patch sets whole is decoded too: a 422 from validation, and the next write works', async () => {
    // Merge and strategic patches remove what their nulls name but keep a list they set whole,
    // nulls and all; upstream decodes every result, so `[null]` is `[""]` and fails validation.
    // Undecoded, the null reached validation as it was and the write path stopped for good.
    const cases: [string, string, unknown, Record<string, string>][] = [
      ['merge', `${SVCS}/nulls`, { spec: { externalIPs: [null] } }, { 'content-type': 'application/merge-patch+json' }],
      ['strategic', `${SVCS}/nulls`, { metadata: { finalizers: [null] } }, { 'content-type': 'application/strategic-merge-patch+json' }],
      ['apply', `${SVCS}/nulls?fieldManager=t&force=true`, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nulls', finalizers: [null] } }, { 'content-type': 'application/apply-patch+yaml' }],
      ['apply (create)', `${SVCS}/applied?fieldManager=t`, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'applied' }, spec: { ports: [{ port: 80 }], externalIPs: [null] } }, { 'content-type': 'application/apply-patch+yaml' }],
    ];
    for (const [what, path, body, headers] of cases) {
      const head = s.ledger.committedRv;
      const r = await api(s.url, 'PATCH', path, body, headers);
      expect([what, r.status, r.json.reason], r.text).toEqual([what, 422, 'Invalid']);
      expect(s.ledger.committedRv).toBe(head);
      const next = await api(s.url, 'PATCH', `${SVCS}/nulls`, { metadata: { labels: { [`after-${what.replace(/\W/g, '')}`]: 'ok' } } }, { 'content-type': 'application/merge-patch+json' });
      expect(next.status, next.text).toBe(200);
    }
  });
});
