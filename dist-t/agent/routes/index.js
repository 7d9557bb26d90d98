// What a node agent needs to apply its routes table: pure batch builders (changes.ts), the
// iproute2 runner (run.ts), the device helpers (devices.ts), and applyRouteChanges, the order
// that ties them together for one delta or snapshot.
import { UNDERLAY_DEVICE, parseRoutesKey } from '../../projections/routes/index.js';
import { routeCommandsForChanges } from './changes.js';
import { deleteLink, ensureCni0, ensureFlannelDevice } from './devices.js';
import { applyBatches } from './run.js';
export { routeCommandsForChanges } from './changes.js';
export { applyBatches, run, runChecked, ipArgv, bridgeArgv } from './run.js';
export { ensureFlannelDevice, ensureCni0, findUnderlay, deleteLink } from './devices.js';
/**
 * Applies one batch of routes-table changes (a DELTA's, or a SNAPSHOT's entries as upserts):
 * devices first (routes and neighbours need them), then `ip -batch -`, then `bridge -batch -`,
 * then removal of VXLAN devices whose link entry went away (a switch to host-gw). cni0 is never
 * removed: pods hang off it. `underlay` replaces the symbolic `@underlay` device; `devices` are
 * the VXLAN devices the node's table gives it (entries on others are not the node's).
 *
 * Returns the VXLAN devices that had to be (re)created: their old entries are gone with them,
 * so the caller re-applies its whole routes table (the entries' replace lines are idempotent).
 */
export async function applyRouteChanges(netns, changes, opts) {
    const removedLinks = [];
    const devicesCreated = [];
    for (const c of changes) {
        const key = parseRoutesKey(c.key);
        if (key?.kind !== 'link')
            continue;
        if (c.op === 'delete' || c.value === null || c.value === undefined) {
            if (key.name !== 'cni0')
                removedLinks.push(key.name);
            continue;
        }
        const link = c.value;
        if (link.kind === 'bridge') {
            await ensureCni0(netns, link.addresses);
        }
        else {
            const outcome = await ensureFlannelDevice(netns, {
                name: link.name,
                vni: link.vni,
                port: link.port,
                localIp: link.local,
                address: link.address,
                mtu: link.mtu,
                mac: link.mac,
                underlay: link.dev === UNDERLAY_DEVICE ? opts.underlay : link.dev,
            });
            if (outcome === 'created')
                devicesCreated.push(link.name);
        }
    }
    await applyBatches(netns, routeCommandsForChanges(changes, opts));
    for (const name of removedLinks)
        await deleteLink(netns, name);
    return { devicesCreated };
}
//# sourceMappingURL=index.js.map