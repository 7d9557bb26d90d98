// What a start-up's flags change in the cluster network settings a database recorded. The flags
// are the settings (as kube-proxy's and kube-controller-manager's are), so a change is recorded
// and every node's tables follow it. Started again without the flags it was first given, a
// server would record the defaults: serve warns, naming each flag, its recorded value and the
// one given.

import type { ClusterNetworkConfig } from '../domain/config.js';
import { deepEqual } from '../domain/equal.js';

/** The flag that sets each setting (docs/API.md). */
const FLAG_OF: Record<keyof ClusterNetworkConfig, string> = {
  clusterCIDRs: '--cluster-cidr',
  nodeCIDRMaskSizeV4: '--node-cidr-mask-size',
  nodeCIDRMaskSizeV6: '--node-cidr-mask-size-ipv6',
  serviceCIDRs: '--service-cidr',
  nodePortRange: '--service-node-port-range',
  clusterDomain: '--cluster-domain',
  dnsServiceIP: '--dns-service-ip',
  dnsTTL: '--dns-ttl',
  dnsPods: '--dns-pods',
  dnsEndpointPodNames: '--dns-endpoint-pod-names',
  dnsIgnoreEmptyService: '--dns-ignore-empty-service',
  podNetwork: '--pod-network',
  masqueradeBit: '--masquerade-bit',
  nodePortAddresses: '--nodeport-addresses',
  localDetector: '--local-detector',
  iptablesNfacct: '--iptables-nfacct',
  iptablesRandomFully: '--iptables-random-fully',
};

export interface SettingChange {
  flag: string;
  recorded: string;
  given: string;
}

/** A setting as its flag is written. */
function flagText(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(',') : '(empty)';
  if (typeof value === 'boolean' || value === undefined) return value ? 'on' : 'off';
  if (typeof value === 'object' && value !== null && 'min' in value && 'max' in value) return `${value.min}-${value.max}`;
  return String(value);
}

/** Each setting the given flags change, in the order API.md lists the flags. */
export function settingChanges(recorded: ClusterNetworkConfig, given: ClusterNetworkConfig): SettingChange[] {
  const out: SettingChange[] = [];
  for (const [setting, flag] of Object.entries(FLAG_OF) as [keyof ClusterNetworkConfig, string][]) {
    // A setting added later is absent from older records, where it was off (iptablesRandomFully).
    const was = recorded[setting] ?? false;
    const now = given[setting] ?? false;
    if (!deepEqual(was, now)) out.push({ flag, recorded: flagText(was), given: flagText(now) });
  }
  return out;
}
