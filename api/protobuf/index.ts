// Decoding of `application/vnd.kubernetes.protobuf` request bodies (see envelope.ts).
export { decodeKubernetesProtobuf, readEnvelope, PROTOBUF_MEDIA_TYPE, MAGIC, type Envelope } from './envelope.js';
export { Decoder } from './decode.js';
export { WireError } from './wire.js';
