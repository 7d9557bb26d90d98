import { describe, expect, it } from 'vitest';
import { PatchError, applyApplyPatch } from '../../../domain/patch/index.js';
import { liveService } from './fixtures.js';

// What `kubectl apply --server-side` sends (a JSON body with Content-Type apply-patch+yaml).
const applied = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: { selector: { app: 'web' }, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }] },
};
const T1 = '2025-01-01T00:00:00Z';
const T2 = '2025-01-02T00:00:00Z';

describe('applyApplyPatch (server-side apply merge)', () => {
  it('creates the object when absent, owned by its manager', () => {
    const { metadata, ...rest } = applyApplyPatch(undefined, applied, 'Service', { fieldManager: 'kubectl', time: T1 });
    const { managedFields, ...meta } = metadata;
    expect({ ...rest, metadata: meta }).toStrictEqual(applied);
    expect(managedFields).toHaveLength(1);
  });

  it('an object nobody applied to before: what it holds is before-first-apply\'s, so changing it conflicts', () => {
    expect(() => applyApplyPatch(liveService(), applied, 'Service', { fieldManager: 'ci', time: T1 })).toThrow(
      expect.objectContaining({ status: expect.objectContaining({ code: 409, message: 'Apply failed with 1 conflict: conflict with "before-first-apply" using v1: .spec.selector' }) }),
    );
  });

  it('merges into the existing object: keyed lists merge item by item in SMD order, atomic maps are replaced, the rest stays', () => {
    const out = applyApplyPatch(liveService(), applied, 'Service', { fieldManager: 'kubectl', time: T1, force: true }) as ReturnType<typeof liveService>;
    // Live items the configuration does not name keep their place; new ones follow.
    expect(out.spec!.ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 },
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
    ]);
    expect(out.spec!.clusterIP).toBe('10.96.0.20');
    // ServiceSpec.selector is `+mapType=atomic`: the applied selector replaces the live one.
    expect(out.spec!.selector).toEqual({ app: 'web' });
    expect(out.metadata.labels).toEqual({ ...liveService().metadata.labels, app: 'web' });
    expect(out.metadata.uid).toBe(liveService().metadata.uid);
  });

  it('records the applied fields in FieldsV1 and moves the time only when the object changes', () => {
    const out = applyApplyPatch(undefined, applied, 'Service', { fieldManager: 'kubectl', time: T1 });
    expect(out.metadata.managedFields).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'v1',
        time: T1,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:ports': { 'k:{"port":443,"protocol":"TCP"}': { '.': {}, 'f:name': {}, 'f:port': {}, 'f:protocol': {}, 'f:targetPort': {} } },
            'f:selector': {},
          },
        },
      },
    ]);
    const again = applyApplyPatch(out, applied, 'Service', { fieldManager: 'kubectl', time: T2 });
    expect(again).toEqual(out);
  });

  it('refuses managedFields (even []) in the applied configuration, another type, repeated keys and non-objects', () => {
    expect(() => applyApplyPatch(undefined, { ...applied, metadata: { name: 'web', managedFields: [{ manager: 'x' }] } }, 'Service')).toThrow(
      new PatchError('metadata.managedFields must be nil'),
    );
    expect(() => applyApplyPatch(undefined, { ...applied, metadata: { name: 'web', managedFields: [] } }, 'Service')).toThrow(new PatchError('metadata.managedFields must be nil'));
    const status = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { status: { code: number; message: string } }).status;
      }
      return undefined;
    };
    expect(status(() => applyApplyPatch(undefined, { ...applied, apiVersion: 'apps/v1' }, 'Service'))).toMatchObject({ code: 400, message: 'invalid object type: apps/v1, Kind=Service' });
    expect(status(() => applyApplyPatch(undefined, { ...applied, kind: 'Pod' }, 'Service'))).toMatchObject({ code: 400, message: 'invalid object type: /v1, Kind=Pod' });
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', env: [{ name: 'FOO', value: '1' }, { name: 'FOO', value: '2' }] }] } };
    expect(status(() => applyApplyPatch(undefined, pod, 'Pod'))).toMatchObject({
      code: 500,
      message: 'Internal error occurred: failed to create typed patch object (default/p; /v1, Kind=Pod): .spec.containers[name="c"].env: duplicate entries for key [name="FOO"]',
    });
    expect(() => applyApplyPatch(undefined, 'kind: Service', 'Service')).toThrow(PatchError);
  });
});
