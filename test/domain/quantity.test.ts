// Resource quantities as exact nano-units (what the QoS class compares).

import { describe, expect, it } from 'vitest';
import { quantityNanos } from '../../domain/quantity.js';

describe('quantityNanos', () => {
  it.each([
    ['500m', 500_000_000n],
    ['0.5', 500_000_000n],
    ['1', 1_000_000_000n],
    [2, 2_000_000_000n],
    ['1k', 1_000_000_000_000n],
    ['1e3', 1_000_000_000_000n],
    ['1E-3', 1_000_000n],
    ['100n', 100n],
    ['1.5u', 1_500n],
    ['1Ki', 1024n * 1_000_000_000n],
    ['1Gi', 2n ** 30n * 1_000_000_000n],
    ['1.5Gi', 3n * 2n ** 29n * 1_000_000_000n],
    ['+2M', 2_000_000n * 1_000_000_000n],
    ['-1', -1_000_000_000n],
    // Finer than a nano-unit rounds up, as Quantity does.
    ['0.0000000001', 1n],
  ])('%j', (text, nanos) => {
    expect(quantityNanos(text)).toBe(nanos);
  });

  it('equal amounts written differently are equal', () => {
    expect(quantityNanos('1Gi')).toBe(quantityNanos('1073741824'));
    expect(quantityNanos('0.5')).toBe(quantityNanos('500m'));
  });

  it.each(['', 'abc', '1Q', 'Gi', '.', '1..2', null, {}])('refuses %j', (text) => {
    expect(quantityNanos(text)).toBeUndefined();
  });
});
