// printNode: NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION
// CONTAINER-RUNTIME.
import { AGE_COLUMN, NAME_COLUMN } from './common.js';
import { NODE_DOC } from './descriptions.js';
import { translateTimestampSince } from './duration.js';
import { column } from './types.js';
const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';
/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(node) {
    const roles = new Set();
    for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
        if (k.startsWith(ROLE_PREFIX)) {
            const role = k.slice(ROLE_PREFIX.length);
            if (role)
                roles.add(role);
        }
        else if (k === ROLE_LABEL && v !== '')
            roles.add(v);
    }
    return [...roles].sort();
}
/** Ready / NotReady / Unknown, then SchedulingDisabled when cordoned. */
export function nodeStatus(node) {
    const status = [];
    const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
    if (ready)
        status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
    if (status.length === 0)
        status.push('Unknown');
    if (node.spec?.unschedulable)
        status.push('SchedulingDisabled');
    return status.join(',');
}
function address(node, type) {
    return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}
function printNode(node, now) {
    const info = node.status?.nodeInfo ?? {};
    return {
        cells: [
            node.metadata.name ?? '',
            nodeStatus(node),
            nodeRoles(node).join(',') || '<none>',
            translateTimestampSince(node.metadata.creationTimestamp, now),
            info.kubeletVersion ?? '',
            address(node, 'InternalIP'),
            address(node, 'ExternalIP'),
            info.osImage || '<unknown>',
            info.kernelVersion || '<unknown>',
            info.containerRuntimeVersion || '<unknown>',
        ],
    };
}
export const nodePrinter = {
    columns: [
        NAME_COLUMN,
        column('Status', NODE_DOC.status),
        column('Roles', NODE_DOC.roles),
        AGE_COLUMN,
        column('Version', NODE_DOC.kubeletVersion),
        column('Internal-IP', NODE_DOC.addresses, { priority: 1 }),
        column('External-IP', NODE_DOC.addresses, { priority: 1 }),
        column('OS-Image', NODE_DOC.osImage, { priority: 1 }),
        column('Kernel-Version', NODE_DOC.kernelVersion, { priority: 1 }),
        column('Container-Runtime', NODE_DOC.containerRuntimeVersion, { priority: 1 }),
    ],
    print: printNode,
};
//# sourceMappingURL=node.js.map