// The Pod printer of kube-apiserver (pkg/printers/internalversion/printers.go printPod), wide
// form as the server always generates it: NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE
// READINESS GATES.
import { AGE_COLUMN, NAME_COLUMN } from './common.js';
import { POD_DOC } from './descriptions.js';
import { translateTimestampSince } from './duration.js';
import { column } from './types.js';
const COMPLETED = [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
const FAILED = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
/** A sidecar: an init container with `restartPolicy: Always`. */
const isRestartable = (c) => c?.restartPolicy === 'Always';
function later(a, b) {
    if (!b)
        return a;
    if (!a)
        return b;
    return Date.parse(b) > Date.parse(a) ? b : a;
}
function printPod(pod, now) {
    const spec = pod.spec ?? {};
    const status = (pod.status ?? {});
    const conditions = status.conditions ?? [];
    const initContainers = (spec.initContainers ?? []);
    let restarts = 0;
    let restartableInitRestarts = 0;
    let totalContainers = (spec.containers ?? []).length;
    let readyContainers = 0;
    let lastRestart;
    let lastRestartableInitRestart;
    const phase = status.phase ?? '';
    let reason = status.reason || phase;
    if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated'))
        reason = 'SchedulingGated';
    const initByName = new Map(initContainers.map((c) => [c.name, c]));
    for (const c of initContainers)
        if (isRestartable(c))
            totalContainers++;
    let initializing = false;
    const initStatuses = status.initContainerStatuses ?? [];
    for (let i = 0; i < initStatuses.length; i++) {
        const cs = initStatuses[i];
        restarts += cs.restartCount ?? 0;
        lastRestart = later(lastRestart, cs.lastState?.terminated?.finishedAt);
        const sidecar = isRestartable(initByName.get(cs.name));
        if (sidecar) {
            restartableInitRestarts += cs.restartCount ?? 0;
            lastRestartableInitRestart = later(lastRestartableInitRestart, cs.lastState?.terminated?.finishedAt);
        }
        const term = cs.state?.terminated;
        const waiting = cs.state?.waiting;
        if (term && (term.exitCode ?? 0) === 0)
            continue;
        if (sidecar && cs.started) {
            if (cs.ready)
                readyContainers++;
            continue;
        }
        if (term) {
            if (!term.reason)
                reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
            else
                reason = `Init:${term.reason}`;
        }
        else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
            reason = `Init:${waiting.reason}`;
        }
        else {
            reason = `Init:${i}/${initContainers.length}`;
        }
        initializing = true;
        break;
    }
    const initialized = conditions.find((c) => c.type === 'Initialized')?.status === 'True';
    if (!initializing || initialized) {
        restarts = restartableInitRestarts;
        lastRestart = lastRestartableInitRestart;
        let hasRunning = false;
        const statuses = status.containerStatuses ?? [];
        for (let i = statuses.length - 1; i >= 0; i--) {
            const cs = statuses[i];
            restarts += cs.restartCount ?? 0;
            lastRestart = later(lastRestart, cs.lastState?.terminated?.finishedAt);
            const term = cs.state?.terminated;
            if (cs.state?.waiting?.reason)
                reason = cs.state.waiting.reason;
            else if (term?.reason)
                reason = term.reason;
            else if (term)
                reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
            else if (cs.ready && cs.state?.running) {
                hasRunning = true;
                readyContainers++;
            }
        }
        // A completed container next to a running one: the pod is still running.
        if (reason === 'Completed' && hasRunning) {
            reason = conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
        }
    }
    if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost')
        reason = 'Unknown';
    else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed')
        reason = 'Terminating';
    let restartsCell = String(restarts);
    if (restarts !== 0 && lastRestart)
        restartsCell = `${restarts} (${translateTimestampSince(lastRestart, now)} ago)`;
    // v1 -> internal conversion fills podIPs from podIP, so either carries the primary address.
    const podIP = status.podIPs?.[0]?.ip || status.podIP || '<none>';
    const readinessGates = (spec.readinessGates ?? []);
    let gates = '<none>';
    if (readinessGates.length > 0) {
        const trueCount = readinessGates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
        gates = `${trueCount}/${readinessGates.length}`;
    }
    const row = {
        cells: [
            pod.metadata.name ?? '',
            `${readyContainers}/${totalContainers}`,
            reason,
            restartsCell,
            translateTimestampSince(pod.metadata.creationTimestamp, now),
            podIP,
            spec.nodeName || '<none>',
            status.nominatedNodeName || '<none>',
            gates,
        ],
    };
    if (phase === 'Succeeded')
        row.conditions = COMPLETED;
    else if (phase === 'Failed')
        row.conditions = FAILED;
    return row;
}
export const podPrinter = {
    columns: [
        NAME_COLUMN,
        column('Ready', POD_DOC.ready),
        column('Status', POD_DOC.status),
        column('Restarts', POD_DOC.restarts),
        AGE_COLUMN,
        column('IP', POD_DOC.podIP, { priority: 1 }),
        column('Node', POD_DOC.nodeName, { priority: 1 }),
        column('Nominated Node', POD_DOC.nominatedNodeName, { priority: 1 }),
        column('Readiness Gates', POD_DOC.readinessGates, { priority: 1 }),
    ],
    print: printPod,
};
//# sourceMappingURL=pod.js.map