// pods/binding and the legacy bindings resource over HTTP: what BindingREST answers a scheduler
// for each way a binding can be wrong, and that a dry run binds nothing.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../support/server.js';

describe('pods/binding', () => {
  const s = suiteServer();
  const ns = '/api/v1/namespaces/default';
  const binding = (name: string, target: Record<string, unknown> = { kind: 'Node', name: 'b1' }, meta: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Binding', metadata: { name, ...meta }, target });
  const pending = async (name: string) => {
    const r = await api(s.url, 'POST', `${ns}/pods`, { metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(r.status).toBe(201);
    return r.json;
  };

  it('discovery lists bindings and pods/binding (create only), as /api/v1 upstream', async () => {
    const list = (await api(s.url, 'GET', '/api/v1')).json.resources;
    expect(list.find((r: any) => r.name === 'bindings')).toMatchObject({ name: 'bindings', singularName: 'binding', namespaced: true, kind: 'Binding', verbs: ['create'] });
    expect(list.find((r: any) => r.name === 'pods/binding')).toMatchObject({ name: 'pods/binding', namespaced: true, kind: 'Binding', verbs: ['create'] });
  });

  it('binds, then refuses: already assigned (409), missing pod (404), stale uid (409), bad target (422), name mismatch (400)', async () => {
    expect((await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'b1' } })).status).toBe(201);
    const pod = await pending('bp1');
    const ok = await api(s.url, 'POST', `${ns}/pods/bp1/binding`, binding('bp1', { kind: 'Node', name: 'b1' }, { uid: pod.metadata.uid }));
    expect(ok.status).toBe(201);
    expect(ok.json).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });

    const twice = await api(s.url, 'POST', `${ns}/pods/bp1/binding`, binding('bp1'));
    expect(twice.json).toMatchObject({ code: 409, reason: 'Conflict', message: 'Operation cannot be fulfilled on pods/binding "bp1": pod bp1 is already assigned to node "b1"', details: { name: 'bp1', kind: 'pods/binding' } });
    expect((await api(s.url, 'POST', `${ns}/pods/nope/binding`, binding('nope'))).json).toMatchObject({ code: 404, message: 'pods "nope" not found' });

    await pending('bp2');
    const stale = await api(s.url, 'POST', `${ns}/bindings`, binding('bp2', { name: 'b1' }, { uid: 'not-its-uid' }));
    expect(stale.json).toMatchObject({ code: 409, message: expect.stringContaining('Precondition failed: UID in precondition: not-its-uid') });
    const noTarget = await api(s.url, 'POST', `${ns}/pods/bp2/binding`, binding('bp2', { kind: 'Pod' }));
    expect(noTarget.status).toBe(422);
    expect(noTarget.json.details.causes).toEqual([
      { reason: 'FieldValueNotSupported', field: 'target.kind', message: 'Unsupported value: "Pod": supported values: "Node", "<empty>"' },
      { reason: 'FieldValueRequired', field: 'target.name', message: 'Required value' },
    ]);
    expect((await api(s.url, 'POST', `${ns}/pods/bp2/binding`, binding('other'))).json).toMatchObject({ code: 400, message: 'name in URL does not match name in Binding object' });
    // Nothing of that bound bp2.
    expect((await api(s.url, 'GET', `${ns}/pods/bp2`)).json.spec.nodeName).toBeUndefined();
  });

  it('a dry run answers the Status and binds nothing', async () => {
    await pending('bp3');
    const dry = await api(s.url, 'POST', `${ns}/pods/bp3/binding?dryRun=All`, binding('bp3'));
    expect(dry.status).toBe(201);
    const pod = (await api(s.url, 'GET', `${ns}/pods/bp3`)).json;
    expect([pod.spec.nodeName, pod.status.podIP]).toEqual([undefined, undefined]);
  });
});
