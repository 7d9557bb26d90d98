// Incrementality: after every change, recomputing only unitsAffected(change) gives the same table
// as computing every unit from scratch (claims folded with the projection's merge).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterNetworkConfig } from '../../../domain/config.js';
import type { EndpointSlice, KubeObject, Pod, Service } from '../../../domain/objects.js';
import { dnsProjection } from '../../../projections/dns/index.js';
import type { ClusterView, ObjectChange } from '../../../projections/model.js';
import { buildTable, UnitFold } from './fold.js';
import { makeView, pod, service, slice, type EndpointInput } from './view.js';

type Op =
  | { op: 'service'; ns: string; name: string; shape: 'clusterip' | 'headless' | 'external' | 'dual'; ip: string }
  | { op: 'slice'; ns: string; name: string; svc: string; endpoints: EndpointInput[]; named: boolean }
  | { op: 'pod'; ns: string; name: string; ip: string }
  | { op: 'namespace'; name: string }
  | { op: 'delete'; kind: 'Service' | 'EndpointSlice' | 'Pod' | 'Namespace'; ns: string; name: string }
  | { op: 'config'; config: Partial<ClusterNetworkConfig> };

class Cluster {
  config: Partial<ClusterNetworkConfig> = {};
  namespaces = new Set<string>();
  services = new Map<string, Service>();
  slices = new Map<string, EndpointSlice>();
  pods = new Map<string, Pod>();

  view(): ClusterView {
    return makeView({
      config: this.config,
      namespaces: [...this.namespaces],
      services: [...this.services.values()],
      slices: [...this.slices.values()],
      pods: [...this.pods.values()],
    });
  }

  private put<T extends KubeObject>(map: Map<string, T>, kind: string, ns: string, name: string, obj: T | undefined): ObjectChange {
    const key = `${ns}/${name}`;
    const before = map.get(key);
    if (obj) map.set(key, obj);
    else map.delete(key);
    return { kind, namespace: ns, name, before, after: obj };
  }

  apply(o: Op): ObjectChange {
    switch (o.op) {
      case 'service': {
        const spec: Service['spec'] =
          o.shape === 'headless'
            ? { clusterIP: 'None', clusterIPs: ['None'], ports: [{ name: 'http', port: 80 }] }
            : o.shape === 'external'
              ? { type: 'ExternalName', externalName: 'kubernetes.default.svc.cluster.local' }
              : o.shape === 'dual'
                ? { clusterIPs: [o.ip, 'fd00::1'], ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { port: 9 }] }
                : { clusterIP: o.ip, clusterIPs: [o.ip], ports: [{ name: 'http', port: 80 }] };
        return this.put(this.services, 'Service', o.ns, o.name, service(o.ns, o.name, spec));
      }
      case 'slice':
        return this.put(this.slices, 'EndpointSlice', o.ns, o.name,
          slice(o.ns, o.svc, o.name, 'IPv4', o.endpoints, o.named ? [{ name: 'http', port: 8080 }] : []));
      case 'pod':
        return this.put(this.pods, 'Pod', o.ns, o.name, pod(o.ns, o.name, o.ip));
      case 'namespace':
        this.namespaces.add(o.name);
        return { kind: 'Namespace', namespace: '', name: o.name, after: { metadata: { name: o.name } } };
      case 'delete':
        if (o.kind === 'Namespace') {
          const had = this.namespaces.delete(o.name);
          return { kind: 'Namespace', namespace: '', name: o.name, before: had ? { metadata: { name: o.name } } : undefined };
        }
        if (o.kind === 'Service') return this.put(this.services, 'Service', o.ns, o.name, undefined);
        if (o.kind === 'EndpointSlice') return this.put(this.slices, 'EndpointSlice', o.ns, o.name, undefined);
        return this.put(this.pods, 'Pod', o.ns, o.name, undefined);
      case 'config':
        this.config = { ...this.config, ...o.config };
        return { kind: 'ClusterNetworkConfig', namespace: '', name: 'cluster' };
    }
  }
}

/** Replays ops, folding only affected units, and checks against a from-scratch build each step. */
function replay(ops: Op[]): void {
  const cluster = new Cluster();
  const fold = new UnitFold(dnsProjection);
  fold.recompute(dnsProjection.allUnits(cluster.view()), cluster.view());
  for (const [i, o] of ops.entries()) {
    const change = cluster.apply(o);
    const view = cluster.view();
    fold.recompute(dnsProjection.unitsAffected(change, view), view);
    const incremental = JSON.stringify([...fold.table()]);
    const scratch = JSON.stringify([...buildTable(dnsProjection, view)]);
    if (incremental !== scratch) {
      expect({ step: i, op: o, table: JSON.parse(incremental) }).toEqual({ step: i, op: o, table: JSON.parse(scratch) });
    }
  }
}

describe('incremental = from scratch', () => {
  it('a scripted sequence', () => {
    const ep = (ip: string, extra: Partial<EndpointInput> = {}): EndpointInput => ({ ip, ...extra });
    replay([
      { op: 'namespace', name: 'a' },
      { op: 'service', ns: 'a', name: 'web', shape: 'headless', ip: '' },
      { op: 'slice', ns: 'a', name: 'web-1', svc: 'web', endpoints: [ep('10.244.0.5', { hostname: 'web-0' }), ep('10.244.0.6')], named: true },
      { op: 'service', ns: 'a', name: 'api', shape: 'clusterip', ip: '10.96.0.7' },
      { op: 'slice', ns: 'a', name: 'api-1', svc: 'api', endpoints: [ep('10.244.0.5', { pod: 'p5' })], named: true },
      { op: 'slice', ns: 'a', name: 'web-1', svc: 'web', endpoints: [ep('10.244.0.5', { hostname: 'web-0', ready: false })], named: true },
      { op: 'slice', ns: 'a', name: 'api-1', svc: 'web', endpoints: [ep('10.244.0.8')], named: false }, // relabelled
      { op: 'config', config: { dnsPods: 'verified', dnsEndpointPodNames: true } },
      { op: 'pod', ns: 'a', name: 'p5', ip: '10.244.0.5' },
      { op: 'pod', ns: 'a', name: 'p6', ip: '10.244.0.5' },
      { op: 'delete', kind: 'Pod', ns: 'a', name: 'p5' },
      { op: 'config', config: { dnsPods: 'disabled', dnsIgnoreEmptyService: true, dnsTTL: 30 } },
      { op: 'service', ns: 'a', name: 'api', shape: 'external', ip: '' },
      { op: 'delete', kind: 'Service', ns: 'a', name: 'web' },
      { op: 'delete', kind: 'Namespace', ns: '', name: 'a' },
      { op: 'config', config: { dnsPods: 'insecure' } },
      { op: 'namespace', name: 'b' },
    ]);
  });

  it('random sequences', () => {
    const ns = fc.constantFrom('a', 'b');
    const name = fc.constantFrom('s1', 's2', 's3');
    const ip = fc.constantFrom('10.96.0.1', '10.96.0.2', '10.244.0.1');
    const endpoint = fc.record({
      ip: fc.constantFrom('10.244.0.1', '10.244.0.2', '10.244.0.3'),
      hostname: fc.option(fc.constantFrom('h1', 'h2'), { nil: undefined }),
      pod: fc.option(fc.constantFrom('p1', 'p2'), { nil: undefined }),
      ready: fc.option(fc.boolean(), { nil: undefined }),
    });
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('service' as const), ns, name, shape: fc.constantFrom('clusterip' as const, 'headless' as const, 'external' as const, 'dual' as const), ip }),
      fc.record({ op: fc.constant('slice' as const), ns, name: fc.constantFrom('x', 'y'), svc: name, endpoints: fc.array(endpoint, { maxLength: 3 }), named: fc.boolean() }),
      fc.record({ op: fc.constant('pod' as const), ns, name: fc.constantFrom('p1', 'p2'), ip: fc.constantFrom('10.244.0.1', '10.244.0.2') }),
      fc.record({ op: fc.constant('namespace' as const), name: ns }),
      fc.record({ op: fc.constant('delete' as const), kind: fc.constantFrom('Service' as const, 'EndpointSlice' as const, 'Pod' as const, 'Namespace' as const), ns, name: fc.constantFrom('s1', 's2', 'x', 'y', 'p1', 'a', 'b') }),
      fc.record({
        op: fc.constant('config' as const),
        config: fc.record({
          dnsPods: fc.constantFrom('disabled' as const, 'insecure' as const, 'verified' as const),
          dnsEndpointPodNames: fc.boolean(),
          dnsIgnoreEmptyService: fc.boolean(),
          dnsTTL: fc.constantFrom(0, 5, 3600),
        }, { requiredKeys: [] }),
      }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 25 }), (ops) => replay(ops)), { numRuns: 300 });
  });
});
