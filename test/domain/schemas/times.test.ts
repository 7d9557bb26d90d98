// metav1.Time and MicroTime as Go decodes and re-encodes them.

import { describe, expect, it } from 'vitest';
import { canonicalTime, normalizeTimes, timeDecodeError } from '../../../domain/schemas/times.js';

describe('canonicalTime', () => {
  it('a Time: UTC, whole seconds, any fraction and offset accepted', () => {
    expect(canonicalTime('2026-12-07T07:00:00Z')).toBe('2026-12-07T07:00:00Z');
    expect(canonicalTime('2026-12-07T07:00:00.999Z')).toBe('2026-12-07T07:00:00Z');
    expect(canonicalTime('2026-12-07T09:30:00+02:30')).toBe('2026-12-07T07:00:00Z');
    expect(canonicalTime('2026-12-07T07:00:00,25Z')).toBe('2026-12-07T07:00:00Z');
    expect(canonicalTime('0050-03-01T00:30:00+01:00')).toBe('0050-02-28T23:30:00Z');
    expect(canonicalTime('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00Z');
    for (const bad of ['2026-12-07t07:00:00z', '2026-12-07', '2026-13-07T07:00:00Z', '2023-02-29T00:00:00Z', '2016-12-31T23:59:60Z']) expect(canonicalTime(bad)).toBeUndefined();
  });

  it('what time.Parse says about a value it refuses: the element it stopped at, or the field out of range', () => {
    const message = (v: string, micro = false) => timeDecodeError('Event', v, micro).status.message;
    expect(message('2024-02-30T00:00:00Z')).toBe('Event in version "v1" cannot be handled as a Event: parsing time "2024-02-30T00:00:00Z": day out of range');
    expect(message('2024-01-01T24:00:00Z')).toBe('Event in version "v1" cannot be handled as a Event: parsing time "2024-01-01T24:00:00Z": hour out of range');
    expect(message('2016-12-31T23:59:60Z')).toContain(': second out of range');
    expect(message('2024-01-01')).toBe('Event in version "v1" cannot be handled as a Event: parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"');
    expect(message('2024-01-01t00:00:00z')).toContain('cannot parse "t00:00:00z" as "T"');
    expect(message('2024-01-01T00:00:00Z', true)).toContain('as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"');
    expect(message('2024-01-01T00:00:00.1234567Z', true)).toContain('cannot parse "7Z" as "Z07:00"');
    expect(message('soon')).toContain('cannot parse "soon" as "2006"');
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
