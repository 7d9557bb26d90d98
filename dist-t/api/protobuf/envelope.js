// The Kubernetes protobuf envelope (apimachinery runtime/serializer/protobuf): the 4-byte magic
// `k8s\0`, then a runtime.Unknown {1: typeMeta {1: apiVersion, 2: kind}, 2: raw (the object's
// own message), 3: contentEncoding, 4: contentType}. The object comes out as the JSON a JSON
// client would have sent, kind and apiVersion first as TypeMeta writes them.
import { errors } from '../../domain/errors.js';
import { CORE_V1 } from './core-v1.js';
import { CORE_V1_POD } from './core-v1-pod.js';
import { CORE_V1_POD_STATUS } from './core-v1-pod-status.js';
import { CORE_V1_VOLUMES } from './core-v1-volumes.js';
import { Decoder } from './decode.js';
import { DISCOVERY_V1 } from './discovery-v1.js';
import { AUTH_V1 } from './auth-v1.js';
import { META_V1 } from './meta-v1.js';
import { LEN, readFields, utf8String, WireError } from './wire.js';
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
export const MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);
const decoder = new Decoder({ ...META_V1, ...CORE_V1, ...CORE_V1_POD, ...CORE_V1_VOLUMES, ...CORE_V1_POD_STATUS, ...DISCOVERY_V1, ...AUTH_V1 });
/** The message for each group/version + kind a client may send. */
const MESSAGES = {
    'v1/Namespace': 'Namespace',
    'v1/Service': 'Service',
    'v1/Pod': 'Pod',
    'v1/Node': 'Node',
    'v1/Endpoints': 'Endpoints',
    'discovery.k8s.io/v1/EndpointSlice': 'EndpointSlice',
    // client-go encodes DeleteOptions in the group of the resource, or as meta.k8s.io/v1.
    'v1/DeleteOptions': 'DeleteOptions',
    'meta.k8s.io/v1/DeleteOptions': 'DeleteOptions',
    'discovery.k8s.io/v1/DeleteOptions': 'DeleteOptions',
    'authorization.k8s.io/v1/SelfSubjectAccessReview': 'SelfSubjectAccessReview',
    'authorization.k8s.io/v1/SelfSubjectRulesReview': 'SelfSubjectRulesReview',
    'authentication.k8s.io/v1/SelfSubjectReview': 'SelfSubjectReview',
};
/** Splits magic + runtime.Unknown. Throws WireError on anything malformed. */
export function readEnvelope(body) {
    if (body.length < MAGIC.length || !MAGIC.every((b, i) => body[i] === b)) {
        throw new WireError('the body does not start with the Kubernetes protobuf prefix "k8s\\x00"');
    }
    let fields;
    try {
        fields = readFields(body.subarray(MAGIC.length));
    }
    catch (e) {
        throw new WireError(`runtime.Unknown: ${e.message}`);
    }
    const str = (list, no, what) => {
        const f = list.filter((x) => x.no === no).pop();
        if (!f)
            return '';
        if (f.wireType !== LEN)
            throw new WireError(`${what}: expected length-delimited bytes, got wire type ${f.wireType}`);
        return utf8String(f.bytes);
    };
    const typeMetaField = fields.filter((f) => f.no === 1).pop();
    if (typeMetaField && typeMetaField.wireType !== LEN)
        throw new WireError('Unknown.typeMeta: expected a message');
    const typeMeta = typeMetaField ? readFields(typeMetaField.bytes) : [];
    const rawField = fields.filter((f) => f.no === 2).pop();
    if (rawField && rawField.wireType !== LEN)
        throw new WireError('Unknown.raw: expected bytes');
    return {
        apiVersion: str(typeMeta, 1, 'Unknown.typeMeta.apiVersion'),
        kind: str(typeMeta, 2, 'Unknown.typeMeta.kind'),
        raw: rawField?.bytes ?? new Uint8Array(),
        contentEncoding: str(fields, 3, 'Unknown.contentEncoding'),
        contentType: str(fields, 4, 'Unknown.contentType'),
    };
}
/**
 * Decodes an `application/vnd.kubernetes.protobuf` request body into the JSON shape of the
 * object. Malformed bodies and kinds without a decoder are 400 BadRequest Status errors.
 */
export function decodeKubernetesProtobuf(body) {
    if (body.length === 0)
        return undefined;
    let env;
    try {
        env = readEnvelope(body);
    }
    catch (e) {
        throw errors.badRequest(`the body of the request could not be decoded as protobuf: ${e.message}`);
    }
    if (!env.kind || !env.apiVersion) {
        throw errors.badRequest(`the body of the request could not be decoded as protobuf: Object 'Kind' or 'apiVersion' is missing in the runtime.Unknown envelope`);
    }
    if (env.contentEncoding !== '') {
        throw errors.badRequest(`the body of the request could not be decoded as protobuf: unsupported content encoding "${env.contentEncoding}"`);
    }
    const message = MESSAGES[`${env.apiVersion}/${env.kind}`];
    if (!message) {
        throw errors.badRequest(`the body of the request could not be decoded as protobuf: no kind "${env.kind}" is registered for version "${env.apiVersion}"`);
    }
    try {
        const obj = decoder.message(env.raw, message, env.kind);
        return { kind: env.kind, apiVersion: env.apiVersion, ...obj };
    }
    catch (e) {
        if (e instanceof WireError) {
            throw errors.badRequest(`the body of the request could not be decoded as protobuf: ${e.message}`);
        }
        throw e;
    }
}
//# sourceMappingURL=envelope.js.map