// Shapes of the Kubernetes objects netledger stores. They mirror k8s.io/api/core/v1 and
// discovery/v1 field names exactly; every field is optional because clients send partial
// objects and validation (domain/validation) is what decides what is required.
/** The label tying an EndpointSlice to its Service (discovery.k8s.io/v1). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** The Node label naming its zone (v1.LabelTopologyZone). */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
/** The label naming the controller that manages an EndpointSlice. */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
//# sourceMappingURL=objects.js.map