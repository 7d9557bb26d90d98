// k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto: the meta messages object bodies use.
// Field numbers from the .proto; KEEP marks Go pointers and non-omitempty fields.
import { KEEP, MAP, REPEATED } from './schema.js';
export const META_V1 = {
    ObjectMeta: [
        [1, 'name', 'string'],
        [2, 'generateName', 'string'],
        [3, 'namespace', 'string'],
        [4, 'selfLink', 'string'],
        [5, 'uid', 'string'],
        [6, 'resourceVersion', 'string'],
        [7, 'generation', 'int64'],
        [8, 'creationTimestamp', 'time'],
        [9, 'deletionTimestamp', 'time'],
        [10, 'deletionGracePeriodSeconds', 'int64', KEEP],
        [11, 'labels', 'string', MAP],
        [12, 'annotations', 'string', MAP],
        [13, 'ownerReferences', 'OwnerReference', REPEATED],
        [14, 'finalizers', 'string', REPEATED],
        [17, 'managedFields', 'ManagedFieldsEntry', REPEATED],
    ],
    OwnerReference: [
        [5, 'apiVersion', 'string', KEEP],
        [1, 'kind', 'string', KEEP],
        [3, 'name', 'string', KEEP],
        [4, 'uid', 'string', KEEP],
        [6, 'controller', 'bool', KEEP],
        [7, 'blockOwnerDeletion', 'bool', KEEP],
    ],
    ManagedFieldsEntry: [
        [1, 'manager', 'string'],
        [2, 'operation', 'string'],
        [3, 'apiVersion', 'string'],
        [4, 'time', 'time'],
        [6, 'fieldsType', 'string'],
        [7, 'fieldsV1', 'fieldsV1'],
        [8, 'subresource', 'string'],
    ],
    Condition: [
        [1, 'type', 'string', KEEP],
        [2, 'status', 'string', KEEP],
        [3, 'observedGeneration', 'int64'],
        [4, 'lastTransitionTime', 'time'],
        [5, 'reason', 'string', KEEP],
        [6, 'message', 'string', KEEP],
    ],
    LabelSelector: [
        [1, 'matchLabels', 'string', MAP],
        [2, 'matchExpressions', 'LabelSelectorRequirement', REPEATED],
    ],
    LabelSelectorRequirement: [
        [1, 'key', 'string', KEEP],
        [2, 'operator', 'string', KEEP],
        [3, 'values', 'string', REPEATED],
    ],
    DeleteOptions: [
        [1, 'gracePeriodSeconds', 'int64', KEEP],
        [2, 'preconditions', 'Preconditions'],
        [3, 'orphanDependents', 'bool', KEEP],
        [4, 'propagationPolicy', 'string', KEEP],
        [5, 'dryRun', 'string', REPEATED],
        [6, 'ignoreStoreReadErrorWithClusterBreakingPotential', 'bool', KEEP],
    ],
    Preconditions: [
        [1, 'uid', 'string', KEEP],
        [2, 'resourceVersion', 'string', KEEP],
    ],
};
//# sourceMappingURL=meta-v1.js.map