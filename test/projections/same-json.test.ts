// sameJsonText must never call two values the same when their JSON texts differ: the engine keeps
// the old claim's text when it says so, and replay compares those texts byte for byte.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameJsonText } from '../../projections/same-json.js';

describe('sameJsonText', () => {
  it('agrees with equal JSON texts on equal values, nested', () => {
    expect(sameJsonText(['-A KUBE-SVC-X -j KUBE-SEP-Y', '-A KUBE-SEP-Y -j DNAT'], ['-A KUBE-SVC-X -j KUBE-SEP-Y', '-A KUBE-SEP-Y -j DNAT'])).toBe(true);
    expect(sameJsonText({ type: 'A', ttl: 5, data: ['10.96.0.1'] }, { type: 'A', ttl: 5, data: ['10.96.0.1'] })).toBe(true);
  });

  it('says "not the same" where the texts differ or might: key order, undefined members, non-finite numbers', () => {
    expect(sameJsonText({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJsonText({ a: 1, b: undefined }, { a: 1, b: undefined })).toBe(false);
    expect(sameJsonText(NaN, NaN)).toBe(false);
    expect(sameJsonText([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJsonText(['x'], ['x', 'y'])).toBe(false);
    expect(sameJsonText(null, 'null')).toBe(false);
  });

  it('never says "the same" for two JSON values whose texts differ', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        if (sameJsonText(a, b)) expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        // A value and its own copy are always the same.
        expect(sameJsonText(a, JSON.parse(JSON.stringify(a)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
