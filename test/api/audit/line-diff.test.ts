// The line diff against GNU diff -u, and its edit scripts rebuild the new text from the old.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, splitLines, unifiedDiff } from '../../../api/netledger/audit/line-diff.js';
import { removeDir } from '../../support/server.js';

function gnuDiff(a: string, b: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nl-linediff-'));
  writeFileSync(join(dir, 'a'), a);
  writeFileSync(join(dir, 'b'), b);
  try {
    execFileSync('diff', ['-u', '--label', 'a', '--label', 'b', join(dir, 'a'), join(dir, 'b')]);
    return '';
  } catch (e) {
    return String((e as { stdout: Buffer }).stdout);
  } finally {
    removeDir(dir);
  }
}

/** Applies an edit script: keeps and adds in order must spell b; keeps and removes, a. */
function rebuild(a: string[], b: string[]): { a: string[]; b: string[] } {
  const edits = diffLines(a, b);
  return { a: edits.filter((e) => e.op !== 2).map((e) => a[e.a]!), b: edits.filter((e) => e.op !== 1).map((e) => (e.op === 0 ? a[e.a]! : b[e.b]!)) };
}

describe('line diff', () => {
  it('matches diff -u on an edit in the middle, at both ends, and on whole replacement', () => {
    const base = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const cases: [string[], string[]][] = [
      [base, [...base.slice(0, 8), 'inserted', ...base.slice(8, 12), ...base.slice(13)]],
      [base, ['first', ...base.slice(1), 'last']],
      [base, [...base.slice(0, 3), ...base.slice(17)]],
      [['a', 'b'], ['c', 'd', 'e']],
      [[], ['only']],
      [['only'], []],
    ];
    for (const [a, b] of cases) {
      const ta = a.map((l) => l + '\n').join('');
      const tb = b.map((l) => l + '\n').join('');
      expect(unifiedDiff(splitLines(ta), splitLines(tb), { from: 'a', to: 'b' })).toBe(gnuDiff(ta, tb));
    }
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff(['x', 'y'], ['x', 'y'], { from: 'a', to: 'b' })).toBe('');
  });

  it('edit scripts turn a into b (random line lists, repeats included)', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'COMMIT', '*nat');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(line, { maxLength: 40 }), (a, b) => {
        const r = rebuild(a, b);
        expect(r.a).toEqual(a);
        expect(r.b).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });

  it('stays fast when everything differs', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `old ${i % 7}`);
    const b = Array.from({ length: 20_000 }, (_, i) => `new ${i % 5}`);
    const t = performance.now();
    const r = rebuild(a, b);
    expect(r.b).toEqual(b);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
