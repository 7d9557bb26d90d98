import { describe, expect, it } from 'vitest';
import { validateObject, validateUpdate } from '../../../domain/validation/index.js';
import { ctx, DNS1035_LABEL_MSG, DNS1123_LABEL_MSG, DNS1123_SUBDOMAIN_MSG, lines } from './helpers.js';

const pod = (metadata: Record<string, unknown>) => ({
  metadata,
  spec: { containers: [{ name: 'c', image: 'nginx' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
});

describe('metadata names (ValidateObjectMeta + NameIsDNS*)', () => {
  it('Namespace names are DNS-1123 labels', () => {
    expect(lines(validateObject('Namespace', { metadata: { name: 'Bad_NS' } }, ctx))).toEqual([
      `metadata.name: Invalid value: "Bad_NS": ${DNS1123_LABEL_MSG}`,
    ]);
    // IsDNS1123Label: "must not contain dots" when it is a valid subdomain
    expect(lines(validateObject('Namespace', { metadata: { name: 'a.b' } }, ctx))).toEqual(['metadata.name: Invalid value: "a.b": must not contain dots']);
  });

  it('Service names are DNS-1035 labels; Pod names DNS-1123 subdomains', () => {
    const svc = { metadata: { name: '1svc', namespace: 'default' }, spec: { type: 'ClusterIP', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' } };
    expect(lines(validateObject('Service', svc, ctx))).toEqual([`metadata.name: Invalid value: "1svc": ${DNS1035_LABEL_MSG}`]);
    expect(lines(validateObject('Pod', pod({ name: 'Web_1', namespace: 'default' }), ctx))).toEqual([
      `metadata.name: Invalid value: "Web_1": ${DNS1123_SUBDOMAIN_MSG}`,
    ]);
  });

  it('owner references name each empty field as validateOwnerReference does', () => {
    expect(lines(validateObject('Pod', pod({ name: 'p', namespace: 'default', ownerReferences: [{ apiVersion: '', kind: '', name: '', uid: '' }] }), ctx))).toEqual([
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": kind must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
    ]);
  });

  it('name or generateName is required; namespace is required for namespaced kinds', () => {
    // ValidateObjectMetaAccessor: field.Required(fldPath.Child("name"), "name or generateName is required")
    expect(lines(validateObject('Pod', pod({}), ctx))).toEqual([
      'metadata.name: Required value: name or generateName is required',
      'metadata.namespace: Required value',
    ]);
  });

  it('generateName is checked as a prefix (trailing dash allowed)', () => {
    expect(lines(validateObject('Pod', pod({ generateName: 'web-', namespace: 'default' }), ctx))).toEqual([]);
    expect(lines(validateObject('Pod', pod({ generateName: 'Web-', namespace: 'default' }), ctx))).toEqual([
      `metadata.generateName: Invalid value: "Web-": ${DNS1123_SUBDOMAIN_MSG}`,
      `metadata.name: Invalid value: "Web-bbbbb": ${DNS1123_SUBDOMAIN_MSG}`,
    ]);
  });

  it('labels: qualified-name keys and ≤63-character values (metav1validation.ValidateLabels)', () => {
    const long = 'a'.repeat(64);
    expect(lines(validateObject('Pod', pod({ name: 'p', namespace: 'default', labels: { 'a/b/c': 'x', ok: long, k: '-x' } }), ctx))).toEqual([
      // IsQualifiedName, more than one '/'
      "metadata.labels: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      `metadata.labels: Invalid value: "${long}": must be no more than 63 characters`,
      "metadata.labels: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('annotations: qualified keys and 256 KiB in total', () => {
    const big = 'x'.repeat(256 * 1024);
    expect(lines(validateObject('Pod', pod({ name: 'p', namespace: 'default', annotations: { '/x': 'v', a: big } }), ctx))).toEqual([
      'metadata.annotations: Invalid value: "/x": prefix part must be non-empty',
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
  });

  it('updates may not change name, namespace or uid (ValidateObjectMetaUpdate)', () => {
    const old = { metadata: { name: 'a', namespace: 'default', uid: 'u1', resourceVersion: '5' } };
    const next = { metadata: { name: 'b', namespace: 'other', uid: 'u2', resourceVersion: '5' } };
    expect(lines(validateUpdate('Endpoints', next, old, ctx))).toEqual([
      'metadata.name: Invalid value: "b": field is immutable',
      'metadata.namespace: Invalid value: "other": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
    ]);
  });

  it('no new finalizers while deleting', () => {
    const old = { metadata: { name: 'a', resourceVersion: '5', deletionTimestamp: '2024-01-01T00:00:00Z', finalizers: ['kubernetes'] } };
    const next = { metadata: { name: 'a', resourceVersion: '5', deletionTimestamp: '2024-01-01T00:00:00Z', finalizers: ['kubernetes', 'example.com/x'] } };
    expect(lines(validateUpdate('Namespace', next, old, ctx))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/x"}',
    ]);
  });
});
