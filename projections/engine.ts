// The projection engine: keeps each unit's last contributions, recomputes the units an object
// change touches, and turns the difference into table changes (history, streams, digests).
// Pure and deterministic: the same changes over the same view give the same table changes.

import { CLUSTER, TABLE_NAMES, type ClusterView, type Contribution, type DerivedInputs, type ObjectChange, type Projection, type TableName } from './model.js';
import { sameJsonText } from './same-json.js';
import { TableSet, type TableChange } from './tables.js';

/** One unit's claim on a key: its value and that value's JSON text, encoded once when the claim
 * is taken (the text becomes the table entry's encoding). */
interface Claim {
  unitId: string;
  value: unknown;
  encoded: string;
  /** The recompute that last produced it (ProjectionEngine.recompute): what it did not produce
   * is dropped, with no set of the ids it did. */
  seen: number;
}

/** The claims of every unit on one key. Almost every key has one claimant, so that claim is held
 * as it is: a Map for every key made the heap after loading bench scale's quick envelope 8 MB
 * (~8%) larger. */
type KeyClaims = Claim | Map<string, Claim>; // unit id -> claim

export class ProjectionEngine {
  readonly tables: Record<TableName, TableSet>;
  /** unit id -> the (table, scope, key) ids it claims, and their values. */
  private readonly unitClaims = new Map<string, Map<string, Claim>>();
  /** (table, scope, key) id -> claims of every unit on it. */
  private readonly keyClaims = new Map<string, KeyClaims>();
  private readonly byName: Map<string, Projection>;
  /** projection name -> its derived inputs (model.ts), as of the last change applied (or build):
   * the engine keeps them, as they are no object of the state. */
  private readonly inputs = new Map<string, DerivedInputs>();
  /** Recomputes so far: each stamps the claims it produced (Claim.seen). */
  private recomputes = 0;

  constructor(readonly projections: readonly Projection[]) {
    this.tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, new TableSet(t)])) as Record<TableName, TableSet>;
    this.byName = new Map(projections.map((p) => [p.name, p]));
    // A new engine holds no claims: the tables of the empty cluster, whose inputs these are.
    for (const p of projections) if (p.deriveInputs) this.inputs.set(p.name, p.deriveInputs(null));
  }

  /** Copies of the derived inputs by projection name (previews observe their changes with them). */
  forkInputs(): Map<string, DerivedInputs> {
    return new Map([...this.inputs].map(([name, inputs]) => [name, inputs.fork()]));
  }

  /** What one unit claims now: (table, scope, key) id -> value (previews diff against it). */
  unitClaimsOf(unitId: string): ReadonlyMap<string, unknown> | undefined {
    return valuesOf(this.unitClaims.get(unitId));
  }

  /** Every unit's claim on one (table, scope, key) id. */
  claimsOn(claimId: string): ReadonlyMap<string, unknown> | undefined {
    const claims = this.keyClaims.get(claimId);
    if (!claims) return undefined;
    return claims instanceof Map ? valuesOf(claims) : new Map([[claims.unitId, claims.value]]);
  }

  projection(name: string): Projection | undefined {
    return this.byName.get(name);
  }

  /** Recomputes the units a change may affect; returns the resulting table changes at `rv`. */
  apply(change: ObjectChange, view: ClusterView, rv: number): TableChange[] {
    const pending = new PendingUnits();
    this.note(pending, change, view, rv);
    return this.flush(pending, view);
  }

  /**
   * Notes the units a change may affect, without recomputing them: call with the view right
   * after the change (units are asked then, and derived inputs observe it then). A unit noted
   * several times keeps the rv of the first change that touched it.
   */
  note(pending: PendingUnits, change: ObjectChange, view: ClusterView, rv: number): void {
    for (const p of this.projections) {
      const inputs = this.inputs.get(p.name);
      const units = pending.of(p.name);
      for (const unit of p.unitsAffected(change, view)) if (!units.has(unit)) units.set(unit, rv);
      if (inputs) for (const unit of inputs.observe(change, view)) if (!units.has(unit)) units.set(unit, rv);
    }
  }

  /**
   * Recomputes every noted unit once, against the view as it is now, and empties `pending`. A
   * key's change carries the rv of the first change that touched a unit which changed it: a
   * Service created with its EndpointSlice in one group is projected once, and its rules are
   * the Service event's, as nothing between the two could have been seen.
   */
  flush(pending: PendingUnits, view: ClusterView): TableChange[] {
    const dirty = new Map<string, number>();
    for (const p of this.projections) {
      const units = pending.units.get(p.name);
      if (!units) continue;
      for (const unit of [...units.keys()].sort()) this.recompute(p, unit, view, dirty, units.get(unit)!);
    }
    pending.units.clear();
    return this.settle(dirty);
  }

  /** Computes every unit from scratch (start-up, replay, verify). */
  build(view: ClusterView, rv: number): TableChange[] {
    const dirty = new Map<string, number>();
    for (const p of this.projections) {
      if (p.deriveInputs) this.inputs.set(p.name, p.deriveInputs(view));
      for (const unit of [...new Set(p.allUnits(view))].sort()) this.recompute(p, unit, view, dirty, rv);
    }
    return this.settle(dirty);
  }

  /** Recomputes one unit; each key whose claims it changed is marked dirty at the smallest rv
   * that changed it. The unit's claims are updated in place: a change rarely moves more than a
   * few of a unit's claims, and keeping the rest (their objects and id strings) leaves only what
   * changed for the young generation to copy. A new map per recompute was ~7 of the ~25 KB an
   * endpoint change left alive (bench scale, heap sampling). */
  private recompute(p: Projection, unit: string, view: ClusterView, dirty: Map<string, number>, rv: number): void {
    const unitId = `${p.name}:${unit}`;
    const prev = this.unitClaims.get(unitId);
    const claims = prev ?? new Map<string, Claim>();
    const epoch = ++this.recomputes;
    let computed = 0;
    for (const c of p.compute(unit, view, this.inputs.get(p.name))) {
      const id = claimId(c);
      const old = claims.get(id);
      if (old?.seen === epoch) throw new Error(`projection ${p.name} unit ${unit} claims ${id} twice`);
      computed++;
      // Unchanged: keep the claim the key's claims already hold (same value, same text). The
      // text is only made when the value may have changed.
      const encoded = old && sameJsonText(old.value, c.value) ? old.encoded : JSON.stringify(c.value);
      if (old?.encoded === encoded) {
        old.seen = epoch;
        continue;
      }
      const claim: Claim = { unitId, value: c.value, encoded, seen: epoch };
      claims.set(id, claim);
      this.addClaim(id, claim);
      markDirty(dirty, id, rv);
    }
    if (claims.size > computed) {
      for (const [id, claim] of claims) {
        if (claim.seen === epoch) continue;
        claims.delete(id);
        this.dropClaim(id, unitId);
        markDirty(dirty, id, rv);
      }
    }
    if (!claims.size) this.unitClaims.delete(unitId);
    else if (!prev) this.unitClaims.set(unitId, claims);
  }

  /** Sets the claim of its unit on key `id`, replacing that unit's earlier one. */
  private addClaim(id: string, claim: Claim): void {
    const claims = this.keyClaims.get(id);
    if (claims instanceof Map) claims.set(claim.unitId, claim);
    else if (!claims || claims.unitId === claim.unitId) this.keyClaims.set(id, claim);
    else this.keyClaims.set(id, new Map([[claims.unitId, claims], [claim.unitId, claim]]));
  }

  private dropClaim(id: string, unitId: string): void {
    const claims = this.keyClaims.get(id);
    if (!claims) return;
    if (!(claims instanceof Map)) {
      if (claims.unitId === unitId) this.keyClaims.delete(id);
      return;
    }
    claims.delete(unitId);
    if (claims.size === 1) this.keyClaims.set(id, claims.values().next().value!);
  }

  /** Turns the dirty keys into table changes, in (rv, key id) order. */
  private settle(dirty: Map<string, number>): TableChange[] {
    const changes: TableChange[] = [];
    for (const [id, rv] of [...dirty].sort(byRvThenId)) {
      const { table, scope, key } = parseClaimId(id);
      const claims = this.keyClaims.get(id);
      let value: unknown;
      let encoded: string | undefined;
      if (!claims) value = undefined;
      else if (!(claims instanceof Map)) {
        value = claims.value;
        encoded = claims.encoded;
      } else {
        const units = [...claims.keys()].sort();
        const projection = this.byName.get(units[0]!.split(':')[0]!)!;
        if (!projection.merge) throw new Error(`units ${units.join(', ')} all claim ${table} ${key} and ${projection.name} has no merge`);
        value = projection.merge(table, key, units.map((u) => claims.get(u)!.value));
        encoded = JSON.stringify(value);
      }
      const change = this.tables[table].set(scope, key, value, rv, encoded);
      if (change) changes.push(change);
    }
    return changes;
  }
}

/** Units noted for one recompute (ProjectionEngine.note and flush): per projection name, unit ->
 * the rv of the first change that touched it. */
export class PendingUnits {
  readonly units = new Map<string, Map<string, number>>();

  of(projection: string): Map<string, number> {
    let units = this.units.get(projection);
    if (!units) this.units.set(projection, (units = new Map()));
    return units;
  }
}

function markDirty(dirty: Map<string, number>, id: string, rv: number): void {
  const at = dirty.get(id);
  if (at === undefined || rv < at) dirty.set(id, rv);
}

function byRvThenId(a: [string, number], b: [string, number]): number {
  return a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

function valuesOf(claims: ReadonlyMap<string, Claim> | undefined): ReadonlyMap<string, unknown> | undefined {
  if (!claims) return undefined;
  const out = new Map<string, unknown>();
  for (const [id, c] of claims) out.set(id, c.value);
  return out;
}

function claimId(c: Contribution): string {
  return `${c.table}\u0000${c.scope}\u0000${c.key}`;
}

export function parseClaimId(id: string): { table: TableName; scope: string; key: string } {
  const a = id.indexOf('\u0000');
  const b = id.indexOf('\u0000', a + 1);
  return { table: id.slice(0, a) as TableName, scope: id.slice(a + 1, b), key: id.slice(b + 1) };
}

export { CLUSTER };
