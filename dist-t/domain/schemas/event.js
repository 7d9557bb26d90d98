// core/v1 Event: what controllers and clients report about an object (kubectl describe's
// "Events:", `kubectl events`). Descriptions are upstream's.
import { CORE } from './container.js';
import { MicroTime, standardObjectMeta, standardListMeta, Time, typeMeta } from './meta.js';
import { ObjectReference } from './service.js';
import { gvk, int32, list, ref, str, struct } from './build.js';
export const EventSource = struct(`${CORE}.EventSource`, 'EventSource contains information for an event.', {
    component: str('Component from which the event is generated.'),
    host: str('Node name on which the event is generated.'),
});
export const EventSeries = struct(`${CORE}.EventSeries`, 'EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time.', {
    count: int32('Number of occurrences in this series up to the last heartbeat time'),
    lastObservedTime: ref(MicroTime, 'Time of the last occurrence observed'),
});
export const Event = struct(`${CORE}.Event`, 'Event is a report of an event somewhere in the cluster.  Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.', {
    action: str('What action was taken/failed regarding to the Regarding object.'),
    apiVersion: typeMeta.apiVersion,
    count: int32('The number of times this event has occurred.'),
    eventTime: ref(MicroTime, 'Time when this Event was first observed.'),
    firstTimestamp: ref(Time, 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
    involvedObject: ref(ObjectReference, 'The object that this event is about.'),
    kind: typeMeta.kind,
    lastTimestamp: ref(Time, 'The time at which the most recent occurrence of this event was recorded.'),
    message: str('A human-readable description of the status of this operation.'),
    metadata: standardObjectMeta(),
    reason: str("This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
    related: ref(ObjectReference, 'Optional secondary object for more complex actions.'),
    reportingComponent: str('Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.'),
    reportingInstance: str('ID of the controller instance, e.g. `kubelet-xyzf`.'),
    series: ref(EventSeries, "Data about the Event series this event represents or nil if it's a singleton Event."),
    source: ref(EventSource, 'The component reporting this event. Should be a short machine understandable string.'),
    type: str('Type of this event (Normal, Warning), new types could be added in the future'),
}, { required: ['metadata', 'involvedObject'], gvk: gvk('', 'v1', 'Event') });
export const EventList = struct(`${CORE}.EventList`, 'EventList is a list of events.', { ...typeMeta, items: list(ref(Event), 'List of events'), metadata: standardListMeta() }, { required: ['items'], gvk: gvk('', 'v1', 'EventList') });
export const EVENT_SCHEMAS = [EventSource, EventSeries, Event, EventList];
//# sourceMappingURL=event.js.map