// The table model for decoding: each Kubernetes message is a list of fields in Go struct order
// (which is also the order the JSON encoder writes them), with the proto field number, the JSON
// name, the value type and how zero values behave.
//
// Zero values: gogo-protobuf writes every non-pointer scalar, even "" / 0 / false, while
// encoding/json drops those that are `omitempty`. So a scalar is dropped when it is zero unless
// the field is KEEP: a Go pointer (written only when set, so its zero is meaningful) or a
// non-omitempty field (`json:"port"`). Struct-typed fields are written by both encoders whenever
// the Go value has them (always for non-pointer structs), so a message on the wire is always
// emitted, `{}` when empty — as kubectl's JSON shows (`"status":{}`).
export const KEEP = 1;
export const REPEATED = 2;
/** map<string, T>: repeated entries {1: key, 2: value}. */
export const MAP = 4;
/** A Go embedded struct (`json:",inline"`): its fields join the parent object. */
export const INLINE = 8;
export const SCALARS = new Set(['string', 'int32', 'int64', 'bool', 'bytes']);
export const SPECIALS = new Set(['time', 'intstr', 'quantity', 'fieldsV1']);
//# sourceMappingURL=schema.js.map