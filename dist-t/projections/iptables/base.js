// The fixed chains and rules of every sync (reference §2.3) and the per-node facts: the
// KUBE-SERVICES tail rule when --nodeport-addresses restricts NodePorts, and the node meta
// entry (nodeIP, node-cidr local detector) the renderer substitutes into placeholder rules.
import { ZONE_LABEL } from '../../domain/objects.js';
import { cidrContains, LOOPBACK, parseCidr, parseIP } from './ip.js';
import { chainKey, NODE_META_KEY, NODEPORTS_TAIL_TAG } from './keys.js';
/**
 * kube-proxy formats the mark with "%#08x" (0x00004000 in production); its unit-test fixture,
 * and so every upstream golden, injects "0x4000". We print the golden form; iptables-save
 * prints both the same way, so the kernel state is identical.
 */
export function masqueradeMark(bit) {
    return `0x${(2 ** bit).toString(16)}`;
}
const TAIL_COMMENT = '-m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain"';
/** Cluster-wide entries of one family's table. */
export function baseRules(config, family) {
    const mark = masqueradeMark(config.masqueradeBit);
    const out = new Map();
    for (const c of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) {
        out.set(chainKey('filter', c), []);
    }
    // Conntrack is assumed strict (nf_conntrack_tcp_be_liberal=0), so INVALID packets are dropped.
    out.set(chainKey('filter', 'KUBE-FORWARD'), [
        config.iptablesNfacct
            ? '-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP'
            : '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP',
        `-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark ${mark}/${mark} -j ACCEPT`,
        '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    ]);
    // The anti-martian rule comes with localhost NodePorts (IPv4 only); `primary` may leave that
    // to the node (nodeRules).
    if (localhostNodePorts(config, family) === true)
        out.set(chainKey('filter', 'KUBE-FIREWALL'), KUBE_FIREWALL);
    out.set(chainKey('nat', 'KUBE-SERVICES'), []);
    out.set(chainKey('nat', 'KUBE-NODEPORTS'), []);
    out.set(chainKey('nat', 'KUBE-POSTROUTING'), [
        `-A KUBE-POSTROUTING -m mark ! --mark ${mark}/${mark} -j RETURN`,
        `-A KUBE-POSTROUTING -j MARK --xor-mark ${mark}`,
        `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE${config.iptablesRandomFully ? ' --random-fully' : ''}`,
    ]);
    out.set(chainKey('nat', 'KUBE-MARK-MASQ'), [`-A KUBE-MARK-MASQ -j MARK --or-mark ${mark}`]);
    if (nodePortCidrs(config, family, null) === 'all')
        out.set(nodePortsTailKey(), matchAllTail(family));
    return out;
}
const KUBE_FIREWALL = [
    '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
];
/** The tail-call when NodePorts match every local address. localhostNodePorts is always on
 * when they do (the addresses include loopback), so only IPv6 excludes loopback. */
function matchAllTail(family) {
    const dst = family === 'ipv6' ? '-m addrtype --dst-type LOCAL ! -d ::1/128' : '-m addrtype --dst-type LOCAL';
    return [`-A KUBE-SERVICES ${TAIL_COMMENT} ${dst} -j KUBE-NODEPORTS`];
}
export function nodePortsTailKey() {
    return `${chainKey('nat', 'KUBE-SERVICES')}/${NODEPORTS_TAIL_TAG}`;
}
/**
 * NewNodePortAddresses for one family: 'all' when no CIDR of the family is given (or a zero
 * CIDR is), else the CIDRs. `primary` stands for the node's primary IP of the family, as
 * kube-proxy's server expands it (`<ip>/32`, `<ip>/128`; none for a missing or loopback IP,
 * which leaves the family with no CIDR: 'all'). Without a node: null when that makes the answer
 * depend on the node (`primary` and no CIDR of the family), else the given CIDRs.
 */
export function nodePortCidrs(config, family, node) {
    const cidrs = [];
    let primary = false;
    for (const entry of config.nodePortAddresses) {
        if (entry === 'primary') {
            primary = true;
            continue;
        }
        const c = parseCidr(entry);
        if (!c || c.family !== family)
            continue;
        if (c.range[1] === 0)
            return 'all';
        cidrs.push(c);
    }
    if (primary) {
        if (!node)
            return cidrs.length > 0 ? cidrs : null;
        const ip = primaryNodeIP(node, family);
        const c = ip && !isLoopback(ip) ? parseCidr(`${ip}/${family === 'ipv4' ? 32 : 128}`) : null;
        if (c)
            cidrs.push(c);
    }
    return cidrs.length === 0 ? 'all' : cidrs;
}
const IPV4_LOOPBACK = parseCidr('127.0.0.0/8');
function isLoopback(ip) {
    return ip === LOOPBACK.ipv6 || cidrContains(IPV4_LOOPBACK, ip);
}
/** NodePortAddresses.ContainsIPv4Loopback: a CIDR inside 127.0.0.0/8 or containing 127.0.0.0. */
function containsIPv4Loopback(cidrs) {
    if (cidrs === 'all')
        return true;
    return cidrs.some((c) => c.family === 'ipv4' && (cidrContains(c, '127.0.0.0') || cidrContains(IPV4_LOOPBACK, c.range[0].toString())));
}
/**
 * kube-proxy's localhostNodePorts for one family's proxier: on by default, off for IPv6, and
 * turned off by NewProxier when the node-port addresses contain no IPv4 loopback address. It
 * decides the KUBE-FIREWALL chain and the nfacct localhost NodePort rule. 'node' when it depends
 * on the node (nodePortCidrs null): on exactly for the nodes with no primary IPv4 address.
 */
export function localhostNodePorts(config, family) {
    if (family === 'ipv6')
        return false;
    const cidrs = nodePortCidrs(config, family, null);
    return cidrs === null ? 'node' : containsIPv4Loopback(cidrs);
}
/** A rule prefix keeping a rule only on nodes with localhost NodePorts when that is 'node': a
 * node without a primary IPv4 address has the loopback address as nodeIP (nodeMeta). */
export const ONLY_WITH_LOCALHOST_NODEPORTS = `{nodeIPIn:${IPV4_LOOPBACK.text}} `;
/** kube-proxy's nodeIP: the first InternalIP of the family, else the first ExternalIP. */
export function primaryNodeIP(node, family) {
    const addrs = node.status?.addresses ?? [];
    for (const type of ['InternalIP', 'ExternalIP']) {
        for (const a of addrs) {
            const ip = a.type === type ? parseIP(a.address) : null;
            if (ip && ip.family === family)
                return ip.ip;
        }
    }
    return null;
}
/** Node-scoped entries of one family's table for one node. */
export function nodeRules(config, family, node) {
    const out = new Map();
    out.set(NODE_META_KEY, nodeMeta(config, family, node));
    const cidrs = nodePortCidrs(config, family, node);
    if (nodePortCidrs(config, family, null) === null) {
        // `primary`, and this node has no primary address of the family: every address, loopback
        // included (baseRules could not tell).
        if (cidrs === 'all')
            out.set(nodePortsTailKey(), matchAllTail(family));
        if (family === 'ipv4' && containsIPv4Loopback(cidrs))
            out.set(chainKey('filter', 'KUBE-FIREWALL'), KUBE_FIREWALL);
    }
    if (cidrs !== 'all') {
        // The node's addresses stand for its interface addresses; lo always carries loopback.
        const candidates = [LOOPBACK[family]];
        for (const a of node.status?.addresses ?? []) {
            const ip = a.type === 'InternalIP' || a.type === 'ExternalIP' ? parseIP(a.address) : null;
            if (ip && ip.family === family && !candidates.includes(ip.ip))
                candidates.push(ip.ip);
        }
        const rules = [];
        for (const ip of candidates) {
            if (!cidrs.some((c) => cidrContains(c, ip)))
                continue;
            // Localhost NodePorts never work on IPv6; for IPv4 a matching loopback address means
            // the addresses contain loopback, so localhostNodePorts is on.
            if (family === 'ipv6' && ip === LOOPBACK.ipv6)
                continue;
            rules.push(`-A KUBE-SERVICES ${TAIL_COMMENT} -d ${ip} -j KUBE-NODEPORTS`);
        }
        if (rules.length > 0)
            out.set(nodePortsTailKey(), rules);
    }
    return out;
}
function nodeMeta(config, family, node) {
    const nodeIP = primaryNodeIP(node, family) ?? LOOPBACK[family];
    let cidr = null;
    if (config.localDetector === 'node-cidr') {
        const podCIDRs = node.spec?.podCIDRs ?? (node.spec?.podCIDR ? [node.spec.podCIDR] : []);
        cidr = podCIDRs.find((c) => parseCidr(c)?.family === family) ?? null;
    }
    const meta = { nodeIP, ifLocal: cidr ? `-s ${cidr}` : null, ifNotLocal: cidr ? `! -s ${cidr}` : null };
    // kube-proxy reads its zone from its own Node's label (NodeTopologyConfig).
    const zone = node.metadata.labels?.[ZONE_LABEL];
    if (zone)
        meta.zone = zone;
    return meta;
}
/** The detector args baked into service rules: literal for cluster-cidr, placeholders for node-cidr. */
export function serviceDetector(config, family) {
    if (config.localDetector === 'node-cidr')
        return { ifLocal: IF_LOCAL, ifNotLocal: IF_NOT_LOCAL };
    const cidr = config.clusterCIDRs.find((c) => parseCidr(c)?.family === family);
    return cidr ? { ifLocal: `-s ${cidr}`, ifNotLocal: `! -s ${cidr}` } : null;
}
export const IF_LOCAL = '{ifLocal}';
export const IF_NOT_LOCAL = '{ifNotLocal}';
//# sourceMappingURL=base.js.map