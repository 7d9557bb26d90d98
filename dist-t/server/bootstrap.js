// What kube-apiserver's own controllers keep in every cluster, made when `netledger serve` starts:
// - the system namespaces: `default` (the kubernetes service controller) and `kube-system`,
//   `kube-public`, `kube-node-lease` (the SystemNamespaces controller);
// - the `kubernetes` Service in `default`, for the API server itself: the first address of the
//   primary service CIDR, port `https` 443 to the server's port (kubernetesservice controller);
// - when the server has an address pods could reach (--advertise-address, a --listen host that is
//   one, or on 0.0.0.0 the default route's), the Service's Endpoints and EndpointSlice with it,
//   as the endpoint reconciler writes them (pkg/controlplane/reconcilers/endpointsadapter.go).
//   Without one there are none, and nodes REJECT the service as kube-proxy does any service
//   without endpoints.
// Each is created when missing, and the Service's ports and the endpoints are set right when
// they differ (a restart on another port or address moves them); nothing is written when all is
// as it should be. Written by `system:apiserver`, the identity kube-apiserver writes them with.
// A write refused (say, the Service's address is outside a service CIDR changed since) is logged
// and the server starts anyway, as kube-apiserver's controllers log and carry on.
import { randomUUID } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { SKIP_MIRROR_LABEL } from '../domain/controllers/index.js';
import { deepEqual } from '../domain/equal.js';
import { clone } from '../domain/clone.js';
import { SERVICE_NAME_LABEL } from '../domain/objects.js';
import { Cidr, familyOf } from '../domain/net/cidr.js';
import { hostDefaultAddress } from './host-address.js';
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
const ACTOR = 'system:apiserver';
const NAME = 'kubernetes';
const NAMESPACE = 'default';
/** The address to advertise, as kube-apiserver picks it: the one given; else the --listen host
 * when pods could reach it; else, when listening on every address (0.0.0.0 or ::), the host's
 * default-route interface address (host-address.ts); else none (a loopback listener). */
export function advertiseAddressOf(given, listenHost, hostAddress = () => hostDefaultAddress(reachable)) {
    if (given !== undefined)
        return given;
    if (reachable(listenHost))
        return listenHost;
    return listenHost === '0.0.0.0' || listenHost === '::' ? hostAddress() : undefined;
}
/** An address kube-apiserver would accept as its advertise address, and Endpoints validation as
 * an endpoint: an IP that is neither loopback, unspecified, link-local nor multicast. */
export function reachable(ip) {
    return familyOf(ip) !== undefined && !UNREACHABLE.has(ipaddr.parse(ip).range());
}
/** ipaddr.js's names for the ranges pods cannot reach a server at. */
const UNREACHABLE = new Set(['loopback', 'unspecified', 'linkLocal', 'multicast']);
export async function bootstrapCluster(ledger, opts) {
    for (const name of SYSTEM_NAMESPACES) {
        if (!ledger.state.get('Namespace', '', name))
            await submit(ledger, opts, { op: 'create', kind: 'Namespace', namespace: '', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
    }
    const serviceCIDR = Cidr.parse(ledger.state.config.serviceCIDRs[0]);
    const servicePorts = [{ name: 'https', protocol: 'TCP', port: 443, targetPort: opts.port }];
    const service = ledger.state.get('Service', NAMESPACE, NAME);
    if (!service) {
        await submit(ledger, opts, {
            op: 'create',
            kind: 'Service',
            namespace: NAMESPACE,
            object: {
                apiVersion: 'v1',
                kind: 'Service',
                metadata: { name: NAME, namespace: NAMESPACE, labels: { component: 'apiserver', provider: 'kubernetes' } },
                spec: { type: 'ClusterIP', clusterIP: serviceCIDR.addressAt(1n), sessionAffinity: 'None', ports: servicePorts },
            },
        });
    }
    else if (service.spec?.type !== 'ClusterIP' || !deepEqual(service.spec.ports, servicePorts)) {
        // getMasterServiceUpdateIfNeeded: the ports and the type are put back; the rest is kept.
        const next = clone(service);
        next.spec = { ...next.spec, type: 'ClusterIP', ports: servicePorts };
        await submit(ledger, opts, { op: 'update', kind: 'Service', namespace: NAMESPACE, name: NAME, object: next });
    }
    // The reconciler only writes addresses of the service's own family.
    const ip = opts.advertiseAddress !== undefined && familyOf(opts.advertiseAddress) === serviceCIDR.family ? opts.advertiseAddress : undefined;
    if (ip === undefined)
        return;
    const ports = [{ name: 'https', port: opts.port, protocol: 'TCP' }];
    const endpoints = {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: NAME, namespace: NAMESPACE, labels: { [SKIP_MIRROR_LABEL]: 'true' } },
        subsets: [{ addresses: [{ ip }], ports }],
    };
    await ensure(ledger, opts, 'Endpoints', endpoints, (have) => deepEqual(have.subsets, endpoints.subsets) && deepEqual(have.metadata.labels, endpoints.metadata.labels));
    const slice = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: NAME, namespace: NAMESPACE, labels: { [SERVICE_NAME_LABEL]: NAME } },
        addressType: serviceCIDR.family,
        endpoints: [{ addresses: [ip], conditions: { ready: true } }],
        ports,
    };
    await ensure(ledger, opts, 'EndpointSlice', slice, (have) => {
        const s = have;
        return s.addressType === slice.addressType && deepEqual(s.endpoints, slice.endpoints) && deepEqual(s.ports, slice.ports) && deepEqual(s.metadata.labels, slice.metadata.labels);
    });
}
/** Creates `want` when absent; replaces it when `same` says the stored one differs. */
async function ensure(ledger, opts, kind, want, same) {
    const have = ledger.state.get(kind, NAMESPACE, NAME);
    if (!have)
        await submit(ledger, opts, { op: 'create', kind, namespace: NAMESPACE, object: want });
    else if (!same(have))
        await submit(ledger, opts, { op: 'update', kind, namespace: NAMESPACE, name: NAME, object: want });
}
async function submit(ledger, opts, write) {
    const command = { ...write, time: new Date().toISOString(), actor: ACTOR, requestId: null, newUid: randomUUID() };
    try {
        await ledger.submit(command);
    }
    catch (e) {
        const name = write.namespace ? `${write.namespace}/${write.object.metadata.name}` : write.object.metadata.name;
        opts.log.warn({ err: e instanceof Error ? e.message : String(e) }, `bootstrap: could not ${write.op} ${write.kind} ${name}`);
    }
}
//# sourceMappingURL=bootstrap.js.map