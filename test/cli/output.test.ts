// columns(): kubectl-style tables for people, at any length.

import { describe, expect, it } from 'vitest';
import { columns } from '../../cli/output.js';

describe('columns', () => {
  it('pads each column to its widest cell plus three spaces, the last unpadded, <none> for empty', () => {
    expect(columns(['RV', 'KEY', 'ACTOR'], [['7', 'nat/KUBE-SERVICES', 'alice'], ['123', 'dns', '']])).toBe(
      'RV    KEY                 ACTOR\n7     nat/KUBE-SERVICES   alice\n123   dns                 <none>\n',
    );
  });

  it('prints more rows than a call takes arguments (blame of a node table at the scale envelope)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), `key-${i}`]);
    const lines = columns(['RV', 'KEY'], rows).split('\n');
    expect(lines).toHaveLength(200_002);
    expect(lines[1]).toBe('0        key-0');
    expect(lines[200_000]).toBe('199999   key-199999');
  });
});
