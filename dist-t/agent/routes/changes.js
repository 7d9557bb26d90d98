// Turns routes-table changes from the node stream into iproute2 batch lines. Pure: the agent
// runs them with applyBatches. link/* changes produce no lines: devices are not batch material
// (ensureFlannelDevice / ensureCni0 handle them, see applyRouteChanges), and neither does the
// kernel's connected route of cni0.
//
// Order follows flannel: on removal the route goes first, then the neighbour (and the FDB entry
// in the bridge batch); on addition the neighbour precedes the route. Deletions come before
// additions so a pod CIDR that moved is released before it is claimed again.
import { heldOn, fdbDelLine, fdbReplaceLine, isKernelRoute, neighDelLine, neighReplaceLine, parseRoutesKey, routeDelLine, routeReplaceLine, } from '../../projections/routes/index.js';
/**
 * `devices`: the VXLAN devices the node's table gives it (vxlanDevicesHeld of the table after
 * these changes); changes of entries on other VXLAN devices produce no lines, as the node does
 * not hold them (projections/routes/held.ts). Without it every change counts.
 */
export function routeCommandsForChanges(changes, opts) {
    const routeDels = [];
    const neighDels = [];
    const neighUps = [];
    const routeUps = [];
    const fdbDels = [];
    const fdbUps = [];
    for (const c of changes) {
        const key = parseRoutesKey(c.key);
        if (!key || key.kind === 'link')
            continue;
        // A delete's value may be absent (stream) or the old value (history); an upsert of null is a removal too.
        const removal = c.op === 'delete' || c.value === null || c.value === undefined;
        const old = (c.previous ?? (c.op === 'delete' ? c.value : undefined)) ?? undefined;
        if (opts.devices && !heldOn(opts.devices, c.key, removal ? (old ?? keyDevice(key)) : c.value))
            continue;
        switch (key.kind) {
            case 'route':
                // The kernel owns cni0's connected route; ensureCni0 (link/cni0) is what produces it.
                if (isKernelRoute((removal ? old : c.value)))
                    break;
                if (removal)
                    routeDels.push(routeDelLine(key.dst, old, opts));
                else
                    routeUps.push(routeReplaceLine(c.value, opts));
                break;
            case 'neigh':
                if (removal)
                    neighDels.push(neighDelLine(key.dev, key.ip));
                else
                    neighUps.push(neighReplaceLine(c.value));
                break;
            case 'fdb':
                if (removal)
                    fdbDels.push(fdbDelLine(key.dev, key.mac, old));
                else
                    fdbUps.push(fdbReplaceLine(c.value));
                break;
        }
    }
    return { ip: [...routeDels, ...neighDels, ...neighUps, ...routeUps], bridge: [...fdbDels, ...fdbUps] };
}
/** What a removal without its old value still says about its device: neighbour and FDB keys name it. */
function keyDevice(key) {
    return key.kind === 'neigh' || key.kind === 'fdb' ? { dev: key.dev } : undefined;
}
//# sourceMappingURL=changes.js.map