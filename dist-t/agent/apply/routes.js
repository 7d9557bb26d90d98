// The routes table on the node (flannel's kernel state) through agent/routes: a DELTA's changes
// with applyRouteChanges; a full sync (SNAPSHOT, start-up, after a failure) re-applies every
// entry (replace lines are idempotent), removes what the previous table had and this one does
// not, and — as flanneld does on resync — removes routes, neighbours and FDB entries on its
// VXLAN devices that the table no longer has (left over from a lost state dir or a crash).
import { canonicalIp } from '../../projections/routes/addr.js';
import { neighDelLine, parseRoutesKey, VXLAN_DEVICE, vxlanDevicesHeld } from '../../projections/routes/index.js';
import { applyBatches, applyRouteChanges, deleteLink, routeCommandsForChanges } from '../routes/index.js';
const toChange = (c) => ({ key: c.key, op: c.op, value: c.value ?? null, previous: c.previous });
function vxlanDevices(entries) {
    const out = [];
    for (const [key, value] of entries) {
        if (parseRoutesKey(key)?.kind === 'link' && value.kind === 'vxlan')
            out.push(value.name);
    }
    return out;
}
function canonicalDst(dst, dev) {
    const [ip, len] = dst.split('/');
    const addr = canonicalIp(ip);
    return `${addr}/${len ?? (addr.includes(':') ? 128 : 32)}`;
}
/** Batch lines removing kernel objects on `dev` that the table does not hold (flanneld's resync). */
export function strayCleanup(entries, dev, kernel) {
    const ip = [];
    const bridge = [];
    for (const r of kernel.routes) {
        if (r.protocol === 'kernel' || r.dst === 'default')
            continue; // the kernel's own (address / link-local) routes
        const dst = canonicalDst(r.dst, dev);
        if (!entries.has(`route/${dst}`))
            ip.push(`route del ${dst} dev ${dev}`);
    }
    for (const n of kernel.neighs) {
        if (!n.state?.includes('PERMANENT'))
            continue; // the kernel's own (NDP) entries, not ours
        const addr = canonicalIp(n.dst);
        if (!entries.has(`neigh/${dev}/${addr}`))
            ip.push(neighDelLine(dev, addr));
    }
    for (const f of kernel.fdb) {
        const mac = f.mac.toLowerCase();
        if (!f.flags?.includes('self') || mac === '00:00:00:00:00:00')
            continue;
        if (!entries.has(`fdb/${dev}/${mac}`))
            bridge.push(`fdb del ${mac} dev ${dev}${f.dst ? ` dst ${f.dst}` : ''} self`);
    }
    return { ip, bridge };
}
export class RoutesApplier {
    exec;
    underlay;
    log;
    constructor(exec, underlay, log) {
        this.exec = exec;
        this.underlay = underlay;
        this.log = log;
    }
    async applyChanges(entries, changes) {
        const list = changes.map(toChange);
        const opts = { underlay: await this.underlay(), devices: vxlanDevicesHeld(entries) };
        if (this.exec.dryRun) {
            const b = routeCommandsForChanges(list, opts);
            this.log.info({ dryRun: true, ip: b.ip, bridge: b.bridge, links: list.filter((c) => c.key.startsWith('link/')).map((c) => `${c.op} ${c.key}`) }, 'would apply routes');
            return;
        }
        const { devicesCreated } = await applyRouteChanges(this.exec.netns, list, opts);
        // A (re)created VXLAN device lost every route/neighbour/FDB entry it had (or, new, holds none
        // of the entries on it yet): put them all back.
        if (devicesCreated.length)
            await this.applyAll(entries, opts.underlay);
    }
    async fullSync(entries, removed) {
        const underlay = await this.underlay();
        if (removed.length)
            await this.applyChanges(entries, removed);
        await this.applyAll(entries, underlay);
        // A flannel device the table no longer gives the node (its removal was lost with a failed
        // apply or a state dir) holds entries nothing updates any more: it goes, as flanneld's would.
        const held = vxlanDevicesHeld(entries);
        for (const dev of Object.values(VXLAN_DEVICE)) {
            if (held.has(dev) || (await this.exec.read(['ip', 'link', 'show', 'dev', dev])).code !== 0)
                continue;
            this.log.info({ dev }, 'removing a flannel device the routes table does not hold');
            if (!this.exec.dryRun)
                await deleteLink(this.exec.netns, dev);
        }
        for (const dev of vxlanDevices(entries)) {
            const kernel = await this.readKernel(dev);
            const lines = strayCleanup(entries, dev, kernel);
            if (!lines.ip.length && !lines.bridge.length)
                continue;
            this.log.info({ dev, removing: [...lines.ip, ...lines.bridge] }, 'removing stray kernel entries');
            if (!this.exec.dryRun)
                await applyBatches(this.exec.netns, lines);
        }
    }
    /** Every entry applied again, removing nothing: what a periodic sync puts back. */
    async reapply(entries) {
        await this.applyAll(entries, await this.underlay());
    }
    async applyAll(entries, underlay) {
        const all = [...entries].map(([key, value]) => ({ key, op: 'upsert', value }));
        const opts = { underlay, devices: vxlanDevicesHeld(entries) };
        if (this.exec.dryRun) {
            const b = routeCommandsForChanges(all, opts);
            this.log.info({ dryRun: true, ip: b.ip, bridge: b.bridge }, 'would apply routes (full)');
            return;
        }
        await applyRouteChanges(this.exec.netns, all, opts);
    }
    async readKernel(dev) {
        const json = async (argv) => {
            const r = await this.exec.read(argv);
            if (r.code !== 0 || !r.stdout.trim())
                return [];
            return JSON.parse(r.stdout);
        };
        return {
            routes: [...(await json(['ip', '-j', '-4', 'route', 'show', 'dev', dev])), ...(await json(['ip', '-j', '-6', 'route', 'show', 'dev', dev]))],
            neighs: await json(['ip', '-j', 'neigh', 'show', 'dev', dev]),
            fdb: await json(['bridge', '-j', 'fdb', 'show', 'dev', dev]),
        };
    }
}
//# sourceMappingURL=routes.js.map