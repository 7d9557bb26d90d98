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

describe('applyApplyPatch (simplified server-side apply)', () => {
  it('creates the object when absent', () => {
    expect(applyApplyPatch(undefined, applied, 'Service')).toStrictEqual(applied);
  });

  it('merges into the existing object: keyed lists merge, unspecified fields stay', () => {
    const out = applyApplyPatch(liveService(), applied, 'Service') as ReturnType<typeof liveService>;
    expect(out.spec!.ports).toEqual([
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 },
    ]);
    expect(out.spec!.clusterIP).toBe('10.96.0.20');
    // Maps merge key by key: no ownership means `tier` is not removed (documented simplification).
    expect(out.spec!.selector).toEqual({ app: 'web', tier: 'frontend' });
    expect(out.metadata.labels).toEqual({ app: 'web' });
    expect(out.metadata.uid).toBe(liveService().metadata.uid);
  });

  it('records the field manager', () => {
    const out = applyApplyPatch(undefined, applied, 'Service', { fieldManager: 'kubectl', time: '2025-01-01T00:00:00Z' });
    expect(out.metadata.managedFields).toEqual([{ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: '2025-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: {} }]);
    const again = applyApplyPatch(out, applied, 'Service', { fieldManager: 'kubectl', time: '2025-01-02T00:00:00Z' });
    expect(again.metadata.managedFields).toEqual([{ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: '2025-01-02T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: {} }]);
  });

  it('refuses managedFields in the applied configuration and non-objects', () => {
    expect(() => applyApplyPatch(undefined, { ...applied, metadata: { name: 'web', managedFields: [{ manager: 'x' }] } }, 'Service')).toThrow(
      new PatchError('metadata.managedFields must be nil'),
    );
    expect(() => applyApplyPatch(undefined, 'kind: Service', 'Service')).toThrow(PatchError);
  });
});
