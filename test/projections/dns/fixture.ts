// A cluster exercising every record kind, with the names and addresses of the spec's examples
// (reference §1.2) where it has them.

import type { ClusterNetworkConfig } from '../../../domain/config.js';
import type { ResourceRecord, SoaData } from '../../../projections/dns/index.js';
import type { SrvRecord } from '../../../projections/dns/keys.js';
import { makeView, pod, service, slice, type ViewInput } from './view.js';

export function richClusterInput(config: Partial<ClusterNetworkConfig> = {}): ViewInput {
  return {
    config,
    namespaces: ['default', 'testns', 'empty-ns'],
    services: [
      service('default', 'kubernetes', { type: 'ClusterIP', clusterIP: '10.3.0.1', clusterIPs: ['10.3.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP' }] }),
      service('default', 'headless', { clusterIP: 'None', clusterIPs: ['None'], ports: [{ name: 'https', port: 443, protocol: 'TCP' }] }),
      service('default', 'headless6', { clusterIP: 'None', clusterIPs: ['None'], ipFamilies: ['IPv6'] }),
      service('default', 'foo', { type: 'ExternalName', externalName: 'www.example.com' }),
      service('default', 'alias', { type: 'ExternalName', externalName: 'kubernetes.default.svc.cluster.local' }),
      service('default', 'ipname', { type: 'ExternalName', externalName: '192.0.2.1' }),
      service('testns', 'svc1', { type: 'ClusterIP', clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'], ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { port: 8080, protocol: 'TCP' }] }),
      service('testns', 'dual', { type: 'ClusterIP', clusterIP: '10.96.0.30', clusterIPs: ['10.96.0.30', 'fd00:10:96::30'], ipFamilies: ['IPv4', 'IPv6'], ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }),
      service('testns', 'lonely', { clusterIP: 'None', clusterIPs: ['None'], ports: [{ name: 'http', port: 80 }] }),
      service('testns', 'nopods', { type: 'ClusterIP', clusterIP: '10.96.0.40', clusterIPs: ['10.96.0.40'], ports: [{ name: 'http', port: 80 }] }),
    ],
    slices: [
      slice('default', 'headless', 'headless-abc', 'IPv4', [
        { ip: '10.3.0.100', hostname: 'my-pet' },
        { ip: '10.3.0.101', hostname: 'my-pet-2' },
        { ip: '10.3.0.3' },
        { ip: '10.3.0.9', ready: false },
      ], [{ name: 'https', port: 443 }]),
      slice('default', 'headless6', 'headless6-abc', 'IPv6', [
        { ip: '2001:db8::1', hostname: 'my-pet' },
        { ip: '2001:db8::2' },
        { ip: '2001:db8:3333:4444:5555:6666::' },
      ]),
      slice('testns', 'svc1', 'svc1-abc', 'IPv4', [{ ip: '10.244.1.5', pod: 'svc1-pod-0' }], [{ name: 'http', port: 8080 }]),
      slice('testns', 'lonely', 'lonely-abc', 'IPv4', [{ ip: '10.244.1.9', ready: false }], [{ name: 'http', port: 80 }]),
    ],
    pods: [
      pod('testns', 'svc1-pod-0', '10.244.1.5'),
      pod('testns', 'gone', '10.244.1.6', { deleting: true }),
      pod('testns', 'job-done', '10.244.1.7', { phase: 'Succeeded' }),
      pod('testns', 'job-failed', '10.244.1.8', { phase: 'Failed' }),
      pod('testns', 'lost', '10.244.1.10', { phase: 'Unknown' }),
      pod('testns', 'starting', '10.244.1.11', { phase: 'Pending' }),
    ],
  };
}

export const richCluster = (config: Partial<ClusterNetworkConfig> = {}) => makeView(richClusterInput(config));

/** dig's presentation of one record (tabs between fields; SOA/SRV/TXT rdata as dig prints them). */
export function present(rr: ResourceRecord): string {
  let data: string;
  if (rr.type === 'SRV') {
    const s = rr.data as SrvRecord;
    data = `${s.priority} ${s.weight} ${s.port} ${s.target}`;
  } else if (rr.type === 'SOA') {
    const s = rr.data as SoaData;
    data = `${s.mname} ${s.rname} ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
  } else if (rr.type === 'TXT') data = (rr.data as string[]).map((t) => `"${t}"`).join(' ');
  else data = rr.data as string;
  return `${rr.name}\t${rr.ttl}\tIN\t${rr.type}\t${data}`;
}
