// The watch cache holds ~50,000 events' table changes for watches and node streams that resume.
// It keeps what node deltas need, and lets go of what only the store's write needed: the value
// texts and the previous values (a superseded rule set would otherwise live on there).

import { afterAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../store/ledger.js';
import { deltasOf } from '../../store/node-deltas.js';
import { create, ctx, node, pod, podReady, service, update } from '../support/commands.js';
import { removeDir, tempDir } from '../support/server.js';

describe('watch cache', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  it('given a service whose endpoint goes unready, when its changes are cached, then they carry values but neither texts nor previous values', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ledger = await Ledger.open({ dataDir: dir });
    try {
      await ledger.submit({ ...ctx(), op: 'configure', config: ledger.state.config });
      await ledger.submit(create('Node', '', node('n1', '192.168.9.11')));
      await ledger.submit(create('Pod', 'default', pod('web-1', 'n1', { app: 'web' })));
      await ledger.submit(podReady('default', 'web-1', true));
      await ledger.submit(create('Service', 'default', service('web', { app: 'web' }, { ports: [{ name: 'http', port: 80, targetPort: 80 }] })));
      const before = ledger.committedRv;
      await ledger.submit(podReady('default', 'web-1', false));

      const cached = ledger.cache.since(before)!.flatMap((c) => c.changes);
      // The flip rewrote rules that existed before: the store wrote their previous values.
      expect(cached.some((c) => c.table === 'iptables' && c.op === 'upsert')).toBe(true);
      for (const c of cached) {
        expect(Object.keys(c).sort()).toEqual(['hiddenFrom', 'key', 'nodeView', 'op', 'rv', 'scope', 'table', 'value']);
      }
      // And what is kept is enough for the node's deltas, as a stream resuming at `before` gets them.
      const deltas = deltasOf('n1', ['iptables'], cached);
      expect(deltas.length).toBeGreaterThan(0);
      for (const d of deltas) expect(d.op === 'delete' || d.value !== undefined).toBe(true);
    } finally {
      await ledger.close();
    }
  });
});
