// --retain: compaction keeps the floor readable and answers 410 below it, for reads and watches.

import { afterAll, describe, expect, it } from 'vitest';
import { parseRetain } from '../../store/retention.js';
import { api, removeDir, startTestServer, tempDir } from '../support/server.js';

describe('retention', () => {
  const dataDir = tempDir();
  afterAll(() => removeDir(dataDir));

  it('parses revisions and ages', () => {
    expect(parseRetain('10000')).toEqual({ revisions: 10000 });
    expect(parseRetain('24h')).toEqual({ ageSeconds: 86400 });
    expect(() => parseRetain('soon')).toThrow(/expected a number of revisions/);
  });

  it('compacts below the floor, keeps the floor readable, 410 below it', async () => {
    let s = await startTestServer([], dataDir);
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.11' }] } });
    for (let i = 0; i < 10; i++) {
      await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: `s${i}` }, spec: { selector: { app: `a${i}` }, ports: [{ port: 80 }] } });
    }
    const head = s.ledger.committedRv;
    await s.stop();
    s = await startTestServer(['--retain', '5'], dataDir);
    try {
      const floor = s.ledger.floorRv;
      expect(floor).toBe(head - 5);
      // At the floor: the table and the objects are readable.
      const atFloor = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/n1/tables/iptables?resourceVersion=${floor}`);
      expect(atFloor.status).toBe(200);
      expect(atFloor.json.entries.length).toBeGreaterThan(0);
      const list = await api(s.url, 'GET', `/api/v1/namespaces/default/services?resourceVersion=${floor}&resourceVersionMatch=Exact`);
      expect(list.status).toBe(200);
      expect(list.json.metadata.resourceVersion).toBe(String(floor));
      // Below it: 410 with the floor in the message.
      const below = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/n1/tables/iptables?resourceVersion=${floor - 1}`);
      expect(below.status).toBe(410);
      expect(below.json.message).toContain(String(floor));
      const watch = await api(s.url, 'GET', `/api/v1/namespaces/default/services?watch=true&resourceVersion=${floor - 1}`);
      const first = JSON.parse(watch.text.split('\n')[0]!);
      expect(first).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
    } finally {
      await s.stop();
    }
  });
});
