// The engine's bookkeeping when several units claim one key: the merged value while they all
// claim it, the survivor's own value once the others let go, and no entry once none claims it.
// Each step is also checked against a from-scratch build of the same claims.

import { describe, expect, it } from 'vitest';
import { ProjectionEngine } from '../../projections/engine.js';
import { CLUSTER, type ClusterView, type Contribution, type Projection } from '../../projections/model.js';

/** What each unit claims on key `k` of the dns table (absent = no claim). */
type Claims = Record<string, string | undefined>;

const CLAIM_ID = `dns\u0000${CLUSTER}\u0000k`;

function projectionOver(claims: Claims): Projection {
  return {
    name: 'p',
    tables: ['dns'],
    unitsAffected: (change) => [change.name],
    allUnits: () => Object.keys(claims),
    compute: (unit): Contribution[] => (claims[unit] === undefined ? [] : [{ table: 'dns', scope: CLUSTER, key: 'k', value: claims[unit] }]),
    merge: (_table, _key, values) => values.join('+'),
  };
}

const view = {} as ClusterView; // the test projection reads its claims, not the cluster

describe('ProjectionEngine: one key claimed by several units', () => {
  const claims: Claims = {};
  const engine = new ProjectionEngine([projectionOver(claims)]);
  let rv = 0;

  /** Unit `unit` now claims `value` (or nothing); returns the key's table value afterwards. */
  function claim(unit: string, value: string | undefined) {
    claims[unit] = value;
    const changes = engine.apply({ kind: 'Test', namespace: '', name: unit }, view, ++rv);
    const scratch = new ProjectionEngine([projectionOver(claims)]);
    scratch.build(view, rv);
    const live = engine.tables.dns.get(CLUSTER, 'k')?.value;
    expect(live).toEqual(scratch.tables.dns.get(CLUSTER, 'k')?.value);
    expect(engine.tables.dns.digest('n1')).toBe(scratch.tables.dns.digest('n1'));
    return { live, changes, claimants: engine.claimsOn(CLAIM_ID) };
  }

  it('given unit a claims k, then it holds a\'s value and a is its one claimant', () => {
    const { live, claimants } = claim('a', '1');
    expect(live).toBe('1');
    expect([...(claimants ?? [])]).toEqual([['p:a', '1']]);
  });

  it('when unit b claims k too, then k holds the merge in unit order', () => {
    const { live, claimants } = claim('b', '2');
    expect(live).toBe('1+2');
    expect([...(claimants ?? [])].sort()).toEqual([['p:a', '1'], ['p:b', '2']]);
  });

  it('when a lets go, then k holds b\'s own value', () => {
    const { live, claimants } = claim('a', undefined);
    expect(live).toBe('2');
    expect([...(claimants ?? [])]).toEqual([['p:b', '2']]);
  });

  it('when a claims again and b changes its value, then both count again', () => {
    claim('a', '3');
    const { live } = claim('b', '4');
    expect(live).toBe('3+4');
  });

  it('when b lets go and then a, then k is deleted and has no claimant', () => {
    expect(claim('b', undefined).live).toBe('3');
    const { live, changes, claimants } = claim('a', undefined);
    expect(live).toBeUndefined();
    expect(changes.map((c) => [c.key, c.op])).toEqual([['k', 'delete']]);
    expect(claimants).toBeUndefined();
  });
});
