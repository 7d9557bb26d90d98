import { describe, expect, it } from 'vitest';
import type { Node, Pod, Service } from '../../../domain/objects.js';
import {
  SelectorParseError,
  fieldSelectorFor,
  formatFieldSelector,
  matchesFields,
  parseFieldSelector,
  supportedFieldSelectors,
} from '../../../domain/selectors/index.js';

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'default' },
  spec: { nodeName: 'node-a', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default', containers: [] },
  status: { phase: 'Running', podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }, { ip: 'fd00::2' }] },
};

describe('parseFieldSelector', () => {
  it('parses the kubectl wire forms', () => {
    // fieldSelector=status.phase%21%3DFailed and fieldSelector=metadata.name%3Dweb-1
    expect(parseFieldSelector(decodeURIComponent('status.phase%21%3DFailed'))).toEqual({
      requirements: [{ field: 'status.phase', operator: '!=', value: 'Failed' }],
    });
    expect(parseFieldSelector(decodeURIComponent('metadata.name%3Dweb-1'))).toEqual({
      requirements: [{ field: 'metadata.name', operator: '=', value: 'web-1' }],
    });
  });

  it('ANDs comma-separated terms (sorted) and unescapes values', () => {
    expect(parseFieldSelector('spec.nodeName==node-a,metadata.name=a\\,b\\=c\\\\')).toEqual({
      requirements: [
        { field: 'metadata.name', operator: '=', value: 'a,b=c\\' },
        { field: 'spec.nodeName', operator: '==', value: 'node-a' },
      ],
    });
    expect(parseFieldSelector('')).toEqual({ requirements: [] });
    expect(parseFieldSelector('a=')).toEqual({ requirements: [{ field: 'a', operator: '=', value: '' }] });
  });

  it.each([
    ['foo', "invalid selector: 'foo'; can't understand 'foo'"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: ='],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('rejects %j', (text, message) => {
    expect(() => parseFieldSelector(text)).toThrow(new SelectorParseError(message));
  });
});

describe('fieldSelectorFor', () => {
  it('reports unknown fields with upstream messages', () => {
    // Service has had its own conversion function since 1.31 (spec.clusterIP, spec.type).
    expect(() => fieldSelectorFor('Service', 'foo.bar=x')).toThrow('field label not supported: foo.bar');
    // Nodes and namespaces are not namespaced: their conversion functions know no metadata.namespace.
    expect(() => fieldSelectorFor('Node', 'metadata.namespace=x')).toThrow('field label not supported: metadata.namespace');
    expect(() => fieldSelectorFor('Namespace', 'metadata.namespace=x')).toThrow('field label not supported: metadata.namespace');
    expect(() => fieldSelectorFor('Endpoints', 'spec.clusterIP=x')).toThrow(
      '"spec.clusterIP" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
    expect(() => fieldSelectorFor('Pod', 'status.hostIP=192.168.10.101')).toThrow('field label not supported: status.hostIP');
  });

  it('knows the supported fields per kind', () => {
    expect(supportedFieldSelectors('Pod')).toEqual([
      'metadata.name',
      'metadata.namespace',
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.podIPs',
      'status.nominatedNodeName',
    ]);
    expect(supportedFieldSelectors('Node')).toEqual(['metadata.name', 'spec.unschedulable']);
    expect(supportedFieldSelectors('Namespace')).toEqual(['metadata.name', 'status.phase']);
    expect(supportedFieldSelectors('Service')).toEqual(['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type']);
    expect(supportedFieldSelectors('EndpointSlice')).toEqual(['metadata.name', 'metadata.namespace']);
  });

  it('rewrites the legacy spec.host to spec.nodeName', () => {
    expect(fieldSelectorFor('Pod', 'spec.host=node-a').requirements).toEqual([{ field: 'spec.nodeName', operator: '=', value: 'node-a' }]);
  });
});

describe('matchesFields', () => {
  const m = (kind: string, text: string, obj: object) => matchesFields(fieldSelectorFor(kind, text), kind, obj as Pod);
  it.each([
    ['metadata.name=web-1', true],
    ['metadata.name=web-2', false],
    ['metadata.namespace=default,spec.nodeName=node-a', true],
    ['spec.nodeName=node-b', false],
    ['spec.nodeName!=node-b', true],
    ['status.phase!=Failed', true],
    ['status.phase=Running,spec.restartPolicy=Always', true],
    ['spec.hostNetwork=false', true],
    ['spec.hostNetwork=true', false],
    ['status.podIP=10.244.1.2', true],
    ['status.podIPs=fd00::2', true],
    ['status.podIPs!=fd00::2', false],
    ['status.nominatedNodeName=', true],
    ['spec.schedulerName=default-scheduler,spec.serviceAccountName=default', true],
  ])('pod %j -> %s', (text, expected) => {
    expect(m('Pod', text, pod)).toBe(expected);
  });

  it('matches node and service fields', () => {
    const node: Node = { kind: 'Node', metadata: { name: 'node-a' }, spec: { unschedulable: true } };
    expect(m('Node', 'spec.unschedulable=true', node)).toBe(true);
    expect(m('Node', 'spec.unschedulable=false', { kind: 'Node', metadata: { name: 'n' } })).toBe(true);
    expect(m('Node', 'metadata.name=node-a', node)).toBe(true);
    const svc: Service = { kind: 'Service', metadata: { name: 'web', namespace: 'prod' }, spec: { type: 'NodePort', clusterIP: '10.96.0.12' } };
    expect(m('Service', 'metadata.namespace=prod,metadata.name=web', svc)).toBe(true);
    expect(m('Service', 'metadata.name!=web', svc)).toBe(false);
    expect(m('Service', 'spec.type=NodePort,spec.clusterIP=10.96.0.12', svc)).toBe(true);
    expect(m('Service', 'spec.clusterIP!=None', svc)).toBe(true);
    expect(m('Service', 'spec.type=ClusterIP', svc)).toBe(false);
  });

  it('formats selectors back to text with escapes', () => {
    expect(formatFieldSelector(parseFieldSelector('b!=x,a=c\\,d'))).toBe('a=c\\,d,b!=x');
  });
});
