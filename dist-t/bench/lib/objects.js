// The objects the scenarios create, and the commands that carry them in-process. Names are
// zero-padded so that sorted order is numeric order (projections sort unit ids).
import { randomUUID } from 'node:crypto';
/** 5,000 nodes × /24 do not fit the default /16 pod network: every large scenario serves this. */
export const CLUSTER_CIDR = '10.128.0.0/9';
export const SERVE_FLAGS = ['--cluster-cidr', CLUSTER_CIDR];
export const nodeName = (i) => `node-${String(i).padStart(5, '0')}`;
export const podName = (i) => `pod-${String(i).padStart(6, '0')}`;
export const serviceName = (i) => `svc-${String(i).padStart(5, '0')}`;
export const namespaceName = (i) => `ns-${String(i).padStart(3, '0')}`;
/** 172.16.0.0/12 holds 1M underlay addresses; .0 and .255 are skipped for realism. */
export function nodeIP(i) {
    const host = (i % 254) + 1;
    const block = Math.floor(i / 254);
    return `172.${16 + (block >> 8)}.${block & 255}.${host}`;
}
/** The i-th /24 of CLUSTER_CIDR. */
export function nodePodCIDR(i) {
    return `10.${128 + (i >> 8)}.${i & 255}.0/24`;
}
/** Nodes name their own pod CIDR (the i-th /24 of CLUSTER_CIDR), as nodes whose CIDRs an outside
 * IPAM assigned do; the control plane's allocator is not what this bench measures. */
export function node(i) {
    return {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: nodeName(i) },
        spec: { podCIDR: nodePodCIDR(i), podCIDRs: [nodePodCIDR(i)] },
        status: { addresses: [{ type: 'InternalIP', address: nodeIP(i) }] },
    };
}
export function pod(name, node, app) {
    return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, labels: { app } },
        spec: { ...(node ? { nodeName: node } : {}), containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.9', ports: [{ name: 'http', containerPort: 8080 }] }] },
    };
}
export function service(name, app) {
    return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name },
        spec: { selector: { app }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
    };
}
/** The merge patch a kubelet's status update amounts to: phase Running, Ready as given. */
export function readyPatch(ready) {
    return { status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } };
}
let seq = 0;
function ctx() {
    return { time: new Date().toISOString(), actor: 'bench', requestId: `bench-${++seq}`, newUid: randomUUID() };
}
/** Creates and status patches name a field manager, as every write through the API does, so the
 * in-process figures include the managedFields bookkeeping. */
export function createCmd(kind, namespace, object) {
    return { ...ctx(), op: 'create', kind, namespace, object, fieldManager: 'bench' };
}
export function readyCmd(namespace, name, ready) {
    return { ...ctx(), op: 'patch', kind: 'Pod', namespace, name, patchType: 'merge', patch: readyPatch(ready), subresource: 'status', fieldManager: 'kubelet' };
}
//# sourceMappingURL=objects.js.map