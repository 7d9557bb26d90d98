// What validation needs to know about the cluster: the ranges user-given values must fall in.

export interface ValidationContext {
  /** Service CIDRs, primary family first (`--service-cidr`). */
  serviceCIDRs: string[];
  /** `--service-node-port-range`, inclusive. */
  nodePortRange: { min: number; max: number };
  /** Pod network CIDRs (`--cluster-cidr`); node and pod IP allocation is checked by the allocators. */
  clusterCIDRs: string[];
}
