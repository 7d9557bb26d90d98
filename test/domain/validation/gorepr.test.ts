import { describe, expect, it } from 'vitest';
import { goPlainValue } from '../../../domain/validation/gorepr.js';

describe('goPlainValue (%+v of a JSON document decoded into interface{}, ints kept)', () => {
  it('prints maps with sorted keys, slices space-separated, strings bare and null as <nil>', () => {
    expect(goPlainValue({ spec: { b: [1, 'x y', null, true], a: {} }, metadata: { labels: { z: '1' } } })).toBe('map[metadata:map[labels:map[z:1]] spec:map[a:map[] b:[1 x y <nil> true]]]');
  });

  it('prints integers as int64 and other numbers as float64 %v: shortest, an exponent below 1e-04 and from 1e+06', () => {
    expect([1000000, -3, 2.5, 123456.5, 1234567.5, 0.0001, 0.00001, 1e21 + 0.5].map(goPlainValue)).toEqual([
      '1000000',
      '-3',
      '2.5',
      '123456.5',
      '1.2345675e+06',
      '0.0001',
      '1e-05',
      '1e+21',
    ]);
  });
});
