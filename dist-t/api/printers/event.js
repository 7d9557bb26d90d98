// printEvent: LAST SEEN TYPE REASON OBJECT MESSAGE, and with -o wide SUBOBJECT SOURCE FIRST SEEN
// COUNT NAME (pkg/printers/internalversion/printers.go).
import { OBJECT_META_DOC, EVENT_DOC } from './descriptions.js';
import { translateTimestampSince } from './duration.js';
import { column } from './types.js';
import { OBJECT_REFERENCE_FIELD_PATH } from '../../domain/schemas/service.js';
/** formatEventSource: the component (or reporting controller), then `, host` (or instance). */
function formatEventSource(ev) {
    const component = ev.source?.component || ev.reportingComponent || '';
    const instance = ev.source?.host || ev.reportingInstance || '';
    return instance ? `${component}, ${instance}` : component;
}
export const eventPrinter = {
    columns: [
        column('Last Seen', EVENT_DOC.lastTimestamp),
        column('Type', EVENT_DOC.type),
        column('Reason', EVENT_DOC.reason),
        column('Object', EVENT_DOC.involvedObject),
        column('Subobject', OBJECT_REFERENCE_FIELD_PATH, { priority: 1 }),
        column('Source', EVENT_DOC.source, { priority: 1 }),
        column('Message', EVENT_DOC.message),
        column('First Seen', EVENT_DOC.firstTimestamp, { priority: 1 }),
        column('Count', EVENT_DOC.count, { priority: 1 }),
        column('Name', OBJECT_META_DOC.name, { priority: 1, format: 'name' }),
    ],
    print: (ev, now) => {
        // Old events have first/last timestamps and a count; new ones an eventTime and maybe a series.
        const first = translateTimestampSince(ev.firstTimestamp || ev.eventTime, now);
        let last = ev.lastTimestamp ? translateTimestampSince(ev.lastTimestamp, now) : first;
        let count = ev.count ?? 0;
        if (ev.series) {
            last = translateTimestampSince(ev.series.lastObservedTime, now);
            count = ev.series.count ?? 0;
        }
        else if (count === 0)
            count = 1;
        const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
        const name = ev.involvedObject?.name ?? '';
        const target = name ? `${kind}/${name}` : kind;
        return {
            cells: [last, ev.type ?? '', ev.reason ?? '', target, ev.involvedObject?.fieldPath ?? '', formatEventSource(ev), (ev.message ?? '').trim(), first, count, ev.metadata.name ?? ''],
        };
    },
};
//# sourceMappingURL=event.js.map