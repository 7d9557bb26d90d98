import { describe, expect, it } from 'vitest';
import { duplicateFields } from '../../api/duplicate-fields.js';
import { warningHeader } from '../../api/body-checks.js';

describe('duplicateFields', () => {
  it('names each repeated key by its path, arrays by index, in order', () => {
    expect(duplicateFields('{"metadata":{"name":"a","name":"b"},"spec":{"containers":[{"name":"c","image":"x"},{"image":"y","image":"z"}]}}')).toEqual([
      'metadata.name',
      'spec.containers[1].image',
    ]);
    expect(duplicateFields('{"a":1,"a":2,"a":3}')).toEqual(['a', 'a']);
    expect(duplicateFields('[{"a":1},{"a":2}]')).toEqual([]);
  });

  it('reads keys as JSON does (escapes), and ignores braces and quotes inside strings', () => {
    expect(duplicateFields('{"k":"}{\\"","\\u006b":1}')).toEqual(['k']);
    expect(duplicateFields('{"x":{"a":1},"y":{"a":2},"z":[[{"b":1,"b":2}]]}')).toEqual(['z[0][0].b']);
    expect(duplicateFields('{"s":"a,b,c","t":[1,2,3],"u":null}')).toEqual([]);
  });

  it('reports at most `limit` repeats, and spells out a deep path only for those', () => {
    const deep = '{"a":'.repeat(2000) + '{' + '"k":1,'.repeat(100_000) + '"k":1}' + '}'.repeat(2000);
    const found = duplicateFields(deep);
    expect(found).toHaveLength(100);
    expect(found[0]).toBe(`${'a.'.repeat(2000)}k`);
  });
});

describe('warningHeader', () => {
  it('keeps within kube-apiserver limits: 256 runes an item once past 4 Ki in all', () => {
    const few = warningHeader(['unknown field "spec.a"']);
    expect(few).toBe('299 - "unknown field \\"spec.a\\""');
    const many = warningHeader(Array.from({ length: 1000 }, (_, i) => `duplicate field "${'x'.repeat(300)}${i}"`));
    expect(many.length).toBeLessThan(5000);
    expect(many.split('299 - ').length - 1).toBe(16);
  });
});
