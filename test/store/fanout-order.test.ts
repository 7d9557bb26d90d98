// The ledger's two kinds of batch subscribers: 'batch' runs as the batch is published, before its
// writers hear back; 'fanout' (watches, node streams: thousands of sockets) runs once the writers
// have their answers, in batch order, with committedRv and the watch cache already the batch's.

import { afterAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../store/ledger.js';
import { create, ctx, node } from '../support/commands.js';
import { removeDir, tempDir } from '../support/server.js';

describe('batch fan-out', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  it('reaches fanout subscribers after the writers are answered, in batch order, and survives one that throws', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ledger = await Ledger.open({ dataDir: dir });
    const answered = new Set<string>();
    const seen: string[] = [];
    ledger.on('batch', (events: { name: string; rv: number }[]) => {
      for (const e of events) seen.push(`batch ${e.name} answered=${answered.has(e.name)} fannedOut=${ledger.fannedOutRv >= e.rv}`);
    });
    ledger.on('fanout', () => {
      throw new Error('a broken subscriber');
    });
    ledger.on('fanout', (events: { name: string; rv: number }[]) => {
      for (const e of events) {
        // What a watch starting now would catch up from already has the batch. (Recorded, not
        // asserted here: the ledger catches what a subscriber throws.)
        const caughtUp = ledger.committedRv >= e.rv && !!ledger.cache.since(e.rv - 1)?.some((c) => c.event.rv === e.rv);
        seen.push(`fanout ${e.name} answered=${answered.has(e.name)} cached=${caughtUp} fannedOut=${ledger.fannedOutRv >= e.rv}`);
      }
    });
    try {
      await ledger.submit({ ...ctx(), op: 'configure', config: ledger.state.config });
      const write = (name: string) => ledger.submit(create('Node', '', node(name, '192.168.9.11'))).then(() => answered.add(name));
      await write('a');
      await Promise.all([write('b'), write('c')]);
      await write('d');
      await new Promise((resolve) => setImmediate(resolve));
      const of = (kind: string) => seen.filter((l) => l.startsWith(kind) && !l.includes(' cluster '));
      // A bookmark announces fannedOutRv: it reaches a batch only as the batch is fanned out.
      expect(of('batch')).toEqual(['a', 'b', 'c', 'd'].map((n) => `batch ${n} answered=false fannedOut=false`));
      expect(of('fanout')).toEqual(['a', 'b', 'c', 'd'].map((n) => `fanout ${n} answered=true cached=true fannedOut=true`));
    } finally {
      await ledger.close();
    }
  });
});
