// `history?key=` by a short name (`KUBE-SVC-X` for `nat/KUBE-SVC-X`) also finds a chain that is
// gone: "what happened to the chain this old log line names?" is asked after the Service went.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../../support/server.js';

const NL = '/apis/netledger.io/v1';

describe('history of a removed key by its short name', () => {
  const s = suiteServer();

  it('lists the chain from its creation to its removal', async () => {
    const write = async (method: string, path: string, body?: unknown) => {
      const r = await api(s.url, method, path, body, method === 'PATCH' ? { 'content-type': 'application/merge-patch+json' } : {});
      expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
      return r.json;
    };
    await write('POST', '/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.9.1' }] } });
    await write('POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'gone' } }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }] }] } });
    await write('PATCH', '/api/v1/namespaces/default/pods/p/status', { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } });
    await write('POST', '/api/v1/namespaces/default/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'gone' }, spec: { selector: { app: 'gone' }, ports: [{ port: 80 }] } });
    const table = (await api(s.url, 'GET', `${NL}/nodes/n1/tables/iptables`)).json;
    const key = table.entries.map((e: any) => e.key).find((k: string) => /^nat\/KUBE-SVC-/.test(k) && table.entries.find((e: any) => e.key === k).value.some((r: string) => r.includes('default/gone')));
    expect(key).toBeDefined();
    await write('DELETE', '/api/v1/namespaces/default/services/gone');
    const short = key.slice('nat/'.length);
    const h = await api(s.url, 'GET', `${NL}/nodes/n1/tables/iptables/history?key=${short}`);
    expect(h.status).toBe(200);
    expect(h.json.items.map((i: any) => [i.key, i.op, i.cause.kind, i.cause.type])).toEqual([
      [key, 'delete', 'Service', 'DELETED'],
      [key, 'upsert', 'Service', 'ADDED'],
    ]);
  });
});
