// The topology cache's allocation, with the cases of upstream's topologycache_test.go
// (TestAddHints, TestSetNodes) where their outcome does not depend on Go's map order.

import { describe, expect, it } from 'vitest';
import {
  allocateHints,
  hintsByZone,
  hintsEnabled,
  nodeCapacity,
  serviceOverloaded,
  ZoneCapacity,
} from '../../../domain/controllers/topology-cache.js';
import type { Node, SliceEndpoint } from '../../../domain/objects.js';

/** `ready: 'unknown'` leaves conditions out, as upstream's endpoint with no Ready condition. */
const ep = (address: string, zone: string | undefined, ready: boolean | 'unknown' = true): SliceEndpoint => ({
  addresses: [address],
  ...(ready === 'unknown' ? {} : { conditions: { ready } }),
  ...(zone ? { zone } : {}),
});
const hintOf = (e: SliceEndpoint) => (e.hints as { forZones: { name: string }[] } | undefined)?.forZones.map((z) => z.name).join(',');
const ratios = (r: Record<string, number>) => new Map(Object.entries(r).sort());

function node(zone: string | undefined, cpu: string | undefined, ready = 'True', labels: Record<string, string> = {}): Node {
  return {
    metadata: { name: 'n', labels: { ...labels, ...(zone ? { 'topology.kubernetes.io/zone': zone } : {}) } },
    status: { conditions: [{ type: 'Ready', status: ready }], ...(cpu ? { allocatable: { cpu } } : {}) },
  } as Node;
}

function capacityOf(nodes: Node[]): ReadonlyMap<string, number> | undefined {
  const c = new ZoneCapacity();
  for (const n of nodes) c.add(nodeCapacity(n));
  return c.ratios();
}

describe('ZoneCapacity (TestSetNodes)', () => {
  it('needs two zones of ready nodes, each with a zone and CPU', () => {
    expect(capacityOf([])).toBeUndefined();
    expect(capacityOf([node('zone-a', '1000m')])).toBeUndefined();
    expect(capacityOf([node('zone-a', '1000m'), node('zone-a', '1000m')])).toBeUndefined();
    expect(capacityOf([node('zone-a', '1000m'), node('zone-b', '1000m')])).toEqual(ratios({ 'zone-a': 0.5, 'zone-b': 0.5 }));
    // An unready node, or a control-plane one, does not count; one zone is then left.
    expect(capacityOf([node('zone-a', '1000m', 'False'), node('zone-b', '1000m')])).toBeUndefined();
    expect(capacityOf([node('zone-a', '1000m'), node('zone-b', '1000m', 'True', { 'node-role.kubernetes.io/control-plane': '' })])).toBeUndefined();
    expect(capacityOf([node('zone-a', '1000m'), node('zone-b', '1000m'), node('zone-b', '1000m', 'False')])).toEqual(ratios({ 'zone-a': 0.5, 'zone-b': 0.5 }));
    expect(capacityOf([node('zone-a', '1000m'), node('zone-b', '1000m'), node('zone-b', '1', 'True', { 'node-role.kubernetes.io/master': '' })])).toEqual(
      ratios({ 'zone-a': 0.5, 'zone-b': 0.5 }),
    );
    expect(
      capacityOf([
        node('zone-a', '1000m'), node('zone-a', '1000m'), node('zone-a', '1000m'), node('zone-a', '2000m'),
        node('zone-b', '3000m'), node('zone-b', '1500m'), node('zone-c', '500m'),
      ]),
    ).toEqual(ratios({ 'zone-a': 0.5, 'zone-b': 0.45, 'zone-c': 0.05 }));
  });

  it('turns hints off while any counted node lacks a zone or CPU, and follows nodes one at a time', () => {
    expect(capacityOf([node('zone-a', '1'), node('zone-b', '1'), node(undefined, '1')])).toBeUndefined();
    expect(capacityOf([node('zone-a', '1'), node('zone-b', '1'), node('zone-b', undefined)])).toBeUndefined();
    expect(capacityOf([node('zone-a', '1'), node('zone-b', '1'), node('zone-b', '0')])).toBeUndefined();
    const c = new ZoneCapacity();
    const [a, b, lost] = [node('zone-a', '2'), node('zone-b', '6'), node(undefined, '1')];
    for (const n of [a, b, lost]) c.add(nodeCapacity(n));
    expect(c.ratios()).toBeUndefined();
    c.remove(nodeCapacity(lost));
    expect(c.ratios()).toEqual(ratios({ 'zone-a': 0.25, 'zone-b': 0.75 }));
    c.remove(nodeCapacity(a));
    expect(c.ratios()).toBeUndefined();
  });
});

describe('allocateHints (TestAddHints)', () => {
  it('gives no hints without zone ratios', () => {
    const eps = [ep('10.1.2.3', 'zone-a')];
    expect(allocateHints(eps, undefined)).toBe(false);
    expect(eps[0]!.hints).toBeUndefined();
  });

  it('gives no hints with fewer endpoints than zones', () => {
    const eps = [ep('10.1.2.3', 'zone-a'), ep('10.1.2.4', 'zone-b')];
    expect(allocateHints(eps, ratios({ 'zone-a': 0.3, 'zone-b': 0.4, 'zone-c': 0.3 }))).toBe(false);
    expect(eps.map(hintOf)).toEqual([undefined, undefined]);
  });

  it('hints each endpoint for its own zone when that is within the threshold, ready ones only', () => {
    const eps = [ep('10.1.2.3', 'zone-a'), ep('10.1.2.4', 'zone-b'), ep('10.1.2.5', 'zone-b', false), ep('10.1.2.6', 'zone-b', 'unknown')];
    expect(allocateHints(eps, ratios({ 'zone-a': 0.45, 'zone-b': 0.55 }))).toBe(true);
    expect(eps.map(hintOf)).toEqual(['zone-a', 'zone-b', undefined, undefined]);
  });

  it('moves endpoints from zones with too many to zones with too few (3 zones)', () => {
    // ToCreate then ToUpdate, as upstream's case "slices to create and update within 3 zone threshold".
    const eps = [
      ep('10.1.2.3', 'zone-a'), ep('10.1.2.4', 'zone-b'),
      ep('10.1.3.3', 'zone-c'), ep('10.1.3.4', 'zone-c'), ep('10.1.3.4', 'zone-a'),
      ep('10.2.2.3', 'zone-a'), ep('10.2.2.4', 'zone-a'),
      ep('10.2.3.3', 'zone-b'), ep('10.2.3.4', 'zone-c'), ep('10.2.3.4', 'zone-a'),
    ];
    expect(allocateHints(eps, ratios({ 'zone-a': 0.35, 'zone-b': 0.35, 'zone-c': 0.3 }))).toBe(true);
    expect(eps.map(hintOf)).toEqual(['zone-b', 'zone-b', 'zone-c', 'zone-c', 'zone-a', 'zone-a', 'zone-a', 'zone-b', 'zone-c', 'zone-a']);
    expect(hintsByZone(eps)).toEqual(new Map([['zone-b', 3], ['zone-c', 3], ['zone-a', 4]]));
  });

  it('gives no hints when a ready endpoint has no zone, or the minimums cannot all be met', () => {
    const noZone = [ep('10.1.2.3', 'zone-a'), ep('10.1.2.4', undefined), ep('10.1.2.5', 'zone-b'), ep('10.1.2.6', 'zone-a')];
    noZone[0]!.hints = { forZones: [{ name: 'zone-a' }] };
    expect(allocateHints(noZone, ratios({ 'zone-a': 0.5, 'zone-b': 0.5 }))).toBe(false);
    expect(noZone.map(hintOf)).toEqual([undefined, undefined, undefined, undefined]);
    noZone[1]!.zone = 'zone-b';
    expect(allocateHints(noZone, ratios({ 'zone-a': 0.5, 'zone-b': 0.5 }))).toBe(true);
    // 3 endpoints over shares 0.1/0.45/0.45: minimums 1 + 2 + 2 = 5 > 3.
    expect(allocateHints([ep('a', 'z1'), ep('b', 'z2'), ep('c', 'z3')], ratios({ z1: 0.1, z2: 0.45, z3: 0.45 }))).toBe(false);
  });

  it('hints one zone with all endpoints when its share is that large', () => {
    // 4 endpoints in zone-a, shares 0.75 / 0.25: zone-b receives one of zone-a's.
    const eps = [ep('a1', 'zone-a'), ep('a2', 'zone-a'), ep('a3', 'zone-a'), ep('a4', 'zone-a')];
    expect(allocateHints(eps, ratios({ 'zone-a': 0.75, 'zone-b': 0.25 }))).toBe(true);
    expect(eps.map(hintOf)).toEqual(['zone-b', 'zone-a', 'zone-a', 'zone-a']);
  });
});

describe('serviceOverloaded and hintsEnabled', () => {
  it('is overloaded when a zone falls below its minimum or has no hinted endpoint, and never without hints', () => {
    const even = ratios({ 'zone-a': 0.5, 'zone-b': 0.5 });
    expect(serviceOverloaded(new Map(), even)).toBe(false);
    expect(serviceOverloaded(new Map([['zone-a', 2], ['zone-b', 2]]), even)).toBe(false);
    expect(serviceOverloaded(new Map([['zone-a', 3], ['zone-b', 1]]), even)).toBe(true);
    expect(serviceOverloaded(new Map([['zone-a', 4]]), even)).toBe(true);
    expect(serviceOverloaded(new Map([['zone-a', 2], ['zone-b', 2]]), undefined)).toBe(true);
  });

  it('reads the annotation as upstream: the deprecated one first, Auto or auto', () => {
    expect(hintsEnabled({ 'service.kubernetes.io/topology-mode': 'Auto' })).toBe(true);
    expect(hintsEnabled({ 'service.kubernetes.io/topology-mode': 'auto' })).toBe(true);
    expect(hintsEnabled({ 'service.kubernetes.io/topology-mode': 'PreferZone' })).toBe(false);
    expect(hintsEnabled({ 'service.kubernetes.io/topology-aware-hints': 'auto' })).toBe(true);
    expect(hintsEnabled({ 'service.kubernetes.io/topology-aware-hints': 'disabled', 'service.kubernetes.io/topology-mode': 'Auto' })).toBe(false);
    expect(hintsEnabled(undefined)).toBe(false);
  });
});
