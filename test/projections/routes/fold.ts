// A tiny stand-in for the engine: keeps each unit's contributions and materialises a node's
// table as cluster entries overlaid by the node's own (projections/model.ts semantics).

import type { ClusterView, Contribution, Projection } from '../../../projections/model.js';
import { CLUSTER } from '../../../projections/model.js';

export type UnitState = Map<string, Contribution[]>;

export function buildFromScratch(p: Projection, view: ClusterView): UnitState {
  const state: UnitState = new Map();
  for (const u of p.allUnits(view)) {
    const c = p.compute(u, view);
    if (c.length) state.set(u, c);
  }
  return state;
}

export function nodeTable(p: Projection, state: UnitState, node: string): Map<string, unknown> {
  const cluster = new Map<string, unknown[]>();
  const own = new Map<string, unknown[]>();
  for (const unit of [...state.keys()].sort()) {
    for (const c of state.get(unit)!) {
      const target = c.scope === CLUSTER ? cluster : c.scope === node ? own : undefined;
      if (!target) continue;
      target.set(c.key, [...(target.get(c.key) ?? []), c.value]);
    }
  }
  const pick = (key: string, values: unknown[]): unknown => {
    if (values.length === 1) return values[0];
    if (!p.merge) throw new Error(`two units claim ${key}`);
    return p.merge('routes', key, values);
  };
  const table = new Map<string, unknown>();
  for (const [k, vs] of cluster) table.set(k, pick(k, vs));
  for (const [k, vs] of own) table.set(k, pick(k, vs));
  for (const [k, v] of [...table]) if (v === null) table.delete(k);
  return new Map([...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function tableFor(p: Projection, view: ClusterView, node: string): Map<string, unknown> {
  return nodeTable(p, buildFromScratch(p, view), node);
}
