// Recomputing only the units a change names must give what a from-scratch build gives, for any
// sequence of Node and config changes (including colliding pod CIDRs and copied MACs).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterNetworkConfig } from '../../../domain/config.js';
import type { Node } from '../../../domain/objects.js';
import type { ObjectChange } from '../../../projections/model.js';
import { routesProjection } from '../../../projections/routes/index.js';
import { buildFromScratch, nodeTable, type UnitState } from './fold.js';
import { makeNode, makeView } from './view.js';

const NAMES = ['n0', 'n1', 'n2', 'n3', 'n4'];
const MACS = ['6e:2f:a0:11:22:33', '7a:10:5c:44:55:66'];

type Op =
  | { t: 'put'; name: string; cidr: number; ip: number | null; mac: number | null; v6: boolean; mtu: number | null }
  | { t: 'del'; name: string }
  | { t: 'config'; podNetwork: 'vxlan' | 'host-gw'; dual: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant('put' as const),
    name: fc.constantFrom(...NAMES),
    cidr: fc.integer({ min: 0, max: 6 }),
    ip: fc.option(fc.integer({ min: 1, max: 6 })),
    mac: fc.option(fc.integer({ min: 0, max: MACS.length - 1 })),
    v6: fc.boolean(),
    mtu: fc.option(fc.constantFrom(1500, 9001, 1400)),
  }),
  fc.record({ t: fc.constant('del' as const), name: fc.constantFrom(...NAMES) }),
  fc.record({ t: fc.constant('config' as const), podNetwork: fc.constantFrom('vxlan' as const, 'host-gw' as const), dual: fc.boolean() }),
);

function nodeFor(op: Extract<Op, { t: 'put' }>): Node {
  return makeNode({
    name: op.name,
    podCIDRs: [`10.244.${op.cidr}.0/24`, ...(op.v6 ? [`fd00:10:244:${op.cidr}::/64`] : [])],
    ips: op.ip === null ? [] : [`192.168.56.${op.ip}`, ...(op.v6 ? [`fd00:56::${op.ip}`] : [])],
    mac: op.mac === null ? undefined : MACS[op.mac],
    mtu: op.mtu ?? undefined,
  });
}

const norm = (s: UnitState) =>
  Object.fromEntries([...s].filter(([, c]) => c.length > 0).sort(([a], [b]) => (a < b ? -1 : 1)));

describe('routes projection: incremental = from scratch', () => {
  it('holds for random Node and config histories', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
        const nodes = new Map<string, Node>();
        let config: Partial<ClusterNetworkConfig> = {};
        const state: UnitState = new Map();
        for (const op of ops) {
          let change: ObjectChange;
          if (op.t === 'put') {
            const before = nodes.get(op.name);
            const after = nodeFor(op);
            nodes.set(op.name, after);
            change = { kind: 'Node', namespace: '', name: op.name, before, after };
          } else if (op.t === 'del') {
            const before = nodes.get(op.name);
            nodes.delete(op.name);
            change = { kind: 'Node', namespace: '', name: op.name, before };
          } else {
            config = {
              podNetwork: op.podNetwork,
              clusterCIDRs: op.dual ? ['10.244.0.0/16', 'fd00:10:244::/56'] : ['10.244.0.0/16'],
            };
            change = { kind: 'ClusterNetworkConfig', namespace: '', name: 'cluster' };
          }
          const view = makeView(nodes.values(), config);
          const affected = [...routesProjection.unitsAffected(change, view)];
          if (change.kind === 'Node') expect(affected).toHaveLength(1);
          for (const u of affected) state.set(u, routesProjection.compute(u, view));

          const scratch = buildFromScratch(routesProjection, view);
          expect(norm(state)).toEqual(norm(scratch));
          for (const n of [...NAMES, 'outsider']) {
            expect(Object.fromEntries(nodeTable(routesProjection, state, n))).toEqual(
              Object.fromEntries(nodeTable(routesProjection, scratch, n)),
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
