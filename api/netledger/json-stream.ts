// Large JSON replies (a node's whole table is 50–80 MB at the scale envelope) generated piece by
// piece as the socket drains, in chunks of CHUNK_CHARS. One big string or Buffer of that size is
// allocated outside the young generation, and on a 1+ GiB heap such an allocation triggers a full
// garbage collection that cost more than building the reply. Small chunks made on demand die
// young, so a whole-table read stays out of the old generation.

import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

const CHUNK_CHARS = 32 * 1024;

/** A byte stream of the pieces' UTF-8 text, pulled from the iterator only when it is read. */
export function jsonStream(pieces: Iterable<string>): Readable {
  const it = pieces[Symbol.iterator]();
  return new Readable({
    read() {
      let chunk = '';
      for (;;) {
        const next = it.next();
        if (next.done) {
          if (chunk !== '') this.push(Buffer.from(chunk, 'utf8'));
          this.push(null);
          return;
        }
        chunk += next.value;
        if (chunk.length >= CHUNK_CHARS) {
          const more = this.push(Buffer.from(chunk, 'utf8'));
          chunk = '';
          if (!more) return;
        }
      }
    },
  });
}

export function sendJson(reply: FastifyReply, pieces: Iterable<string>): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(jsonStream(pieces));
}

/** The items of a JSON array (without its brackets), each encoded only when it is pulled. */
export function* commaSeparated<T>(items: Iterable<T>, encode: (item: T) => string): Generator<string> {
  let first = true;
  for (const item of items) {
    yield first ? encode(item) : `,${encode(item)}`;
    first = false;
  }
}
