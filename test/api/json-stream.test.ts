import { describe, expect, it } from 'vitest';
import { commaSeparated, jsonStream } from '../../api/netledger/json-stream.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

describe('jsonStream', () => {
  it('streams exactly the pieces, across chunk boundaries and multi-byte text', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ key: `k${i}`, note: i % 7 === 0 ? 'ümlaut ✓' : 'x'.repeat(i % 50) }));
    const pieces = ['[', ...commaSeparated(items, (o) => JSON.stringify(o)), ']'];
    const text = await readAll(jsonStream(pieces));
    expect(JSON.parse(text)).toEqual(items);
    expect(text).toBe(pieces.join(''));
  });

  it('pulls pieces only as the stream is read', async () => {
    let pulled = 0;
    function* pieces() {
      for (let i = 0; i < 100_000; i++) {
        pulled++;
        yield 'y'.repeat(100);
      }
    }
    // A reader that takes one chunk and waits (as a socket does when its buffer is full).
    const stream = jsonStream(pieces());
    await new Promise((resolve) => stream.once('readable', resolve));
    const first = stream.read() as Buffer;
    expect(first.length).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(2_000);
    stream.destroy();
  });

  it('encodes an empty list as nothing between the brackets', async () => {
    expect(await readAll(jsonStream(['[', ...commaSeparated([], String), ']']))).toBe('[]');
  });
});
