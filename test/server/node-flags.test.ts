// The server's V8 flags are written in several places that cannot import them (a shebang, npm
// scripts): each copy must say what server/node-flags.ts says.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.js';

const root = join(import.meta.dirname, '..', '..');
const flags = SERVER_NODE_FLAGS.join(' ');

describe('the server V8 flags', () => {
  it('are on the netledger command\'s shebang line, source and built', () => {
    for (const file of ['bin/netledger.ts', 'dist/bin/netledger.js']) {
      expect(readFileSync(join(root, file), 'utf8').split('\n')[0], file).toBe(`#!/usr/bin/env -S node ${flags}`);
    }
  });

  it('are given to node by `npm start` and `npm run bench`', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.start).toContain(`node ${flags} dist/bin/netledger.js serve`);
    expect(scripts.bench).toContain(`node ${flags} dist/bench/run.js`);
  });
});
