// Builds the Kubernetes scalability envelope (nodes, services, ready endpoints) in-process through
// the real path: `ledger.submit(command)` = decide + endpoints controller + projections + group
// commit into SQLite. Submits go in waves of many concurrent commands so each appender batch is
// full (512 commands) and one fsync covers it.
//
// Order matters for cost, not for the result: pods are created and made Ready before any Service
// exists, then each Service is created and selects its 10 ready pods at once. So every pod event
// sees no Service (no Endpoints work), and each Service yields one Endpoints and one
// EndpointSlice event. Creating Services first would cost ~3 extra events per pod.
import { parseServeFlags } from '../../server/flags.js';
import { createCmd, namespaceName, node, nodeName, pod, podName, readyCmd, service, serviceName, SERVE_FLAGS } from './objects.js';
import { msSince } from './stats.js';
export const FULL_ENVELOPE = { nodes: 5000, services: 10_000, podsPerService: 10, namespaces: 100 };
export function layout(size) {
    const perNs = Math.ceil(size.services / size.namespaces);
    return {
        size,
        pods: size.services * size.podsPerService,
        podAt(i) {
            const svc = Math.floor(i / size.podsPerService);
            return { namespace: namespaceName(Math.floor(svc / perNs)), name: podName(i), service: svc };
        },
    };
}
const WAVE = 4096;
/** Submits commands in waves of WAVE concurrent submits; throws on the first rejection. */
export async function submitAll(ledger, count, make) {
    for (let start = 0; start < count; start += WAVE) {
        const wave = [];
        for (let i = start; i < Math.min(count, start + WAVE); i++)
            wave.push(ledger.submit(make(i)));
        await Promise.all(wave);
    }
}
/** Fills an open, empty ledger; returns the time each phase took. */
export async function buildEnvelope(ledger, size, progress = () => undefined) {
    const l = layout(size);
    const timings = [];
    const phase = async (name, count, make) => {
        const rv0 = ledger.committedRv;
        const t = process.hrtime.bigint();
        await submitAll(ledger, count, make);
        const seconds = msSince(t) / 1000;
        timings.push({ phase: name, commands: count, events: ledger.committedRv - rv0, seconds, perSecond: count / seconds });
        progress(`${name}: ${count} commands, ${ledger.committedRv - rv0} events in ${seconds.toFixed(1)} s`);
    };
    const config = parseServeFlags(SERVE_FLAGS).config;
    await ledger.submit({ op: 'configure', config, time: new Date().toISOString(), actor: 'bench', requestId: null, newUid: 'bench-config' });
    await phase('nodes', size.nodes, (i) => createCmd('Node', '', node(i)));
    await phase('pods', l.pods, (i) => {
        const p = l.podAt(i);
        return createCmd('Pod', p.namespace, pod(p.name, nodeName(i % size.nodes), serviceName(p.service)));
    });
    await phase('pods ready', l.pods, (i) => {
        const p = l.podAt(i);
        return readyCmd(p.namespace, p.name, true);
    });
    await phase('services', size.services, (i) => createCmd('Service', l.podAt(i * size.podsPerService).namespace, service(serviceName(i), serviceName(i))));
    return timings;
}
//# sourceMappingURL=envelope.js.map