// Decoding of `application/vnd.kubernetes.protobuf` request bodies (see envelope.ts).
export { decodeKubernetesProtobuf, readEnvelope, PROTOBUF_MEDIA_TYPE, MAGIC } from './envelope.js';
export { Decoder } from './decode.js';
export { WireError } from './wire.js';
//# sourceMappingURL=index.js.map