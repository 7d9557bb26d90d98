// The admission plugins kube-apiserver runs on every Pod write by default, after defaulting and
// before validation (kube-apiserver --enable-admission-plugins defaults):
// - DefaultTolerationSeconds (create and update of pods proper): pods tolerate the node
//   controller's not-ready and unreachable NoExecute taints for 300 s unless they say otherwise;
// - Priority (create): the priority of the pod's PriorityClass, 0 and PreemptLowerPriority
//   without one (no global default class exists here); an update keeps what create set.
// `kubectl describe pod` shows both (Priority:, Tolerations:).
import { errors } from './errors.js';
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
const DEFAULT_TOLERATION_SECONDS = 300;
/** The PriorityClasses every cluster has (scheduling/v1 SystemPriorityClasses). */
const SYSTEM_PRIORITY_CLASSES = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };
export function admitPod(pod, old) {
    const spec = (pod.spec ??= {});
    addDefaultTolerations(spec);
    const s = spec;
    if (old) {
        const o = (old.spec ?? {});
        // Validation refuses a change of either; what create set is kept when left out.
        if (s.priority === undefined && o.priority !== undefined)
            s.priority = o.priority;
        if (s.preemptionPolicy === undefined && o.preemptionPolicy !== undefined)
            s.preemptionPolicy = o.preemptionPolicy;
        return;
    }
    const name = pod.metadata.name ?? '';
    let priority = 0;
    if (s.priorityClassName) {
        const value = SYSTEM_PRIORITY_CLASSES[s.priorityClassName];
        if (value === undefined)
            throw errors.forbiddenObject('pods', '', name, `no PriorityClass with name ${s.priorityClassName} was found`);
        priority = value;
    }
    if (s.priority !== undefined && s.priority !== priority) {
        throw errors.forbiddenObject('pods', '', name, `the integer value of priority (${s.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
    }
    s.priority = priority;
    if (s.preemptionPolicy !== undefined && s.preemptionPolicy !== 'PreemptLowerPriority') {
        throw errors.forbiddenObject('pods', '', name, `the string value of PreemptionPolicy (${s.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name`);
    }
    s.preemptionPolicy = 'PreemptLowerPriority';
}
/** DefaultTolerationSeconds: a toleration with no key (or the taint's) and no effect (or
 * NoExecute) already covers the taint. */
function addDefaultTolerations(spec) {
    const list = Array.isArray(spec.tolerations) ? spec.tolerations : [];
    const covers = (taint) => list.some((t) => t && typeof t === 'object' && (!t.key || t.key === taint) && (!t.effect || t.effect === 'NoExecute'));
    const add = [];
    for (const taint of [NOT_READY, UNREACHABLE]) {
        if (!covers(taint))
            add.push({ key: taint, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    }
    if (add.length)
        spec.tolerations = [...list, ...add];
}
//# sourceMappingURL=pod-admission.js.map