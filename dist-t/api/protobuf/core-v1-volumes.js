// k8s.io/api/core/v1/generated.proto: pod volumes. Only the common volume sources are modelled
// (hostPath, emptyDir, secret, persistentVolumeClaim, downwardAPI, configMap, projected); the
// in-tree cloud and storage plugins are skipped.
import { INLINE, KEEP, REPEATED } from './schema.js';
export const CORE_V1_VOLUMES = {
    Volume: [
        [1, 'name', 'string', KEEP],
        [2, 'volumeSource', 'VolumeSource', INLINE],
    ],
    VolumeSource: [
        [1, 'hostPath', 'HostPathVolumeSource'],
        [2, 'emptyDir', 'EmptyDirVolumeSource'],
        [6, 'secret', 'SecretVolumeSource'],
        [10, 'persistentVolumeClaim', 'PersistentVolumeClaimVolumeSource'],
        [16, 'downwardAPI', 'DownwardAPIVolumeSource'],
        [19, 'configMap', 'ConfigMapVolumeSource'],
        [26, 'projected', 'ProjectedVolumeSource'],
    ],
    HostPathVolumeSource: [
        [1, 'path', 'string', KEEP],
        [2, 'type', 'string', KEEP],
    ],
    EmptyDirVolumeSource: [
        [1, 'medium', 'string'],
        [2, 'sizeLimit', 'quantity'],
    ],
    SecretVolumeSource: [
        [1, 'secretName', 'string'],
        [2, 'items', 'KeyToPath', REPEATED],
        [3, 'defaultMode', 'int32', KEEP],
        [4, 'optional', 'bool', KEEP],
    ],
    ConfigMapVolumeSource: [
        [1, 'localObjectReference', 'LocalObjectReference', INLINE],
        [2, 'items', 'KeyToPath', REPEATED],
        [3, 'defaultMode', 'int32', KEEP],
        [4, 'optional', 'bool', KEEP],
    ],
    PersistentVolumeClaimVolumeSource: [
        [1, 'claimName', 'string', KEEP],
        [2, 'readOnly', 'bool'],
    ],
    DownwardAPIVolumeSource: [
        [1, 'items', 'DownwardAPIVolumeFile', REPEATED],
        [2, 'defaultMode', 'int32', KEEP],
    ],
    DownwardAPIVolumeFile: [
        [1, 'path', 'string', KEEP],
        [2, 'fieldRef', 'ObjectFieldSelector'],
        [3, 'resourceFieldRef', 'ResourceFieldSelector'],
        [4, 'mode', 'int32', KEEP],
    ],
    ProjectedVolumeSource: [
        [1, 'sources', 'VolumeProjection', REPEATED],
        [2, 'defaultMode', 'int32', KEEP],
    ],
    VolumeProjection: [
        [1, 'secret', 'ProjectionSource'],
        [2, 'downwardAPI', 'DownwardAPIProjection'],
        [3, 'configMap', 'ProjectionSource'],
        [4, 'serviceAccountToken', 'ServiceAccountTokenProjection'],
    ],
    // SecretProjection and ConfigMapProjection share one layout.
    ProjectionSource: [
        [1, 'localObjectReference', 'LocalObjectReference', INLINE],
        [2, 'items', 'KeyToPath', REPEATED],
        [4, 'optional', 'bool', KEEP],
    ],
    DownwardAPIProjection: [[1, 'items', 'DownwardAPIVolumeFile', REPEATED]],
    ServiceAccountTokenProjection: [
        [1, 'audience', 'string'],
        [2, 'expirationSeconds', 'int64', KEEP],
        [3, 'path', 'string', KEEP],
    ],
    KeyToPath: [
        [1, 'key', 'string', KEEP],
        [2, 'path', 'string', KEEP],
        [3, 'mode', 'int32', KEEP],
    ],
};
//# sourceMappingURL=core-v1-volumes.js.map