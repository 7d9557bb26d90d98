// The bounded memo behind the IP and CIDR parsers: one call per distinct text, answers that
// include undefined, and a size that never passes its bound.

import { describe, expect, it } from 'vitest';
import { memoize } from '../../domain/memo.js';

describe('memoize', () => {
  it('calls the function once per text, remembering undefined answers too', () => {
    const calls: string[] = [];
    const parse = memoize((t: string) => {
      calls.push(t);
      return t.startsWith('ok') ? { t } : undefined;
    }, 10);
    const first = parse('ok-1');
    expect(parse('ok-1')).toBe(first);
    expect(parse('bad')).toBeUndefined();
    expect(parse('bad')).toBeUndefined();
    expect(calls).toEqual(['ok-1', 'bad']);
  });

  it('starts over when full, so it holds at most its bound', () => {
    const calls: string[] = [];
    const f = memoize((t: string) => (calls.push(t), t.length), 2);
    for (const t of ['a', 'b', 'c', 'a']) f(t);
    // 'c' found the memo full (a, b) and cleared it, so 'a' was computed again.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
    f('c');
    expect(calls).toHaveLength(4);
  });
});
