import { describe, expect, it } from 'vitest';
import { duplicateFields } from '../../api/duplicate-fields.js';

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
});
