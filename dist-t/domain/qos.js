// The pod QoS class kube-apiserver records at creation (pkg/apis/core/v1/helper/qos
// ComputePodQOS): Guaranteed when every container limits cpu and memory and the summed requests
// equal the summed limits, BestEffort when nothing is requested or limited, else Burstable.
// Ephemeral containers cannot set resources and are not counted.
import { quantityNanos } from './quantity.js';
const QOS_RESOURCES = ['cpu', 'memory'];
export function podQOSClass(pod) {
    const requests = new Map();
    const limits = new Map();
    let guaranteed = true;
    const add = (sums, list) => {
        const found = new Set();
        for (const name of QOS_RESOURCES) {
            const q = quantityNanos(list?.[name]);
            if (q === undefined || q <= 0n)
                continue;
            found.add(name);
            sums.set(name, (sums.get(name) ?? 0n) + q);
        }
        return found;
    };
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
        const resources = c?.resources;
        add(requests, resources?.requests);
        const limited = add(limits, resources?.limits);
        if (!QOS_RESOURCES.every((name) => limited.has(name)))
            guaranteed = false;
    }
    if (requests.size === 0 && limits.size === 0)
        return 'BestEffort';
    if (guaranteed)
        for (const [name, req] of requests)
            if (limits.get(name) !== req)
                guaranteed = false;
    return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
//# sourceMappingURL=qos.js.map