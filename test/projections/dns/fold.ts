// A tiny stand-in for the engine: compute units, keep each unit's contributions, and fold the
// claims per key with the projection's merge (claims passed ordered by unit id).

import type { ClusterView, Contribution, Projection } from '../../../projections/model.js';

export class UnitFold {
  readonly byUnit = new Map<string, Contribution[]>();
  constructor(private readonly projection: Projection) {}

  recompute(units: Iterable<string>, view: ClusterView): void {
    for (const unit of units) {
      const contributions = this.projection.compute(unit, view);
      if (contributions.length > 0) this.byUnit.set(unit, contributions);
      else this.byUnit.delete(unit);
    }
  }

  table(): Map<string, unknown> {
    const claims = new Map<string, unknown[]>();
    for (const unit of [...this.byUnit.keys()].sort()) {
      for (const c of this.byUnit.get(unit)!) {
        const list = claims.get(c.key) ?? [];
        list.push(c.value);
        claims.set(c.key, list);
      }
    }
    const out = new Map<string, unknown>();
    for (const key of [...claims.keys()].sort()) {
      const values = claims.get(key)!;
      if (values.length > 1 && !this.projection.merge) throw new Error(`two units claim ${key}`);
      out.set(key, values.length === 1 ? values[0] : this.projection.merge!('dns', key, values));
    }
    return out;
  }
}

export function buildTable(projection: Projection, view: ClusterView): Map<string, unknown> {
  const fold = new UnitFold(projection);
  fold.recompute(projection.allUnits(view), view);
  return fold.table();
}
