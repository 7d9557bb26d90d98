// The fields each kind can be selected on, and their string values: kube-apiserver's
// field-label conversion functions (pkg/apis/core/v1/conversion.go) and the strategies'
// ToSelectableFields (pkg/registry/core/*/strategy.go).
const META = ['metadata.name', 'metadata.namespace'];
/** runtime.DefaultMetaV1FieldSelectorConversion's message, for kinds without their own function. */
const defaultUnknown = (field) => `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
/** The message of the per-kind conversion functions registered for Pod, Node, Namespace, Service, Event. */
const labelNotSupported = (field) => `field label not supported: ${field}`;
function metaFields(obj) {
    return { 'metadata.name': obj.metadata?.name ?? '', 'metadata.namespace': obj.metadata?.namespace ?? '' };
}
const str = (v) => (v === undefined || v === null ? '' : String(v));
function podFields(obj) {
    const pod = obj;
    const spec = pod.spec ?? {};
    const status = pod.status ?? {};
    const ips = podIPs(obj);
    return {
        ...metaFields(obj),
        'spec.nodeName': str(spec.nodeName),
        'spec.restartPolicy': str(spec.restartPolicy),
        'spec.schedulerName': str(spec.schedulerName),
        'spec.serviceAccountName': str(spec.serviceAccountName),
        'spec.hostNetwork': String(spec.hostNetwork === true),
        'status.phase': str(status.phase),
        // Upstream selects on the primary IP; podIPs is matched per address in matchesFields.
        'status.podIP': ips[0] ?? '',
        'status.nominatedNodeName': str(status.nominatedNodeName),
    };
}
function get(obj, path) {
    let cur = obj;
    for (const part of path.split('.')) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[part];
    }
    return cur;
}
const EVENT_FIELDS = [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
];
const KINDS = {
    Pod: {
        supported: [
            ...META,
            'spec.nodeName',
            'spec.restartPolicy',
            'spec.schedulerName',
            'spec.serviceAccountName',
            'spec.hostNetwork',
            'status.phase',
            'status.podIP',
            'status.podIPs',
            'status.nominatedNodeName',
        ],
        // "backwards compatibility with old v1 clients which send spec.host"
        aliases: { 'spec.host': 'spec.nodeName' },
        unknown: labelNotSupported,
        values: podFields,
    },
    // Node's and Namespace's conversion functions know no metadata.namespace (they are not namespaced).
    Node: {
        supported: ['metadata.name', 'spec.unschedulable'],
        unknown: labelNotSupported,
        values: (obj) => ({ ...metaFields(obj), 'spec.unschedulable': String(get(obj, 'spec.unschedulable') === true) }),
    },
    Namespace: {
        supported: ['metadata.name', 'status.phase'],
        unknown: labelNotSupported,
        values: (obj) => ({ ...metaFields(obj), 'status.phase': str(get(obj, 'status.phase')) }),
    },
    // AddFieldLabelConversionsForService (1.31+).
    Service: {
        supported: [...META, 'spec.clusterIP', 'spec.type'],
        unknown: labelNotSupported,
        values: (obj) => ({ ...metaFields(obj), 'spec.clusterIP': str(get(obj, 'spec.clusterIP')), 'spec.type': str(get(obj, 'spec.type')) }),
    },
    // kubectl describe lists events by involvedObject.*; we know the fields even if we serve no events.
    Event: {
        supported: [...META, ...EVENT_FIELDS],
        unknown: labelNotSupported,
        values: (obj) => {
            const set = metaFields(obj);
            for (const f of EVENT_FIELDS)
                set[f] = str(get(obj, f));
            // ToSelectableFields: the source is the component, else the reporting controller.
            set.source = str(get(obj, 'source.component')) || str(get(obj, 'reportingComponent'));
            return set;
        },
    },
};
const DEFAULT_FIELDS = { supported: META, unknown: defaultUnknown, values: metaFields };
/** The field names `kind` can be selected on (legacy aliases not included). */
export function supportedFieldSelectors(kind) {
    return kindFields(kind).supported;
}
export function kindFields(kind) {
    return Object.hasOwn(KINDS, kind) ? KINDS[kind] : DEFAULT_FIELDS;
}
/** The pod's addresses, for `status.podIPs` terms. */
export function podIPs(obj) {
    const status = obj.status ?? {};
    return status.podIPs?.map((p) => p.ip) ?? (status.podIP ? [status.podIP] : []);
}
//# sourceMappingURL=field-sets.js.map