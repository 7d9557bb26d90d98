// Pods selected by `spec.nodeName`, as a kubelet or a node agent lists and watches its own: the
// live list and a watch's initial ADDED read the node's pods from the state's index
// (liveCandidates), as they read one object named by `metadata.name`; what they answer is what
// every other selector answers: namespaces, other terms, `!=`, unscheduled pods
// (`spec.nodeName=`), paging, binding.

import { describe, expect, it } from 'vitest';
import { liveCandidates, filterFromQuery } from '../../api/filter.js';
import { ClusterState } from '../../domain/state.js';
import type { KubeObject } from '../../domain/objects.js';
import { api, readWatch, suiteServer } from '../support/server.js';

const podOn = (name: string, node?: string) => ({ metadata: { name }, spec: { ...(node ? { nodeName: node } : {}), containers: [{ name: 'c', image: 'nginx' }] } });

describe('liveCandidates', () => {
  it('gives a spec.nodeName selector that node pods only, a metadata.name one with its namespace that object, and other selectors the whole kind', () => {
    const state = new ClusterState();
    for (let i = 0; i < 300; i++) {
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: `ns${i % 3}` }, spec: { nodeName: `n${i % 100}`, containers: [] } } as KubeObject;
      state.setObject('Pod', `ns${i % 3}`, `p${i}`, pod);
    }
    const names = (q: Record<string, string>, ns?: string) => liveCandidates(state, filterFromQuery('Pod', ns, q)).map((o) => o.metadata.name).sort();
    expect(names({ fieldSelector: 'spec.nodeName=n7' })).toEqual(['p107', 'p207', 'p7']);
    expect(names({ fieldSelector: 'metadata.namespace=ns1,spec.nodeName==n7' })).toEqual(['p107', 'p207', 'p7']);
    expect(names({ fieldSelector: 'spec.nodeName=gone' })).toEqual([]);
    expect(names({ fieldSelector: 'spec.nodeName!=n7' })).toHaveLength(300);
    expect(names({ fieldSelector: 'spec.nodeName=' })).toHaveLength(300);
    expect(names({}, 'ns2')).toHaveLength(100);
    // One object by name: with its namespace (from the path or the selector), a lookup.
    expect(names({ fieldSelector: 'metadata.name=p7' }, 'ns1')).toEqual(['p7']);
    expect(names({ fieldSelector: 'metadata.name=p7,metadata.namespace=ns1' })).toEqual(['p7']);
    expect(names({ fieldSelector: 'metadata.name=p7' }, 'ns2')).toEqual([]);
    expect(names({ fieldSelector: 'metadata.name=p7' })).toHaveLength(300); // in any namespace: scanned
    state.setObject('Node', '', 'n7', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n7' } } as KubeObject);
    expect(liveCandidates(state, filterFromQuery('Node', undefined, { fieldSelector: 'metadata.name=n7' })).map((o) => o.metadata.name)).toEqual(['n7']);
  });
});

describe('pods by spec.nodeName over HTTP', () => {
  const s = suiteServer();
  const list = async (path: string) => {
    const r = await api(s.url, 'GET', path);
    expect(r.status).toBe(200);
    return r.json.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`);
  };

  it('lists and watches a node pods across namespaces, with the other terms, paging and binding', async () => {
    for (const n of ['pbn-1', 'pbn-2']) expect((await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: n } })).status).toBe(201);
    for (const [ns, name, node] of [
      ['pbn-b', 'web-2', 'pbn-1'],
      ['pbn-a', 'web-1', 'pbn-1'],
      ['pbn-a', 'db-1', 'pbn-2'],
      ['pbn-b', 'web-3', 'pbn-1'],
      ['pbn-a', 'pending', undefined],
    ] as const) {
      expect((await api(s.url, 'POST', `/api/v1/namespaces/${ns}/pods`, podOn(name, node))).status).toBe(201);
    }
    const sel = (text: string) => `fieldSelector=${encodeURIComponent(text)}`;

    expect(await list(`/api/v1/pods?${sel('spec.nodeName=pbn-1')}`)).toEqual(['pbn-a/web-1', 'pbn-b/web-2', 'pbn-b/web-3']);
    expect(await list(`/api/v1/namespaces/pbn-b/pods?${sel('spec.nodeName=pbn-1')}`)).toEqual(['pbn-b/web-2', 'pbn-b/web-3']);
    expect(await list(`/api/v1/pods?${sel('spec.nodeName=pbn-1,metadata.name=web-3')}`)).toEqual(['pbn-b/web-3']);
    expect(await list(`/api/v1/namespaces/pbn-a/pods?${sel('spec.nodeName!=pbn-1')}`)).toEqual(['pbn-a/db-1', 'pbn-a/pending']);
    expect(await list(`/api/v1/namespaces/pbn-a/pods?${sel('spec.nodeName=')}`)).toEqual(['pbn-a/pending']);
    expect(await list(`/api/v1/pods?${sel('spec.nodeName=nowhere')}`)).toEqual([]);

    // Paged: two pages of the node's three pods, the token carrying the list on.
    const first = await api(s.url, 'GET', `/api/v1/pods?${sel('spec.nodeName=pbn-1')}&limit=2`);
    expect(first.json.items.map((p: any) => p.metadata.name)).toEqual(['web-1', 'web-2']);
    expect(first.json.metadata.remainingItemCount).toBeUndefined(); // upstream omits it under a selector
    const rest = await api(s.url, 'GET', `/api/v1/pods?${sel('spec.nodeName=pbn-1')}&limit=2&continue=${first.json.metadata.continue}`);
    expect(rest.json.items.map((p: any) => p.metadata.name)).toEqual(['web-3']);
    expect(rest.json.metadata.continue).toBeUndefined();

    // A watch from now: the node's pods as ADDED, in key order.
    const initial = await readWatch(`${s.url}/api/v1/pods?watch=true&${sel('spec.nodeName=pbn-1')}`, 3, 1000);
    expect(initial.map((e) => `${e.type} ${e.object.metadata.namespace}/${e.object.metadata.name}`)).toEqual(['ADDED pbn-a/web-1', 'ADDED pbn-b/web-2', 'ADDED pbn-b/web-3']);

    // Binding the pending pod puts it on the node's list.
    expect((await api(s.url, 'POST', '/api/v1/namespaces/pbn-a/pods/pending/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'pending' }, target: { kind: 'Node', name: 'pbn-1' } })).status).toBe(201);
    expect(await list(`/api/v1/pods?${sel('spec.nodeName=pbn-1')}`)).toEqual(['pbn-a/pending', 'pbn-a/web-1', 'pbn-b/web-2', 'pbn-b/web-3']);
    expect(await list(`/api/v1/namespaces/pbn-a/pods?${sel('spec.nodeName=')}`)).toEqual([]);
  });

  it('at a past rv, lists a node pods (and one named object) as they were then: created, changed, bound and deleted since', async () => {
    const sel = (text: string) => `fieldSelector=${encodeURIComponent(text)}`;
    const at = async (path: string, rv: string) => {
      const r = await api(s.url, 'GET', `${path}${path.includes('?') ? '&' : '?'}resourceVersion=${rv}&resourceVersionMatch=Exact`);
      expect(r.status, r.text).toBe(200);
      expect(r.json.metadata.resourceVersion).toBe(rv);
      return r.json.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name} ${p.metadata.labels?.v ?? '-'}`);
    };
    for (const n of ['pat-1', 'pat-2']) await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: n } });
    for (const [name, node] of [['a', 'pat-1'], ['b', 'pat-1'], ['c', 'pat-2'], ['d', 'pat-1']] as const) await api(s.url, 'POST', '/api/v1/namespaces/pat/pods', podOn(name, node));
    await api(s.url, 'POST', '/api/v1/namespaces/pat/pods', podOn('later-bound'));
    const rv = (await api(s.url, 'GET', '/api/v1/pods?limit=1')).json.metadata.resourceVersion;
    const then = await at(`/api/v1/pods?${sel('spec.nodeName=pat-1')}`, rv);
    expect(then).toEqual(['pat/a -', 'pat/b -', 'pat/d -']);
    // Since rv: one pod changed, one deleted, one created, one bound, and pods of the other node moved.
    await api(s.url, 'PATCH', '/api/v1/namespaces/pat/pods/a', { metadata: { labels: { v: 'new' } } }, { 'content-type': 'application/merge-patch+json' });
    await api(s.url, 'DELETE', '/api/v1/namespaces/pat/pods/b?gracePeriodSeconds=0');
    await api(s.url, 'POST', '/api/v1/namespaces/pat/pods', podOn('e', 'pat-1'));
    await api(s.url, 'POST', '/api/v1/namespaces/pat/pods/later-bound/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'later-bound' }, target: { kind: 'Node', name: 'pat-1' } });
    await api(s.url, 'DELETE', '/api/v1/namespaces/pat/pods/c?gracePeriodSeconds=0');
    expect(await at(`/api/v1/pods?${sel('spec.nodeName=pat-1')}`, rv)).toEqual(then);
    expect(await at(`/api/v1/namespaces/pat/pods?${sel('spec.nodeName=pat-1')}&limit=2`, rv)).toEqual(then.slice(0, 2));
    expect(await at(`/api/v1/pods?${sel('spec.nodeName=pat-2')}`, rv)).toEqual(['pat/c -']);
    expect(await at(`/api/v1/namespaces/pat/pods?${sel('metadata.name=b')}`, rv)).toEqual(['pat/b -']);
    expect(await at(`/api/v1/namespaces/pat/pods?${sel('metadata.name=e')}`, rv)).toEqual([]);
    // The same as the kind's whole state at rv, selected.
    const whole = (await at('/api/v1/namespaces/pat/pods', rv)).filter((p: string) => ['pat/a', 'pat/b', 'pat/d'].includes(p.split(' ')[0]!));
    expect(whole).toEqual(then);
    // And now: the changes are there.
    expect(await list(`/api/v1/pods?${sel('spec.nodeName=pat-1')}`)).toEqual(['pat/a', 'pat/d', 'pat/e', 'pat/later-bound']);
  });
});
