// The proxy subresources: pods/NAME/proxy, services/NAME/proxy and nodes/NAME/proxy, each with an
// optional path after it, NAME in the `name`, `name:port` or `scheme:name:port` forms. kube-apiserver
// resolves a target as each kind's ResourceLocation does, then connects through its proxy
// transport (a pod's or an endpoint's address, a port of a node) or to the node's kubelet.
// netledger resolves the target the same way, answering upstream's 400s, 404s and 503s on the
// way, and where upstream would connect it answers 503 saying why it cannot: it runs no kubelet
// and has no data plane of its own to forward a request through.

import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import { parseIPSloppy } from '../domain/controllers/ip.js';
import { errors, StatusError, type StatusBody } from '../domain/errors.js';
import type { Endpoints, Node, Pod, Service } from '../domain/objects.js';
import { goQuote } from '../domain/validation/gorepr.js';
import type { Ledger } from '../store/ledger.js';
import type { ResourcePath } from './paths.js';
import { joinHostPort } from './printers/common.js';

/** ProxyREST.ConnectMethods, the same for the three kinds. */
export const PROXY_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const PROXIED_KINDS = new Set(['Pod', 'Service', 'Node']);

export function isProxy(path: ResourcePath): boolean {
  return path.subresource === 'proxy' && path.name !== undefined && PROXIED_KINDS.has(path.info.kind);
}

const NO_DATA_PLANE = 'and netledger, a network control plane, has no data plane to forward it through';
/** kube-apiserver's --kubelet-preferred-address-types default, and the kubelet's default port. */
const PREFERRED_ADDRESS_TYPES = ['Hostname', 'InternalDNS', 'InternalIP', 'ExternalDNS', 'ExternalIP'];
const KUBELET_PORT = 10250;

/** handlers.ConnectResource, then the kind's ProxyREST.Connect up to where it would dial. */
export function proxy(req: FastifyRequest, path: ResourcePath, ledger: Ledger): never {
  if (!PROXY_METHODS.has(req.method)) throw errors.methodNotAllowed();
  if ((req.query as Record<string, unknown>).dryRun !== undefined) throw errors.badRequest('dryRun is not supported');
  const id = path.name!;
  const target = splitSchemeNamePort(id);
  const kind = path.info.kind.toLowerCase();
  if (!target) throw errors.badRequest(`invalid ${kind} request ${goQuote(id)}`);
  const namespace = path.namespace ?? '';
  if (kind === 'pod') throw podTarget(ledger, namespace, target);
  if (kind === 'service') throw serviceTarget(ledger, namespace, id, target);
  throw nodeTarget(ledger, target);
}

interface Target {
  name: string;
  port: string;
}

/** utilnet.SplitSchemeNamePort: `name`, `name:port` or `scheme:name:port`, the scheme http or https. */
function splitSchemeNamePort(id: string): Target | undefined {
  const parts = id.split(':');
  if (parts.length > 3) return undefined;
  const [scheme, name, port] = parts.length === 3 ? parts : ['', parts[0]!, parts[1] ?? ''];
  if (!name || !['', 'http', 'https'].includes(scheme!)) return undefined;
  return { name, port: port! };
}

/** pod.ResourceLocation: the pod's first IP, at the port asked for or its first container port. */
function podTarget(ledger: Ledger, namespace: string, { name, port }: Target): StatusError {
  const pod = ledger.state.get('Pod', namespace, name) as Pod | undefined;
  if (!pod) return errors.notFound('pods', '', name);
  const first = pod.spec?.containers?.find((c) => c.ports?.length)?.ports?.[0]?.containerPort;
  const ip = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? ''; // getPodIP
  if (!isGlobalUnicast(ip)) return errors.badRequest('address not allowed');
  const where = port || first !== undefined ? joinHostPort(ip, port || String(first)) : ip;
  return errors.unavailable(`pods/proxy would forward to ${where}, the address of pod "${name}", ${NO_DATA_PLANE}`);
}

/**
 * The service storage's ResourceLocation: a port number names the Service port it is (the Service
 * read first); then a ready address of its Endpoints, on the endpoint port of that name, that is a
 * pod's IP. Upstream starts at a random subset and address; netledger takes the first.
 */
function serviceTarget(ledger: Ledger, namespace: string, id: string, { name, port }: Target): StatusError {
  let portName = port;
  if (/^[+-]?\d+$/.test(port) && isInt64(port)) {
    const svc = ledger.state.get('Service', namespace, name) as Service | undefined;
    if (!svc) return errors.notFound('services', '', name);
    const named = svc.spec?.ports?.find((p) => p.port === Number(port));
    if (!named) return errors.unavailable(`no service port ${BigInt(port)} found for service ${goQuote(name)}`);
    portName = named.name ?? '';
  }
  const eps = ledger.state.get('Endpoints', namespace, name) as Endpoints | undefined;
  if (!eps) return errors.notFound('endpoints', '', name);
  if (!eps.subsets?.length) return errors.unavailable(`no endpoints available for service ${goQuote(name)}`);
  for (const subset of eps.subsets) {
    for (const p of subset.ports ?? []) {
      if ((p.name ?? '') !== portName) continue;
      // isValidAddress: only addresses that are a pod's of this namespace, by its IPs.
      const addr = (subset.addresses ?? []).find((a) => {
        if (!a.targetRef || (a.targetRef.namespace ?? '') !== namespace) return false;
        const pod = ledger.state.get('Pod', namespace, a.targetRef.name ?? '') as Pod | undefined;
        return pod?.status?.podIPs?.some((pip) => pip.ip === a.ip) ?? false;
      });
      if (addr) return errors.unavailable(`services/proxy would forward to ${joinHostPort(addr.ip, String(p.port))}, an endpoint of service "${name}", ${NO_DATA_PLANE}`);
    }
  }
  return errors.unavailable(`no endpoints available for service ${goQuote(id)}`);
}

/**
 * node.ResourceLocation: the connection info of the node (NodeConnectionInfoGetter: its first
 * address of the preferred types, its kubelet's port), then the kubelet, or another port of the node.
 */
function nodeTarget(ledger: Ledger, { name, port }: Target): StatusError {
  const node = ledger.state.get('Node', '', name) as Node | undefined;
  if (!node) return errors.notFound('nodes', '', name);
  const addresses = node.status?.addresses ?? [];
  const host = PREFERRED_ADDRESS_TYPES.map((t) => addresses.find((a) => a.type === t)).find((a) => a)?.address;
  if (host === undefined) return unknownError(`no preferred addresses found; known addresses: [${addresses.map((a) => `{${a.type} ${a.address}}`).join(' ')}]`);
  const endpoint = (node.status?.daemonEndpoints as { kubeletEndpoint?: { Port?: number } } | undefined)?.kubeletEndpoint?.Port;
  const kubeletPort = String(endpoint !== undefined && endpoint > 0 ? endpoint : KUBELET_PORT);
  if (port === '' || port === kubeletPort) {
    return errors.unavailable(`nodes/proxy is served by the kubelet of node "${name}" (${joinHostPort(host, kubeletPort)}), and netledger, a network control plane, runs no kubelet or container runtime`);
  }
  return errors.unavailable(`nodes/proxy would forward to ${joinHostPort(host, port)}, a port of node "${name}", ${NO_DATA_PLANE}`);
}

/** ErrorToAPIStatus of an error that is no Status (GetConnectionInfo's): 500 with no reason. */
function unknownError(message: string): StatusError {
  const e = errors.internal(message);
  delete (e.status as Partial<StatusBody>).reason;
  return e;
}

/** netutils.ParseIPSloppy(ip).IsGlobalUnicast(). */
function isGlobalUnicast(ip: string): boolean {
  const parsed = parseIPSloppy(ip);
  if (!parsed) return false;
  const range = ipaddr.parse(parsed.text).range();
  if (range === 'unspecified') return parsed.text !== '0.0.0.0' && parsed.text !== '::'; // Go: only the one address
  return !['loopback', 'multicast', 'linkLocal', 'broadcast'].includes(range);
}

const isInt64 = (s: string) => BigInt(s) <= 2n ** 63n - 1n && BigInt(s) >= -(2n ** 63n);
