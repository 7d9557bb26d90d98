// The DNS SOA serial is the rv of the dns table's last change: the same after a restart (the
// tables are rebuilt at start-up, their last change comes from the log), and what a node's
// stream SNAPSHOT states, so every agent, restarted or not, answers the same serial.

import { describe, expect, it } from 'vitest';
import { api, removeDir, startTestServer, tempDir } from '../support/server.js';

const serialOf = (zone: string) => Number(/IN\s+SOA\s+\S+\s+\S+\s+(\d+)/.exec(zone)?.[1]);

describe('DNS SOA serial', () => {
  it('survives a restart and is carried by the stream snapshot', async () => {
    const dataDir = tempDir();
    let s = await startTestServer([], dataDir);
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.11' }] } });
    const svc = await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    // Changes that are not DNS's move the log on, not the serial.
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n2' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.12' }] } });
    const zone = (await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/n1/tables/dns?format=text')).text;
    const serial = serialOf(zone);
    expect(serial).toBeGreaterThanOrEqual(Number(svc.json.metadata.resourceVersion));
    expect(serial).toBeLessThan(s.ledger.committedRv);
    await s.stop();

    s = await startTestServer([], dataDir);
    try {
      expect(serialOf((await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/n1/tables/dns?format=text')).text)).toBe(serial);
      const res = await fetch(`${s.url}/apis/netledger.io/v1/nodes/n1/tables?watch=true&tables=dns`);
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('\n')) text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      const snapshot = JSON.parse(text.slice(0, text.indexOf('\n')));
      expect(snapshot).toMatchObject({ type: 'SNAPSHOT', tables: { dns: { lastChange: String(serial) } } });
    } finally {
      await s.stop();
      removeDir(dataDir);
    }
  });
});
