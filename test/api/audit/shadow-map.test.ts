// A ShadowMap behaves as a copy of its base would (values and iteration order), and never
// writes the base.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShadowMap } from '../../../api/netledger/audit/shadow-map.js';
import { ShadowIndex } from '../../../api/netledger/audit/preview-state.js';

type Op = { op: 'set'; k: number; v: number } | { op: 'delete'; k: number };
const ops = fc.array(
  fc.oneof(fc.record({ op: fc.constant('set' as const), k: fc.integer({ min: 0, max: 9 }), v: fc.integer() }), fc.record({ op: fc.constant('delete' as const), k: fc.integer({ min: 0, max: 9 }) })),
  { maxLength: 30 },
);

describe('ShadowMap', () => {
  it('matches a copied Map under any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer()), { maxLength: 8 }), ops, (init, seq) => {
        const base = new Map(init);
        const frozen = JSON.stringify([...base]);
        const copy = new Map(base);
        const shadow = new ShadowMap(base);
        for (const o of seq) {
          if (o.op === 'set') {
            copy.set(o.k, o.v);
            shadow.set(o.k, o.v);
          } else expect(shadow.delete(o.k)).toBe(copy.delete(o.k));
        }
        expect([...shadow]).toEqual([...copy]);
        expect([...shadow.keys()]).toEqual([...copy.keys()]);
        expect(shadow.size).toBe(copy.size);
        for (let k = 0; k < 10; k++) {
          expect(shadow.get(k)).toBe(copy.get(k));
          expect(shadow.has(k)).toBe(copy.has(k));
        }
        expect(JSON.stringify([...base])).toBe(frozen);
      }),
      { numRuns: 500 },
    );
  });

  it('ShadowIndex hands out copies, so mutating a set leaves the base alone', () => {
    const base = new Map([['a', new Set(['x'])]]);
    const idx = new ShadowIndex(base);
    idx.get('a')!.add('y');
    expect([...idx.get('a')!]).toEqual(['x', 'y']);
    expect([...base.get('a')!]).toEqual(['x']);
  });
});
