// The endpoints controllers as pure functions: Service + Pods -> Endpoints / EndpointSlices, and
// user Endpoints -> mirrored EndpointSlices. The domain's reactor calls these and emits the
// differences as events (actor system:endpoints-controller).
export { desiredEndpoints, ENDPOINTS_MAX_CAPACITY, OVER_CAPACITY_ANNOTATION, LAST_CHANGE_TRIGGER_TIME_ANNOTATION } from './endpointsController.js';
export { desiredEndpointSlices, ENDPOINTSLICE_CONTROLLER_NAME, DEFAULT_MAX_ENDPOINTS_PER_SLICE, ZONE_LABEL, } from './endpointSliceController.js';
export { mirroredEndpointSlices, shouldMirror, MIRRORING_CONTROLLER_NAME, SKIP_MIRROR_LABEL } from './mirroring.js';
export { sameEndpoints, sameSlice, sameSlices } from './equality.js';
export { isPodReady, isPodTerminating, isPodTerminal, podIPs, podEndpointAddresses, shouldPodBeInEndpoints, shouldSetHostname, } from './pods.js';
export { servicesSelectingPod, serviceSelectsPod, selectorMatches, managedSelector, isServiceIPSet, addressTypesForService, findPort, HEADLESS_LABEL, } from './services.js';
export { repackSubsets, sortSubsets } from './repackSubsets.js';
//# sourceMappingURL=index.js.map