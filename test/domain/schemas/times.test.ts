// metav1.Time and MicroTime as Go decodes and re-encodes them.

import { describe, expect, it } from 'vitest';
import { canonicalTime, normalizeTimes } from '../../../domain/schemas/times.js';

describe('canonicalTime', () => {
  it('a Time: UTC, whole seconds, any fraction and offset accepted', () => {
    expect(canonicalTime('2026-12-07T07:00:00Z')).toBe('2026-12-07T07:00:00Z');
    expect(canonicalTime('2026-12-07T07:00:00.999Z')).toBe('2026-12-07T07:00:00Z');
    expect(canonicalTime('2026-12-07T09:30:00+02:30')).toBe('2026-12-07T07:00:00Z');
    expect(canonicalTime('2026-12-07t07:00:00z')).toBe('2026-12-07T07:00:00Z');
    expect(canonicalTime('2026-12-07')).toBeUndefined();
    expect(canonicalTime('2026-13-07T07:00:00Z')).toBeUndefined();
  });

  it('a MicroTime: exactly six fraction digits (RFC3339Micro), kept, in UTC', () => {
    expect(canonicalTime('2026-12-07T08:00:00.123456+01:00', true)).toBe('2026-12-07T07:00:00.123456Z');
    expect(canonicalTime('2026-12-07T07:00:00Z', true)).toBeUndefined();
    expect(canonicalTime('2026-12-07T07:00:00.123Z', true)).toBeUndefined();
    expect(canonicalTime('2026-12-07T07:00:00.123456789Z', true)).toBeUndefined();
  });
});

describe('normalizeTimes', () => {
  it('rewrites every Time of a Pod the schema declares: conditions, managedFields', () => {
    const pod = {
      metadata: { name: 'p', managedFields: [{ manager: 'm', operation: 'Update', time: '2026-12-07T07:00:00.5Z' }] },
      status: {
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-12-07T08:00:00+01:00' }],
        message: '2026-12-07T07:00:00.5Z',
      },
    };
    normalizeTimes('Pod', pod);
    expect(pod.metadata.managedFields[0]!.time).toBe('2026-12-07T07:00:00Z');
    expect(pod.status.conditions[0]!.lastTransitionTime).toBe('2026-12-07T07:00:00Z');
    // Not a time field: left alone.
    expect(pod.status.message).toBe('2026-12-07T07:00:00.5Z');
  });
});
