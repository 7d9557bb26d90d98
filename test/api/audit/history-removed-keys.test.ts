// `history?key=` by a short name (`KUBE-SVC-X` for `nat/KUBE-SVC-X`) also finds a chain that is
// gone: "what happened to the chain this old log line names?" is asked after the Service went.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../../support/server.js';

const NL = '/apis/netledger.io/v1';

describe('history of a removed key by its short name', () => {
  const s = suiteServer();
  const write = async (method: string, path: string, body?: unknown) => {
    const r = await api(s.url, method, path, body, method === 'PATCH' ? { 'content-type': 'application/merge-patch+json' } : {});
    expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
    return r.json;
  };

  it('lists the chain from its creation to its removal', async () => {
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

  it('a shared chain by its name: the fragments still there and those removed since, together', async () => {
    // `gone` was deleted above; `kept` stays. Asking for KUBE-SERVICES must tell both stories,
    // not only the live fragments' (a live match used to hide the removed ones).
    await write('POST', '/api/v1/namespaces/default/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kept' }, spec: { selector: { app: 'gone' }, ports: [{ port: 81 }] } });
    const h = await api(s.url, 'GET', `${NL}/nodes/n1/tables/iptables/history?key=KUBE-SERVICES`);
    expect(h.status).toBe(200);
    const keys = new Set(h.json.items.map((i: any) => i.key));
    expect(keys).toContain('nat/KUBE-SERVICES/default/kept');
    expect(keys).toContain('nat/KUBE-SERVICES/default/gone');
    const gone = h.json.items.filter((i: any) => i.key === 'nat/KUBE-SERVICES/default/gone').map((i: any) => [i.op, i.cause.type]);
    expect(gone).toEqual([['delete', 'DELETED'], ['upsert', 'ADDED']]);
    expect(h.json.items.every((i: any) => /^(nat|filter)\/KUBE-SERVICES(\/|$)/.test(i.key))).toBe(true);
  });

  it('a DNS owner name finds its RRsets, in any case and without the trailing dot (history and blame)', async () => {
    for (const name of ['kept.default.svc.cluster.local.', 'Kept.Default.svc.cluster.local']) {
      const h = await api(s.url, 'GET', `${NL}/nodes/n1/tables/dns/history?key=${encodeURIComponent(name)}`);
      expect(h.status).toBe(200);
      expect(new Set(h.json.items.map((i: any) => i.key))).toEqual(new Set(['kept.default.svc.cluster.local./A', 'kept.default.svc.cluster.local./SRV']));
      const b = await api(s.url, 'GET', `${NL}/nodes/n1/tables/dns/blame?key=${encodeURIComponent(name)}`);
      expect(b.status).toBe(200);
      expect(b.json.items.map((i: any) => i.key).sort()).toEqual(['kept.default.svc.cluster.local./A', 'kept.default.svc.cluster.local./SRV']);
    }
    // A removed service's records are found by its name too.
    const gone = await api(s.url, 'GET', `${NL}/nodes/n1/tables/dns/history?key=gone.default.svc.cluster.local`);
    expect(gone.json.items.filter((i: any) => i.op === 'delete').map((i: any) => i.key).sort()).toEqual(['gone.default.svc.cluster.local./A', 'gone.default.svc.cluster.local./SRV']);
  });
});
