// The two devices a flannel node has before any route points at them: the VXLAN device
// (flannel.1 / flannel-v6.1, as flanneld's createVXLANDevice makes it) and the cni0 bridge (as
// the bridge CNI plugin with host-local IPAM leaves it). Both are idempotent: they read the
// device first and change only what differs.
import { canonicalIp } from '../../projections/routes/addr.js';
import { ipArgv, run, runChecked } from './run.js';
async function showLink(netns, name) {
    const r = await run(ipArgv(netns, '-j', '-d', 'link', 'show', 'dev', name));
    if (r.code !== 0) {
        if (/does not exist|Cannot find device/.test(r.stderr))
            return undefined;
        throw new Error(`ip link show ${name} failed: ${r.stderr.trim()}`);
    }
    return JSON.parse(r.stdout)[0];
}
async function showAddrs(netns, name) {
    const out = await runChecked(ipArgv(netns, '-j', 'addr', 'show', 'dev', name));
    return JSON.parse(out)[0]?.addr_info ?? [];
}
const isV6 = (ip) => ip.includes(':');
/**
 * Creates or updates the VXLAN device. Returns 'created' when the device was (re)created, its
 * MAC changed, or it was down: the kernel dropped every route, neighbour and FDB entry on the
 * old device; setting a MAC (even the same one) flushes the device's neighbours, permanent ones
 * included; a device that went down lost its routes. The caller must then re-apply its whole
 * routes table, as flanneld's reCreateVxlan resyncs.
 */
export async function ensureFlannelDevice(netns, spec) {
    const v6 = isV6(spec.localIp);
    const name = spec.name ?? (v6 ? `flannel-v6.${spec.vni}` : `flannel.${spec.vni}`);
    const mac = spec.mac.toLowerCase();
    let link = await showLink(netns, name);
    // VNI, local address, port, lower device and learning cannot be changed in place: recreate.
    if (link && !vxlanMatches(link, spec, v6)) {
        await runChecked(ipArgv(netns, 'link', 'del', name));
        link = undefined;
    }
    const created = !link;
    let updated = false;
    if (!link) {
        await runChecked(ipArgv(netns, 'link', 'add', name, 'type', 'vxlan', 'id', String(spec.vni), 'local', spec.localIp, 'dev', spec.underlay, 'dstport', String(spec.port), 'nolearning'));
    }
    // Only what differs: `address` flushes the neighbours even when it is the same MAC, so an MTU
    // change must not pass it. A vxlan device accepts a new MAC while up (IFF_LIVE_ADDR_CHANGE).
    const macChanged = !link || link.address?.toLowerCase() !== mac;
    const set = [...(macChanged ? ['address', mac] : []), ...(!link || link.mtu !== spec.mtu ? ['mtu', String(spec.mtu)] : [])];
    if (set.length) {
        await runChecked(ipArgv(netns, 'link', 'set', 'dev', name, ...set));
        updated = true;
    }
    // flannel's EnsureV4AddressOnLink: exactly the one /32 (/128) global address, nothing else.
    // The new one goes on before an old one comes off: the kernel drops a device's routes and
    // neighbours with its last address of a family.
    const family = v6 ? 'inet6' : 'inet';
    const wanted = normaliseCidr(spec.address);
    const addrs = (await showAddrs(netns, name)).filter((a) => a.family === family && a.scope !== 'link');
    let reset = false;
    if (!addrs.some((a) => `${a.local}/${a.prefixlen}` === wanted)) {
        await runChecked(ipArgv(netns, 'addr', 'replace', spec.address, 'dev', name));
        updated = true;
    }
    for (const a of addrs) {
        const have = `${a.local}/${a.prefixlen}`;
        if (have === wanted)
            continue;
        await runChecked(ipArgv(netns, 'addr', 'del', have, 'dev', name));
        updated = true;
    }
    if (!link?.flags?.includes('UP')) {
        // A device that was down holds no routes: they went when it went down.
        await runChecked(ipArgv(netns, 'link', 'set', 'dev', name, 'up'));
        reset = true;
    }
    return created || macChanged || reset ? 'created' : updated ? 'updated' : 'unchanged';
}
function vxlanMatches(link, spec, v6) {
    const info = link.linkinfo;
    if (info?.info_kind !== 'vxlan' || !info.info_data)
        return false;
    const d = info.info_data;
    const local = v6 ? d['local6'] : d['local'];
    return (d['id'] === spec.vni &&
        typeof local === 'string' && normaliseIp(local) === normaliseIp(spec.localIp) &&
        d['port'] === spec.port &&
        d['link'] === spec.underlay &&
        d['learning'] === false);
}
/**
 * Makes sure bridge `cni0` exists, is up and carries each gateway address ("10.244.1.1/24", one
 * per family). Throws when cni0 is not a bridge, or carries another global address of a family
 * it should have: that means pods were set up for a different pod CIDR, which the agent must
 * report rather than silently renumber.
 */
export async function ensureCni0(netns, gatewayCidr) {
    const wanted = (typeof gatewayCidr === 'string' ? [gatewayCidr] : [...gatewayCidr]).map(normaliseCidr);
    let link = await showLink(netns, 'cni0');
    if (link && link.linkinfo?.info_kind !== 'bridge') {
        throw new Error(`cni0 exists but is a ${link.linkinfo?.info_kind ?? 'non-bridge'} device`);
    }
    if (!link)
        await runChecked(ipArgv(netns, 'link', 'add', 'cni0', 'type', 'bridge'));
    const addrs = (await showAddrs(netns, 'cni0')).filter((a) => a.scope !== 'link');
    for (const want of wanted) {
        const family = isV6(want) ? 'inet6' : 'inet';
        const same = addrs.filter((a) => a.family === family);
        if (same.some((a) => `${a.local}/${a.prefixlen}` === want))
            continue;
        if (same.length > 0) {
            const have = same.map((a) => `${a.local}/${a.prefixlen}`).join(', ');
            throw new Error(`cni0 carries ${have}, expected ${want}`);
        }
        await runChecked(ipArgv(netns, 'addr', 'add', want, 'dev', 'cni0'));
    }
    if (!link?.flags?.includes('UP'))
        await runChecked(ipArgv(netns, 'link', 'set', 'dev', 'cni0', 'up'));
}
/** The interface holding `ip` in the namespace (the node's underlay), or undefined. */
export async function findUnderlay(netns, ip) {
    const links = JSON.parse(await runChecked(ipArgv(netns, '-j', 'addr', 'show')));
    const want = normaliseIp(ip);
    return links.find((l) => l.addr_info?.some((a) => normaliseIp(a.local) === want))?.ifname;
}
/** Deletes a device if present (a vxlan device whose link/* entry went away). */
export async function deleteLink(netns, name) {
    if (await showLink(netns, name))
        await runChecked(ipArgv(netns, 'link', 'del', name));
}
function normaliseIp(ip) {
    try {
        return canonicalIp(ip);
    }
    catch {
        return ip.toLowerCase();
    }
}
/** Canonical address text with the prefix kept as is (a gateway CIDR keeps its host bits). */
function normaliseCidr(cidr) {
    const slash = cidr.indexOf('/');
    return slash < 0 ? normaliseIp(cidr) : `${normaliseIp(cidr.slice(0, slash))}${cidr.slice(slash)}`;
}
//# sourceMappingURL=devices.js.map