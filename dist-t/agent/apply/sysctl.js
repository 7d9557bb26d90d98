// What kube-proxy and flanneld expect of the node's network namespace: IP forwarding on (IPv6
// too when the node is dual-stack), and bridged pod traffic passing iptables
// (net.bridge.bridge-nf-call-iptables=1, which only br_netfilter provides: we warn, never load it).
export async function ensureForwarding(exec, dualStack, log) {
    await exec.check(['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
    if (dualStack)
        await exec.check(['sysctl', '-q', '-w', 'net.ipv6.conf.all.forwarding=1']);
    for (const family of dualStack ? ['iptables', 'ip6tables'] : ['iptables']) {
        const path = `/proc/sys/net/bridge/bridge-nf-call-${family}`;
        const r = await exec.read(['cat', path]);
        if (r.code !== 0)
            log.warn({ path }, `${path} is missing (br_netfilter not loaded): bridged pod-to-pod service traffic will bypass ${family}`);
        else if (r.stdout.trim() !== '1')
            log.warn({ path, value: r.stdout.trim() }, `net.bridge.bridge-nf-call-${family} is off: bridged pod-to-pod service traffic will bypass ${family}`);
    }
}
/** Dual-stack when the routes table carries IPv6 objects (flannel-v6.1, a v6 pod CIDR). */
export function isDualStack(routes) {
    if (!routes)
        return false;
    for (const key of routes.keys())
        if (key.startsWith('link/flannel-v6') || (key.startsWith('route/') && key.includes(':')))
            return true;
    return false;
}
//# sourceMappingURL=sysctl.js.map