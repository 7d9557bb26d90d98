// The server's V8 flags are written where TypeScript cannot import them (npm scripts): each copy
// must say what server/node-flags.ts says.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.js';

const root = join(import.meta.dirname, '..', '..');
const flags = SERVER_NODE_FLAGS.join(' ');

describe('the server V8 flags', () => {
  it('are given to node by `npm start` and `npm run bench`', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.start).toContain(`node ${flags} dist/bin/netledger.js serve`);
    expect(scripts.bench).toContain(`node ${flags} dist/bench/run.js`);
  });
});
