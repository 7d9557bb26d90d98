// objectJson keeps an object's text only for the write that encoded it: forgotten once its answers
// are out, and a read of the state (a watch's initial list) encodes without keeping anything.

import { describe, expect, it } from 'vitest';
import { forgetObjectJson, objectJson, objectJsonOnce } from '../../store/object-json.js';

describe('objectJson', () => {
  it('encodes once for a write, hands the same text out until forgotten', () => {
    const obj = { kind: 'Pod', metadata: { name: 'p' } };
    const text = objectJson(obj);
    expect(text).toBe(JSON.stringify(obj));
    // Kept: the very same string, not a new encoding.
    obj.metadata.name = 'changed-behind-its-back';
    expect(objectJsonOnce(obj)).toBe(text);
    forgetObjectJson([obj]);
    expect(objectJsonOnce(obj)).toBe(JSON.stringify(obj));
  });

  it('objectJsonOnce keeps nothing', () => {
    const obj = { kind: 'Service', metadata: { name: 's' } };
    expect(objectJsonOnce(obj)).toBe(JSON.stringify(obj));
    obj.metadata.name = 't';
    expect(objectJsonOnce(obj)).toBe(JSON.stringify(obj));
  });
});
