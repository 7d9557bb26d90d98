// What a new cluster holds before anyone writes to it, as kube-apiserver makes it: the system
// namespaces, the `kubernetes` Service, and its endpoints at the advertised address.

import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { advertiseAddressOf } from '../../server/bootstrap.js';
import { parseServeFlags, FlagError } from '../../server/flags.js';
import { defaultRouteAddress } from '../../server/host-address.js';
import { api, removeDir, startTestServer, tempDir, type TestServer } from '../support/server.js';

const ADVERTISED = '192.0.2.10';

/** A port nothing listens on now (the server is restarted on it). */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

describe('netledger serve makes what kube-apiserver keeps in every cluster', () => {
  const dirs: string[] = [];
  let s: TestServer | undefined;
  const start = async (flags: string[], dir = tempDir()) => {
    if (!dirs.includes(dir)) dirs.push(dir);
    s = await startTestServer(flags, dir);
    return s;
  };
  afterEach(async () => {
    await s?.stop();
    s = undefined;
    for (const d of dirs.splice(0)) removeDir(d);
  });
  const get = async (path: string) => (await api(s!.url, 'GET', path)).json;
  const portOf = (srv: TestServer) => Number(new URL(srv.url).port);

  it('the system namespaces, the kubernetes Service on the service CIDR’s first address, and its endpoints at --advertise-address', async () => {
    const srv = await start(['--advertise-address', ADVERTISED]);
    const port = portOf(srv);
    expect((await get('/api/v1/namespaces')).items.map((n: any) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);

    const svc = await get('/api/v1/namespaces/default/services/kubernetes');
    expect(svc.metadata.labels).toEqual({ component: 'apiserver', provider: 'kubernetes' });
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], sessionAffinity: 'None', ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: port }] });
    expect(svc.spec.selector).toBeUndefined();

    // endpointsadapter.go's shapes: the Endpoints marked skip-mirror, the slice written beside it.
    const ep = await get('/api/v1/namespaces/default/endpoints/kubernetes');
    expect(ep.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    expect(ep.subsets).toEqual([{ addresses: [{ ip: ADVERTISED }], ports: [{ name: 'https', port, protocol: 'TCP' }] }]);
    const slices = (await get('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dkubernetes')).items;
    expect(slices).toHaveLength(1);
    expect(slices[0]).toMatchObject({ metadata: { name: 'kubernetes' }, addressType: 'IPv4', endpoints: [{ addresses: [ADVERTISED], conditions: { ready: true } }], ports: [{ name: 'https', port, protocol: 'TCP' }] });

    // Written by the API server's own identity.
    const log = (await get('/apis/netledger.io/v1/events')).items;
    expect(log.filter((e: any) => e.kind !== 'ClusterNetworkConfig').map((e: any) => `${e.actor} ${e.type} ${e.kind}/${e.name}`)).toEqual([
      'system:apiserver ADDED Namespace/default',
      'system:apiserver ADDED Namespace/kube-node-lease',
      'system:apiserver ADDED Namespace/kube-public',
      'system:apiserver ADDED Namespace/kube-system',
      'system:apiserver ADDED Service/kubernetes',
      'system:apiserver ADDED Endpoints/kubernetes',
      'system:apiserver ADDED EndpointSlice/kubernetes',
    ]);

    // Every node gets the rules of a kubeadm cluster's node (KUBE-SVC-NPX46M4PTMTKRN6Y is the
    // chain of default/kubernetes:https everywhere) and cluster DNS answers kubernetes.default.
    expect((await api(srv.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' } })).status).toBe(201);
    const text = (await api(srv.url, 'GET', '/apis/netledger.io/v1/nodes/n1/tables/iptables?format=text')).text;
    expect(text).toContain('-A KUBE-SERVICES -m comment --comment "default/kubernetes:https cluster IP" -m tcp -p tcp -d 10.96.0.1 --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(text).toMatch(new RegExp(`-A KUBE-SEP-\\w+ -m comment --comment default/kubernetes:https -m tcp -p tcp -j DNAT --to-destination ${ADVERTISED}:${port}`));
    const dns = (await get('/apis/netledger.io/v1/nodes/n1/tables/dns')).entries;
    expect(dns.find((e: any) => e.key === 'kubernetes.default.svc.cluster.local./A')?.value.records).toEqual(['10.96.0.1']);
  });

  it('a restart writes nothing when all is as it was, follows a new address or port, and makes again what was deleted', async () => {
    const dir = tempDir();
    const port = await freePort();
    const flags = (address: string, p = port) => ['--advertise-address', address, '--listen', `127.0.0.1:${p}`];
    let srv = await start(flags(ADVERTISED), dir);
    expect((await api(srv.url, 'DELETE', '/api/v1/namespaces/kube-node-lease')).status).toBe(200);
    expect((await api(srv.url, 'DELETE', '/api/v1/namespaces/default/services/kubernetes')).status).toBe(200);
    await srv.stop();

    srv = await start(flags(ADVERTISED), dir);
    expect((await get('/api/v1/namespaces/kube-node-lease')).metadata.name).toBe('kube-node-lease');
    expect((await get('/api/v1/namespaces/default/services/kubernetes')).spec.clusterIP).toBe('10.96.0.1');
    expect((await get('/api/v1/namespaces/default/endpoints/kubernetes')).subsets[0].addresses).toEqual([{ ip: ADVERTISED }]);
    const head = srv.ledger.committedRv;
    await srv.stop();

    srv = await start(flags(ADVERTISED), dir);
    expect(srv.ledger.committedRv).toBe(head);
    await srv.stop();

    const other = await freePort();
    srv = await start(flags('192.0.2.20', other), dir);
    expect((await get('/api/v1/namespaces/default/services/kubernetes')).spec.ports).toEqual([{ name: 'https', protocol: 'TCP', port: 443, targetPort: other }]);
    expect((await get('/api/v1/namespaces/default/endpoints/kubernetes')).subsets).toEqual([{ addresses: [{ ip: '192.0.2.20' }], ports: [{ name: 'https', port: other, protocol: 'TCP' }] }]);
    expect((await get('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes')).endpoints[0].addresses).toEqual(['192.0.2.20']);
    const log = (await get(`/apis/netledger.io/v1/events?since=${head}`)).items;
    expect(log.map((e: any) => `${e.actor} ${e.type} ${e.kind}/${e.name}`)).toEqual([
      'system:apiserver MODIFIED Service/kubernetes',
      'system:apiserver MODIFIED Endpoints/kubernetes',
      'system:apiserver MODIFIED EndpointSlice/kubernetes',
    ]);
  });

  it('listening on loopback without --advertise-address: the Service without endpoints; another service CIDR, its first address', async () => {
    await start(['--service-cidr', '10.100.0.0/16']);
    expect((await get('/api/v1/namespaces/default/services/kubernetes')).spec.clusterIP).toBe('10.100.0.1');
    expect((await api(s!.url, 'GET', '/api/v1/namespaces/default/endpoints/kubernetes')).status).toBe(404);
    expect((await get('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices')).items).toEqual([]);
  });

  it('a write the cluster refuses does not stop the server: after a service CIDR change the Service keeps its address', async () => {
    const dir = tempDir();
    await (await start([], dir)).stop();
    // The restart moves the port (the Service would be updated) while 10.96.0.1 is outside the
    // new range, so that update is refused: logged, and the server serves.
    const srv = await start(['--service-cidr', '10.100.0.0/16'], dir);
    const svc = await get('/api/v1/namespaces/default/services/kubernetes');
    expect(svc.spec.clusterIP).toBe('10.96.0.1');
    expect((await api(srv.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } })).json.spec.clusterIP).toMatch(/^10\.100\./);
  });

  it('--advertise-address must be an address pods can reach', () => {
    for (const bad of ['127.0.0.1', '0.0.0.0', '::1', 'fe80::1', 'not-an-ip']) {
      expect(() => parseServeFlags(['--advertise-address', bad]), bad).toThrow(FlagError);
    }
    expect(parseServeFlags(['--advertise-address', '2001:db8::10']).advertiseAddress).toBe('2001:db8::10');
  });
});

describe('the address advertised without --advertise-address, as kube-apiserver picks it', () => {
  const ROUTES = [
    'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
    'wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0',
    'eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0',
    'eth0\t000200C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0',
  ].join('\n');
  const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal, netmask: '', mac: '', cidr: null }) as never;
  const INTERFACES = {
    lo: [iface('127.0.0.1', 'IPv4', true)],
    eth0: [iface('fd00::2', 'IPv6'), iface('192.0.2.2', 'IPv4')],
    wlan0: [iface('192.168.1.20', 'IPv4')],
  };

  it("on 0.0.0.0 or ::, the IPv4 address of the default route's interface with the lowest metric (ChooseHostInterface)", () => {
    expect(defaultRouteAddress(ROUTES, INTERFACES)).toBe('192.0.2.2');
    const host = () => defaultRouteAddress(ROUTES, INTERFACES);
    expect(advertiseAddressOf(undefined, '0.0.0.0', host)).toBe('192.0.2.2');
    expect(advertiseAddressOf(undefined, '::', host)).toBe('192.0.2.2');
  });

  it('the flag first, then a reachable --listen host; on loopback, none; no default route, none', () => {
    const host = () => defaultRouteAddress(ROUTES, INTERFACES);
    expect(advertiseAddressOf('198.51.100.1', '0.0.0.0', host)).toBe('198.51.100.1');
    expect(advertiseAddressOf(undefined, '192.168.1.20', host)).toBe('192.168.1.20');
    expect(advertiseAddressOf(undefined, '127.0.0.1', host)).toBeUndefined();
    expect(defaultRouteAddress(ROUTES.split('\n').filter((l) => !l.includes('\t00000000\t0')).join('\n'), INTERFACES)).toBeUndefined();
    expect(defaultRouteAddress(null, INTERFACES)).toBeUndefined();
  });
});
