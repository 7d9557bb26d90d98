// mergeSorted: two ascending key lists into one ascending list without duplicates, whether the
// second is about as long as the first (a linear merge) or a few keys into many (placed by binary
// search: a node's overrides into the cluster's keys).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSorted, SortedKeys } from '../../projections/sorted-keys.js';

const sortedUnique = (keys: string[]) => [...new Set(keys)].sort();

describe('mergeSorted', () => {
  it('equals sorting the union, for long and short second lists alike', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '/', 'K', '-'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.array(key, { maxLength: 40 }), (a, b) => {
        const x = sortedUnique(a);
        const y = sortedUnique(b);
        expect(mergeSorted(x, y)).toEqual(sortedUnique([...x, ...y]));
        expect(mergeSorted(y, x)).toEqual(sortedUnique([...x, ...y]));
      }),
      { numRuns: 500 },
    );
  });

  it('places a few keys among many: before the first, between, equal to one, after the last', () => {
    const many = Array.from({ length: 100 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    expect(mergeSorted(many, ['a', 'k050', 'k050x', 'z'])).toEqual(['a', ...many.slice(0, 51), 'k050x', ...many.slice(51), 'z']);
  });

  it('SortedKeys lists its members in order after adds and deletes', () => {
    const s = new SortedKeys();
    for (const k of ['m', 'c', 'x', 'a']) s.add(k);
    expect(s.list()).toEqual(['a', 'c', 'm', 'x']);
    s.delete('c');
    s.add('b');
    expect(s.list()).toEqual(['a', 'b', 'm', 'x']);
  });
});
