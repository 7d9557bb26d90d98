// The ready endpoint addresses of a Service as CoreDNS sees them: EndpointSlices only
// (discovery/v1), `conditions.ready` nil = ready, one candidate per address, each carrying its
// slice's ports (a port-less slice gets CoreDNS's sentinel port -1: address records, no SRV).

import type { ClusterNetworkConfig } from '../../domain/config.js';
import type { EndpointSlice } from '../../domain/objects.js';
import { canonicalIP, dashedEndpointLabel, ipFamily, type Family } from './names.js';

export const NO_PORT = -1;

export interface CandidatePort {
  name: string; // '' for an unnamed port
  protocol: string; // lower case
  port: number; // NO_PORT for a port-less slice
}

export interface ReadyAddress {
  ip: string;
  family: Family;
  /** The endpoint's name under its service (CoreDNS endpointHostname). A pod name (under
   * endpoint_pod_names) may hold dots: its records then answer no question of their own (parse.go
   * reads its labels as port and protocol, or the name as too long), only SRV glue and PTRs. */
  endpointName: string;
  ports: CandidatePort[];
}

/** CoreDNS endpointHostname: hostname ▸ pod name (endpoint_pod_names, < 64 chars) ▸ dashed IP. */
export function endpointName(ip: string, hostname: string | undefined, targetName: string | undefined, podNames: boolean): string {
  if (hostname) return hostname.toLowerCase();
  if (podNames && targetName && targetName.length < 64) return targetName.toLowerCase();
  return dashedEndpointLabel(ip);
}

function slicePorts(slice: EndpointSlice): CandidatePort[] {
  const ports = (slice.ports ?? []).map((p) => ({
    name: (p.name ?? '').toLowerCase(),
    protocol: (p.protocol ?? 'TCP').toLowerCase(),
    port: p.port ?? NO_PORT,
  }));
  return ports.length > 0 ? ports : [{ name: '', protocol: 'tcp', port: NO_PORT }];
}

export function readyAddresses(slices: readonly EndpointSlice[], config: ClusterNetworkConfig): ReadyAddress[] {
  const out: ReadyAddress[] = [];
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4' && slice.addressType !== 'IPv6') continue;
    const ports = slicePorts(slice);
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      for (const raw of ep.addresses ?? []) {
        const family = ipFamily(raw);
        if (!family) continue;
        const ip = canonicalIP(raw);
        out.push({ ip, family, endpointName: endpointName(ip, ep.hostname, ep.targetRef?.name, config.dnsEndpointPodNames), ports });
      }
    }
  }
  return out;
}
