// The cluster network settings: what `netledger serve` flags set (docs/API.md). They are
// recorded in the log as ClusterNetworkConfig events, so replay and history see them.
export const DEFAULT_CONFIG = {
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
//# sourceMappingURL=config.js.map