// k8s.io/api/discovery/v1/generated.proto: EndpointSlice. Every optional field here is a Go
// pointer, so zero values that arrive on the wire were set on purpose and are kept.
import { KEEP, MAP, REPEATED } from './schema.js';
export const DISCOVERY_V1 = {
    EndpointSlice: [
        [1, 'metadata', 'ObjectMeta'],
        [4, 'addressType', 'string', KEEP],
        [2, 'endpoints', 'Endpoint', REPEATED],
        [3, 'ports', 'SliceEndpointPort', REPEATED],
    ],
    Endpoint: [
        [1, 'addresses', 'string', REPEATED],
        [2, 'conditions', 'EndpointConditions'],
        [3, 'hostname', 'string', KEEP],
        [4, 'targetRef', 'ObjectReference'],
        [5, 'deprecatedTopology', 'string', MAP],
        [6, 'nodeName', 'string', KEEP],
        [7, 'zone', 'string', KEEP],
        [8, 'hints', 'EndpointHints'],
    ],
    EndpointConditions: [
        [1, 'ready', 'bool', KEEP],
        [2, 'serving', 'bool', KEEP],
        [3, 'terminating', 'bool', KEEP],
    ],
    EndpointHints: [
        [1, 'forZones', 'ForZone', REPEATED],
        [2, 'forNodes', 'ForZone', REPEATED],
    ],
    // ForZone and ForNode share one layout: {name}.
    ForZone: [[1, 'name', 'string', KEEP]],
    // discovery/v1 EndpointPort; named apart from core/v1 EndpointPort, whose fields differ.
    SliceEndpointPort: [
        [1, 'name', 'string', KEEP],
        [2, 'protocol', 'string', KEEP],
        [3, 'port', 'int32', KEEP],
        [4, 'appProtocol', 'string', KEEP],
    ],
};
//# sourceMappingURL=discovery-v1.js.map