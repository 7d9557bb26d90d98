// Resource quantities as exact nano-units (what the QoS class compares).

import { describe, expect, it } from 'vitest';
import { canonicalQuantity, quantityFormat, quantityNanos, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR } from '../../domain/quantity.js';

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

  it.each(['', 'abc', '1Q', '1..2', null, {}])('refuses %j', (text) => {
    expect(quantityNanos(text)).toBeUndefined();
  });

  it('reads a text with no digits as 0, as parseQuantityString does', () => {
    for (const text of ['Gi', '.', '-', 'e3']) expect(quantityNanos(text)).toBe(0n);
  });
});

describe('quantityFormat and canonicalQuantity (ParseQuantity, CanonicalizeBytes)', () => {
  it.each([
    [0.5, '500m'],
    ['0.5', '500m'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['1000m', '1'],
    ['0.1', '100m'],
    ['100', '100'],
    ['512', '512'],
    ['1Ki', '1Ki'],
    ['1023Ki', '1023Ki'],
    ['100Mi', '100Mi'],
    ['0.5Ki', '512'],
    ['1.5Ki', '1536'],
    ['1e3', '1e3'],
    ['1E6', '1E6'],
    ['12e2', '1200'],
    ['0', '0'],
    ['0Gi', '0'],
    ['-500m', '-500m'],
    ['+2M', '+2M'],
    ['-', '0'],
    ['e3', '0'],
    ['Mi', '0'],
    // Past int64 units, capped as ParseQuantity caps (and at once, whatever the text's size).
    ['12345678901234567890', '9223372036854775807'],
    ['1e100000', '9223372036854775807'],
    [`1${'0'.repeat(1_000_000)}`, '9223372036854775807'],
    [`0.${'0'.repeat(1_000_000)}1`, '1n'],
    [' 1Gi ', '1Gi'],
    ['0.0000000001', '1n'],
    ['129e-2', '1290e-3'],
  ])('%s → %j', (given, canonical) => {
    expect(canonicalQuantity(given)).toBe(canonical);
  });

  it('refuses what ParseQuantity refuses, with its error', () => {
    for (const bad of ['2x', 'lots', '1.2.3', '2KiB', '']) expect(quantityFormat(bad)).toEqual({ error: QUANTITY_FORMAT_ERROR });
    for (const bad of ['2KM', '1e', '3mi', '1Gi5']) expect(quantityFormat(bad)).toEqual({ error: QUANTITY_SUFFIX_ERROR });
    expect(quantityFormat('2Ki')).toBe('BinarySI');
    expect(quantityFormat('2k')).toBe('DecimalSI');
    expect(quantityFormat('2e-3')).toBe('DecimalExponent');
  });
});
