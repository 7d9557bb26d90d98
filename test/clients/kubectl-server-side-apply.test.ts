// `kubectl apply --server-side` as people use it: a field dropped from the manifest is removed
// from the object (and so from every node's rules), a field another manager changed is a
// conflict kubectl explains, and --force-conflicts takes it over.

import { describe, expect, it } from 'vitest';
import { api } from '../support/server.js';
import { HAS_KUBECTL, kubectlSuite } from './kubectl-harness.js';

const manifest = (labels: Record<string, string>, ports: number[]) =>
  [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: ssa',
    '  namespace: default',
    '  labels:',
    ...Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`),
    'spec:',
    '  selector: {app: ssa}',
    '  ports:',
    ...ports.map((p) => `  - {name: p${p}, port: ${p}}`),
    '',
  ].join('\n');

describe.skipIf(!HAS_KUBECTL)('kubectl v1.32: apply --server-side keeps field ownership', () => {
  const t = kubectlSuite('netledger-kubectl-ssa-');
  const get = async () => (await api(t.s.url, 'GET', '/api/v1/namespaces/default/services/ssa')).json as any;

  it('removes what the manifest stopped applying, and nothing the server set', async () => {
    expect((await t.k.run(['apply', '--server-side', '-f', t.file('v1.yaml', manifest({ a: '1', b: '2' }, [80, 443]))])).stdout).toBe('service/ssa serverside-applied\n');
    const before = await get();
    const r = await t.k.run(['apply', '--server-side', '-f', t.file('v2.yaml', manifest({ a: '1' }, [80]))]);
    expect(r.code).toBe(0);
    const after = await get();
    expect(after.metadata.labels).toEqual({ a: '1' });
    expect(after.spec.ports.map((p: any) => p.port)).toEqual([80]);
    expect(after.spec.clusterIP).toBe(before.spec.clusterIP);
    expect(after.metadata.managedFields.map((m: any) => [m.manager, m.operation])).toEqual([['kubectl', 'Apply']]);
  });

  it('a field another manager changed is a conflict; --force-conflicts takes it over', async () => {
    expect((await t.k.run(['label', 'svc', 'ssa', 'a=9', '--overwrite'])).code).toBe(0);
    const owners = (await get()).metadata.managedFields.map((m: any) => [m.manager, m.operation, m.fieldsV1]);
    expect(owners).toEqual([
      ['kubectl', 'Apply', expect.not.objectContaining({ 'f:metadata': expect.anything() })],
      ['kubectl-label', 'Update', { 'f:metadata': { 'f:labels': { 'f:a': {} } } }],
    ]);
    const refused = await t.k.run(['apply', '--server-side', '-f', t.file('v2.yaml', manifest({ a: '1' }, [80]))]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl-label" using v1: .metadata.labels.a');
    expect((await get()).metadata.labels).toEqual({ a: '9' });
    const forced = await t.k.run(['apply', '--server-side', '--force-conflicts', '-f', t.file('v2.yaml', manifest({ a: '1' }, [80]))]);
    expect(forced.code).toBe(0);
    const now = await get();
    expect(now.metadata.labels).toEqual({ a: '1' });
    expect(now.metadata.managedFields.map((m: any) => m.manager)).toEqual(['kubectl']);
  });

  it('the conflict is a 409 Status with one FieldManagerConflict cause per field', async () => {
    await t.k.run(['label', 'svc', 'ssa', 'a=7', '--overwrite']);
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ssa', labels: { a: '1' } } });
    const r = await api(t.s.url, 'PATCH', '/api/v1/namespaces/default/services/ssa?fieldManager=kubectl', body, { 'content-type': 'application/apply-patch+yaml' });
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      code: 409,
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-label" using v1', field: '.metadata.labels.a' }] },
    });
  });

  it('moving from client-side apply to --server-side takes over the fields last-applied-configuration names, without conflicts', async () => {
    const text = manifest({ tier: 'a' }, [8080]).replace('name: ssa', 'name: moved');
    expect((await t.k.run(['apply', '-f', t.file('csa.yaml', text)])).stdout).toBe('service/moved created\n');
    const r = await t.k.run(['apply', '--server-side', '-f', t.file('ssa.yaml', text.replace('tier: "a"', 'tier: "b"'))]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const svc = (await api(t.s.url, 'GET', '/api/v1/namespaces/default/services/moved')).json;
    expect(svc.metadata.labels).toEqual({ tier: 'b' });
    const kubectl = svc.metadata.managedFields.find((m: any) => m.manager === 'kubectl');
    expect(kubectl.operation).toBe('Apply');
    expect(kubectl.fieldsV1['f:metadata']['f:labels']).toEqual({ 'f:tier': {} });
    // A field manager other than kubectl opts out: its apply conflicts.
    const other = await api(t.s.url, 'PATCH', '/api/v1/namespaces/default/services/moved?fieldManager=ci', JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'moved', labels: { tier: 'c' } } }), {
      'content-type': 'application/apply-patch+yaml',
    });
    expect(other.status).toBe(409);
  });

  it('patch options are validated as ValidatePatchOptions does: apply needs a field manager, force is for apply only', async () => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ssa' } });
    const noManager = await api(t.s.url, 'PATCH', '/api/v1/namespaces/default/services/ssa', body, { 'content-type': 'application/apply-patch+yaml' });
    expect(noManager.status).toBe(422);
    expect(noManager.json).toMatchObject({
      reason: 'Invalid',
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      details: { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueRequired', field: 'fieldManager' }] },
    });
    const forced = await api(t.s.url, 'PATCH', '/api/v1/namespaces/default/services/ssa?force=true', { metadata: { labels: { z: '1' } } }, { 'content-type': 'application/merge-patch+json' });
    expect([forced.status, forced.json.message]).toEqual([422, 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch']);
    // ValidateFieldManager, for every write's options.
    const long = await api(t.s.url, 'PATCH', `/api/v1/namespaces/default/services/ssa?fieldManager=${'m'.repeat(129)}`, { metadata: {} }, { 'content-type': 'application/merge-patch+json' });
    expect([long.status, long.json.message]).toEqual([422, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes']);
    const newline = await api(t.s.url, 'POST', '/api/v1/namespaces/default/services?fieldManager=a%0Ab', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nl' }, spec: { ports: [{ port: 1 }] } });
    expect([newline.status, newline.json.message]).toEqual([422, 'CreateOptions.meta.k8s.io "" is invalid: fieldManager: Invalid value: "a\\nb": invalid character U+000A (at position 1)']);
  });

  it('--server-side rewrites a client-side apply\'s last-applied-configuration, so a later client-side apply merges against it', async () => {
    const v1 = manifest({ a: '1' }, [80]).replace('name: ssa', 'name: mixed');
    const v2 = manifest({ a: '1', extra: 'x' }, [80]).replace('name: ssa', 'name: mixed');
    expect((await t.k.run(['apply', '-f', t.file('m1.yaml', v1)])).code).toBe(0);
    expect((await t.k.run(['apply', '--server-side', '-f', t.file('m2.yaml', v2)])).code).toBe(0);
    const last = JSON.parse((await t.k.run(['apply', 'view-last-applied', 'svc', 'mixed', '-o', 'json'])).stdout);
    expect(last.metadata.labels).toEqual({ a: '1', extra: 'x' });
    expect((await t.k.run(['apply', '-f', t.file('m1.yaml', v1)])).stdout).toBe('service/mixed configured\n');
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/default/services/mixed')).json.metadata.labels).toEqual({ a: '1' });
  });
});
