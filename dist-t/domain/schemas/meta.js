// k8s.io/apimachinery types shared by every kind: ObjectMeta, ListMeta, Status, DeleteOptions,
// and the scalar wrappers (Time, IntOrString, Quantity). Descriptions are upstream's
// (types_swagger_doc_generated.go), cut to their first sentences.
import { Type } from '@sinclair/typebox';
import { GO_TYPE, bool, int32, int64, list, opaque, ref, str, strList, strMap, struct } from './build.js';
export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const API_CONVENTIONS = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';
// ---- scalars with custom JSON decoding upstream ----
/** metav1.Time: an RFC 3339 string (its UnmarshalJSON decodes a string, hence the Go type). */
export const Time = Type.String({
    $id: `${META}.Time`,
    format: 'date-time',
    description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.  Wrappers are provided for many of the factory methods that the time package offers.',
    [GO_TYPE]: 'string',
});
/** metav1.MicroTime: Time with microseconds (an Event's eventTime, RFC 3339 with 6 fraction digits). */
export const MicroTime = Type.String({
    $id: `${META}.MicroTime`,
    format: 'date-time',
    description: 'MicroTime is version of Time with microsecond level precision.',
    [GO_TYPE]: 'string',
});
// OpenAPI v3 describes these two as `oneOf` (no `type`), which is also what makes
// `kubectl explain` print <IntOrString> and map[string]Quantity for them.
export const IntOrString = Type.Union([Type.Integer(), Type.String()], {
    $id: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    format: 'int-or-string',
    description: 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
    // A non-string value is decoded into the int32 arm.
    [GO_TYPE]: 'int32',
});
export const Quantity = Type.Union([Type.String(), Type.Number()], {
    $id: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
    description: 'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.',
    [GO_TYPE]: 'resource.Quantity',
});
/** FieldsV1 and RawExtension hold arbitrary JSON. */
export const FieldsV1 = opaque(`${META}.FieldsV1`, 'FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.');
export const RawExtension = opaque('io.k8s.apimachinery.pkg.runtime.RawExtension', 'RawExtension is used to hold extensions in external versions.');
// ---- TypeMeta fields, repeated on every kind ----
export const typeMeta = {
    apiVersion: str(`APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: ${API_CONVENTIONS}#resources`),
    kind: str(`Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: ${API_CONVENTIONS}#types-kinds`),
};
export const OwnerReference = struct(`${META}.OwnerReference`, 'OwnerReference contains enough information to let you identify an owning object. An owning object must be in the same namespace as the dependent, or be cluster-scoped, so there is no namespace field.', {
    apiVersion: str('API version of the referent.'),
    blockOwnerDeletion: bool('If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed.'),
    controller: bool('If true, this reference points to the managing controller.'),
    kind: str(`Kind of the referent. More info: ${API_CONVENTIONS}#types-kinds`),
    name: str('Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names'),
    uid: str('UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids'),
}, { required: ['apiVersion', 'kind', 'name', 'uid'] });
export const ManagedFieldsEntry = struct(`${META}.ManagedFieldsEntry`, 'ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.', {
    apiVersion: str('APIVersion defines the version of this resource that this field set applies to.'),
    fieldsType: str('FieldsType is the discriminator for the different fields format and version. There is currently only one possible value: "FieldsV1"'),
    fieldsV1: ref(FieldsV1, 'FieldsV1 holds the first JSON version format as described in the "FieldsV1" type.'),
    manager: str('Manager is an identifier of the workflow managing these fields.'),
    operation: str("Operation is the type of operation which lead to this ManagedFieldsEntry being created. The only valid values for this field are 'Apply' and 'Update'."),
    subresource: str('Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource.'),
    time: ref(Time, 'Time is the timestamp of when the ManagedFields entry was added.'),
});
export const ObjectMeta = struct(`${META}.ObjectMeta`, 'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.', {
    annotations: strMap('Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations'),
    creationTimestamp: ref(Time, 'CreationTimestamp is a timestamp representing the server time when this object was created. Clients may not set this value. It is represented in RFC3339 form and is in UTC.'),
    deletionGracePeriodSeconds: int64('Number of seconds allowed for this object to gracefully terminate before it will be removed from the system. Only set when deletionTimestamp is also set. May only be shortened. Read-only.'),
    deletionTimestamp: ref(Time, 'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. This field is set by the server when a graceful deletion is requested by the user, and is not directly settable by a client.'),
    finalizers: strList('Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list.', {
        'x-kubernetes-list-type': 'set',
        'x-kubernetes-patch-strategy': 'merge',
    }),
    generateName: str('GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.'),
    generation: int64('A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.'),
    labels: strMap('Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels'),
    managedFields: list(ref(ManagedFieldsEntry), 'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow. This is mostly for internal housekeeping, and users typically shouldn\'t need to set or understand this field.', { 'x-kubernetes-list-type': 'atomic' }),
    name: str('Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names'),
    namespace: str('Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace, but "default" is the canonical representation. Must be a DNS_LABEL. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces'),
    ownerReferences: list(ref(OwnerReference), 'List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected.', {
        'x-kubernetes-list-map-keys': ['uid'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'uid',
        'x-kubernetes-patch-strategy': 'merge',
    }),
    resourceVersion: str(`An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed. Populated by the system. Read-only. More info: ${API_CONVENTIONS}#concurrency-control-and-consistency`),
    selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
    uid: str('UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations. Populated by the system. Read-only. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids'),
});
export const ListMeta = struct(`${META}.ListMeta`, 'ListMeta describes metadata that synthetic resources must have, including lists and various status objects. A resource may have only one of {ObjectMeta, ListMeta}.', {
    continue: str('continue may be set if the user set a limit on the number of items returned, and indicates that the server has more data available. The value is opaque and may be used to issue another request to the endpoint that served this list to retrieve the next set of available objects.'),
    remainingItemCount: int64('remainingItemCount is the number of subsequent items in the list which are not included in this list response.'),
    resourceVersion: str(`String that identifies the server's internal version of this object that can be used by clients to determine when objects have changed. Value must be treated as opaque by clients and passed unmodified back to the server. Populated by the system. Read-only. More info: ${API_CONVENTIONS}#concurrency-control-and-consistency`),
    selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
});
export const Condition = struct(`${META}.Condition`, 'Condition contains details for one aspect of the current state of this API Resource.', {
    lastTransitionTime: ref(Time, 'lastTransitionTime is the last time the condition transitioned from one status to another.'),
    message: str('message is a human readable message indicating details about the transition. This may be an empty string.'),
    observedGeneration: int64('observedGeneration represents the .metadata.generation that the condition was set based upon.'),
    reason: str("reason contains a programmatic identifier indicating the reason for the condition's last transition."),
    status: str('status of the condition, one of True, False, Unknown.'),
    type: str('type of condition in CamelCase or in foo.example.com/CamelCase.'),
}, { required: ['type', 'status', 'lastTransitionTime', 'reason', 'message'] });
export const StatusCause = struct(`${META}.StatusCause`, 'StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered.', {
    field: str('The field of the resource that has caused this error, as named by its JSON serialization. May include dot and postfix notation for nested attributes. Arrays are zero-indexed.'),
    message: str('A human-readable description of the cause of the error.  This field may be presented as-is to a reader.'),
    reason: str('A machine-readable description of the cause of the error. If this value is empty there is no information available.'),
});
export const StatusDetails = struct(`${META}.StatusDetails`, 'StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response.', {
    causes: list(ref(StatusCause), 'The Causes array includes more details associated with the StatusReason failure. Not all StatusReasons may provide detailed causes.', { 'x-kubernetes-list-type': 'atomic' }),
    group: str('The group attribute of the resource associated with the status StatusReason.'),
    kind: str(`The kind attribute of the resource associated with the status StatusReason. On some operations may differ from the requested resource Kind. More info: ${API_CONVENTIONS}#types-kinds`),
    name: str('The name attribute of the resource associated with the status StatusReason (when there is a single name which can be described).'),
    retryAfterSeconds: int32('If specified, the time in seconds before the operation should be retried.'),
    uid: str('UID of the resource. (when there is a single resource which can be described). More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids'),
});
/** Kinds of meta.k8s.io served under every group version, as upstream lists them. */
function everyGroup(kind) {
    return [
        { group: '', kind, version: 'v1' },
        { group: 'discovery.k8s.io', kind, version: 'v1' },
        { group: 'netledger.io', kind, version: 'v1' },
    ];
}
export const Status = struct(`${META}.Status`, "Status is a return value for calls that don't return other objects.", {
    ...typeMeta,
    code: int32('Suggested HTTP return code for this status, 0 if not set.'),
    details: ref(StatusDetails, 'Extended data associated with the reason.  Each reason may define its own extended details.'),
    message: str('A human-readable description of the status of this operation.'),
    metadata: ref(ListMeta, `Standard list metadata. More info: ${API_CONVENTIONS}#types-kinds`),
    reason: str('A machine-readable description of why this operation is in the "Failure" status. If this value is empty there is no information available.'),
    status: str(`Status of the operation. One of: "Success" or "Failure". More info: ${API_CONVENTIONS}#spec-and-status`),
}, { gvk: [{ group: '', kind: 'Status', version: 'v1' }] });
export const Preconditions = struct(`${META}.Preconditions`, 'Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.', {
    resourceVersion: str('Specifies the target ResourceVersion'),
    uid: str('Specifies the target UID.'),
});
export const DeleteOptions = struct(`${META}.DeleteOptions`, 'DeleteOptions may be provided when deleting an API object.', {
    ...typeMeta,
    dryRun: strList('When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed', { 'x-kubernetes-list-type': 'atomic' }),
    gracePeriodSeconds: int64('The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately.'),
    ignoreStoreReadErrorWithClusterBreakingPotential: bool('if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error.'),
    orphanDependents: bool('Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7. Should the dependent objects be orphaned.'),
    preconditions: ref(Preconditions, 'Must be fulfilled before a deletion is carried out. If not possible, a 409 Conflict status will be returned.'),
    propagationPolicy: str("Whether and how garbage collection will be performed. Acceptable values are: 'Orphan' - orphan the dependents; 'Background' - allow the garbage collector to delete the dependents in the background; 'Foreground' - a cascading policy that deletes all dependents in the foreground."),
}, { gvk: everyGroup('DeleteOptions') });
export const WatchEvent = struct(`${META}.WatchEvent`, 'Event represents a single event to a watched resource.', {
    object: ref(RawExtension, 'Object is: * If Type is Added or Modified: the new state of the object. * If Type is Deleted: the state of the object immediately before deletion. * If Type is Error: *Status is recommended; other types may make sense depending on context.'),
    type: str('Type of the watch event: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.'),
}, { required: ['type', 'object'], gvk: everyGroup('WatchEvent') });
export const Patch = opaque(`${META}.Patch`, 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.');
export const META_SCHEMAS = [
    Time, MicroTime, IntOrString, Quantity, FieldsV1, RawExtension, OwnerReference, ManagedFieldsEntry, ObjectMeta, ListMeta,
    Condition, StatusCause, StatusDetails, Status, Preconditions, DeleteOptions, WatchEvent, Patch,
];
export const standardObjectMeta = () => ref(ObjectMeta, `Standard object's metadata. More info: ${API_CONVENTIONS}#metadata`);
export const standardListMeta = () => ref(ListMeta, `Standard list metadata. More info: ${API_CONVENTIONS}#types-kinds`);
export { API_CONVENTIONS };
//# sourceMappingURL=meta.js.map