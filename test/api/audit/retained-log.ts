// A server whose log was compacted for real: many objects written without retention, then the
// server restarted with `--retain 40`, so the floor sits well above rv 0 and below it only each
// object's last event (and each key's last change) is left.

import { api, startTestServer, type TestServer } from '../../support/server.js';

export const RETAIN = 40;

export async function retainedServer(dataDir: string, services = 30): Promise<TestServer> {
  const first = await startTestServer([], dataDir);
  try {
    await api(first.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.11' }] } });
    for (let i = 0; i < services; i++) {
      const r = await api(first.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: `s${i}` }, spec: { selector: { app: `a${i}` }, ports: [{ port: 80 }] } });
      if (r.status !== 201) throw new Error(`fixture: ${r.status} ${r.text}`);
    }
    // A second event for every service, so compaction has rows to remove below the floor.
    for (let i = 0; i < services; i++) {
      await api(first.url, 'PATCH', `/api/v1/namespaces/default/services/s${i}`, { metadata: { labels: { v: '2' } } }, { 'content-type': 'application/merge-patch+json' });
    }
    // Table changes above the floor too (the label edits change no node table).
    for (let i = 0; i < 3; i++) {
      await api(first.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: `late${i}` }, spec: { selector: { app: `l${i}` }, ports: [{ port: 80 }] } });
    }
  } finally {
    await first.stop();
  }
  const s = await startTestServer(['--retain', String(RETAIN)], dataDir);
  // Compaction runs on start, once the ledger has settled.
  for (let i = 0; i < 100 && s.ledger.floorRv === 0; i++) await new Promise((r) => setTimeout(r, 20));
  if (s.ledger.floorRv === 0) throw new Error('fixture: compaction did not run');
  return s;
}
