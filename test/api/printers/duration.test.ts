import { describe, expect, it } from 'vitest';
import { humanDuration, translateTimestampSince } from '../../../api/printers/index.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (duration.HumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1999, '0s'], // int(-1.999) = -1: within the tolerated skew
    [-1 * s, '0s'],
    [0, '0s'],
    [999, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [3 * m + 20 * s, '3m20s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 3 * m, '5h3m'],
    [7 * h + 59 * m + 59 * s, '7h59m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [2 * d, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [3 * 365 * d + 100 * d, '3y100d'],
    [8 * 365 * d, '8y'],
    [20 * 365 * d + 5 * d, '20y'],
  ])('%d ms -> %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('translateTimestampSince', () => {
    const now = new Date('2025-01-03T03:00:00Z');
    expect(translateTimestampSince('2025-01-01T00:00:00Z', now)).toBe('2d3h');
    expect(translateTimestampSince('2025-01-03T02:56:40Z', now)).toBe('3m20s');
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>');
  });
});
