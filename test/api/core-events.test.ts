// core/v1 Events over HTTP: what the all-namespaces path serves (list and watch only), what a
// delete of a collection answers, and the shape Go's encoder gives every stored event.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../support/server.js';

const event = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Event', metadata: { name },
  involvedObject: { kind: 'Node', name: 'node-1' }, reason: 'NodeReady', message: 'ready', type: 'Normal', ...extra,
});

describe('core/v1 events over HTTP', () => {
  const s = suiteServer();

  it('the all-namespaces path lists and watches only: POST and DELETE there are 405, and delete nothing', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces/default/events', event('a.1'));
    const post = await api(s.url, 'POST', '/api/v1/events', event('a.2'));
    expect([post.status, post.json.reason]).toEqual([405, 'MethodNotAllowed']);
    const del = await api(s.url, 'DELETE', '/api/v1/events');
    expect([del.status, del.json.reason]).toEqual([405, 'MethodNotAllowed']);
    expect((await api(s.url, 'GET', '/api/v1/events')).json.items.map((e: any) => e.metadata.name)).toContain('a.1');
  });

  it('deleting a collection answers the events it deleted, as they were listed', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces/gone/events', event('b.1', { involvedObject: { kind: 'Pod', namespace: 'gone', name: 'p' } }));
    const r = await api(s.url, 'DELETE', '/api/v1/namespaces/gone/events');
    expect(r.status).toBe(200);
    expect(r.json.kind).toBe('EventList');
    expect(r.json.items.map((e: any) => `${e.kind} ${e.metadata.name} ${e.reason}`)).toEqual(['Event b.1 NodeReady']);
  });

  it('is stored as Go encodes it: struct fields and reportingComponent/Instance always there, empty omitempty fields gone', async () => {
    const r = await api(s.url, 'POST', '/api/v1/namespaces/default/events', event('c.1', { count: 0, action: '', related: null, firstTimestamp: '2026-12-07T08:00:00.5+01:00' }));
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ source: {}, firstTimestamp: '2026-12-07T07:00:00Z', lastTimestamp: null, eventTime: null, reportingComponent: '', reportingInstance: '' });
    for (const gone of ['count', 'action', 'related']) expect(r.json).not.toHaveProperty(gone);
  });

  it('a field selector on source falls back to the reporting controller, as upstream\'s selectable fields do', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces/default/events', event('d.1', { source: { component: 'kubelet' } }));
    await api(s.url, 'POST', '/api/v1/namespaces/default/events', event('d.2', { eventTime: '2026-12-07T07:00:00.000000Z', reportingComponent: 'kubelet', reportingInstance: 'kubelet-node-1', action: 'Ready' }));
    await api(s.url, 'POST', '/api/v1/namespaces/default/events', event('d.3', { source: { component: 'scheduler' } }));
    const r = await api(s.url, 'GET', '/api/v1/namespaces/default/events?fieldSelector=source%3Dkubelet');
    expect(r.json.items.map((e: any) => e.metadata.name)).toEqual(['d.1', 'd.2']);
  });

  it('an impossible date is refused as Go\'s decoder refuses it (400), and nothing is stored', async () => {
    const r = await api(s.url, 'POST', '/api/v1/namespaces/default/events', event('e.1', { lastTimestamp: '2024-02-30T00:00:00Z' }));
    expect([r.status, r.json.message]).toEqual([400, 'Event in version "v1" cannot be handled as a Event: parsing time "2024-02-30T00:00:00Z": day out of range']);
    expect((await api(s.url, 'GET', '/api/v1/namespaces/default/events/e.1')).status).toBe(404);
  });

  it('involvedObject is one atomic struct to field ownership (+structType=atomic)', async () => {
    const r = await api(s.url, 'POST', '/api/v1/namespaces/default/events?fieldManager=recorder', event('f.1'));
    const entry = r.json.metadata.managedFields.find((m: any) => m.manager === 'recorder');
    expect(entry.fieldsV1['f:involvedObject']).toEqual({});
  });
});
