// Small builders for pods and services, shaped as the apiserver stores them (defaults applied).

import type { ContainerPort, Pod, Service, ServicePort } from '../../../domain/objects.js';

export interface PodOpts {
  ns?: string;
  labels?: Record<string, string>;
  ip?: string;
  ips?: string[];
  ready?: boolean;
  node?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  deleting?: boolean;
  hostname?: string;
  subdomain?: string;
  ports?: ContainerPort[];
}

export function pod(name: string, o: PodOpts = {}): Pod {
  const ips = o.ips ?? (o.ip ? [o.ip] : []);
  const p: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.ns ?? 'ns', uid: `uid-${name}`, labels: o.labels ?? { app: 'web' } },
    spec: { nodeName: o.node ?? 'node-1', containers: [{ name: 'c', ports: o.ports ?? [] }] },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
    },
  };
  if (ips.length > 0) {
    p.status!.podIP = ips[0];
    p.status!.podIPs = ips.map((ip) => ({ ip }));
  }
  if (o.deleting) p.metadata.deletionTimestamp = '2024-01-01T00:00:00Z';
  if (o.hostname) p.spec!.hostname = o.hostname;
  if (o.subdomain) p.spec!.subdomain = o.subdomain;
  return p;
}

export interface ServiceOpts {
  ns?: string;
  selector?: Record<string, string> | null;
  ports?: ServicePort[];
  clusterIP?: string;
  clusterIPs?: string[];
  ipFamilies?: ('IPv4' | 'IPv6')[];
  labels?: Record<string, string>;
  publishNotReadyAddresses?: boolean;
  trafficDistribution?: string;
}

export function service(name: string, o: ServiceOpts = {}): Service {
  const clusterIP = o.clusterIP ?? '10.96.0.50';
  const s: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: o.ns ?? 'ns', uid: `uid-svc-${name}` },
    spec: {
      type: 'ClusterIP',
      clusterIP,
      clusterIPs: o.clusterIPs ?? [clusterIP],
      ipFamilies: o.ipFamilies ?? ['IPv4'],
      ports: o.ports ?? [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }],
    },
  };
  if (o.selector !== null) s.spec!.selector = o.selector ?? { app: 'web' };
  if (o.labels) s.metadata.labels = o.labels;
  if (o.publishNotReadyAddresses) s.spec!.publishNotReadyAddresses = true;
  if (o.trafficDistribution) s.spec!.trafficDistribution = o.trafficDistribution;
  return s;
}

export const podRef = (name: string, ns = 'ns') => ({ kind: 'Pod', namespace: ns, name, uid: `uid-${name}` });
