// The cluster network settings: what `netledger serve` flags set (docs/API.md). They are
// recorded in the log as ClusterNetworkConfig events, so replay and history see them.

export interface ClusterNetworkConfig {
  /** Pod network CIDRs, IPv4 first when dual-stack. */
  clusterCIDRs: string[];
  nodeCIDRMaskSizeV4: number;
  nodeCIDRMaskSizeV6: number;
  /** Service CIDRs, primary family first. */
  serviceCIDRs: string[];
  nodePortRange: { min: number; max: number };
  clusterDomain: string;
  dnsServiceIP: string;
  /** TTL of cluster DNS answers, seconds. */
  dnsTTL: number;
  dnsPods: 'disabled' | 'insecure' | 'verified';
  dnsEndpointPodNames: boolean;
  dnsIgnoreEmptyService: boolean;
  podNetwork: 'vxlan' | 'host-gw';
  /** kube-proxy's --iptables-masquerade-bit; the mark is 1 << bit. */
  masqueradeBit: number;
  /** kube-proxy's --nodeport-addresses; empty = all local addresses. */
  nodePortAddresses: string[];
  /** kube-proxy's --detect-local-mode. */
  localDetector: 'cluster-cidr' | 'node-cidr';
  /** Emit kube-proxy's nfacct counting rules (off by default, as upstream without the metric). */
  iptablesNfacct: boolean;
  /** `MASQUERADE --random-fully`, as kube-proxy writes it when its iptables binary has the
   * option (1.6.2 and later, so every kube-proxy image); off by default, as upstream's golden
   * files have it. Absent in settings recorded before it existed: off. */
  iptablesRandomFully?: boolean;
}

export const DEFAULT_CONFIG: ClusterNetworkConfig = {
  clusterCIDRs: ['10.244.0.0/16'],
  nodeCIDRMaskSizeV4: 24,
  nodeCIDRMaskSizeV6: 64,
  serviceCIDRs: ['10.96.0.0/12'],
  nodePortRange: { min: 30000, max: 32767 },
  clusterDomain: 'cluster.local',
  dnsServiceIP: '10.96.0.10',
  dnsTTL: 5,
  dnsPods: 'disabled',
  dnsEndpointPodNames: false,
  dnsIgnoreEmptyService: false,
  podNetwork: 'vxlan',
  masqueradeBit: 14,
  nodePortAddresses: [],
  localDetector: 'cluster-cidr',
  iptablesNfacct: false,
  iptablesRandomFully: false,
};
