// iproute2 batch lines for routes-table values, in the forms flannel's netlink calls are
// equivalent to (reference Part A.3.2 / A.4). Shared by the text renderer and the agent so the
// two can never disagree. `replace` forms make re-applying idempotent.
import { UNDERLAY_DEVICE } from './nodeNet.js';
function devClause(dev, opts) {
    if (dev !== UNDERLAY_DEVICE)
        return ` dev ${dev}`;
    return opts.underlay ? ` dev ${opts.underlay}` : '';
}
/**
 * A route the kernel owns (the connected route of cni0's address). Agents never install or
 * delete it: replacing it would add a second IPv6 route at metric 1024 beside the kernel's 256.
 */
export function isKernelRoute(r) {
    return r?.proto === 'kernel';
}
/** The route as `ip route` shows it: `10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1`. */
export function routeSpec(r, opts = {}) {
    let line = r.dst;
    if (r.via !== undefined)
        line += ` via ${r.via}`;
    line += devClause(r.dev, opts);
    if (r.proto !== undefined)
        line += ` proto ${r.proto}`;
    if (r.scope !== undefined)
        line += ` scope ${r.scope}`;
    if (r.src !== undefined)
        line += ` src ${r.src}`;
    if (r.metric !== undefined)
        line += ` metric ${r.metric}`;
    if (r.onlink)
        line += ' onlink';
    return line;
}
/** `route replace 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink` */
export function routeReplaceLine(r, opts = {}) {
    return `route replace ${routeSpec(r, opts)}`;
}
/** `route del 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink`; just `route del <dst>` when the value is unknown. */
export function routeDelLine(dst, r, opts = {}) {
    if (!r)
        return `route del ${dst}`;
    let line = `route del ${dst}`;
    if (r.via !== undefined)
        line += ` via ${r.via}`;
    line += devClause(r.dev, opts);
    if (r.onlink)
        line += ' onlink';
    return line;
}
/** `neigh replace 10.244.2.0 lladdr 6e:2f:a0:11:22:33 dev flannel.1 nud permanent` */
export function neighReplaceLine(n) {
    return `neigh replace ${n.dst} lladdr ${n.lladdr} dev ${n.dev} nud ${n.nud}`;
}
/** `neigh del 10.244.2.0 dev flannel.1` */
export function neighDelLine(dev, ip) {
    return `neigh del ${ip} dev ${dev}`;
}
/** `fdb replace 6e:2f:a0:11:22:33 dev flannel.1 dst 192.168.56.12 self permanent` */
export function fdbReplaceLine(f) {
    return `fdb replace ${f.mac} dev ${f.dev} dst ${f.dst} ${f.flags.join(' ')} ${f.state}`;
}
/** `fdb del 6e:2f:a0:11:22:33 dev flannel.1 dst 192.168.56.12 self`; without `dst` when unknown. */
export function fdbDelLine(dev, mac, f) {
    return f ? `fdb del ${mac} dev ${dev} dst ${f.dst} ${f.flags.join(' ')}` : `fdb del ${mac} dev ${dev} self`;
}
//# sourceMappingURL=commands.js.map