// The GC pauses of this process over a stretch of work (PerformanceObserver 'gc' entries): how
// many scavenges and full collections ran, and how long they held the thread.
import { constants, PerformanceObserver } from 'node:perf_hooks';
/** Starts recording; the returned function stops and reports, pauses not yet delivered included. */
export function recordGcPauses() {
    const entries = [];
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    return async () => {
        // Entries reach observers a turn or two of the event loop after their collection, and
        // disconnect() drops what is still buffered: take those first.
        entries.push(...observer.takeRecords());
        observer.disconnect();
        const kind = (e) => e.detail?.kind;
        const scavenges = entries.filter((e) => kind(e) === constants.NODE_PERFORMANCE_GC_MINOR).length;
        return {
            scavenges,
            others: entries.length - scavenges,
            totalMs: entries.reduce((s, e) => s + e.duration, 0),
            maxMs: entries.reduce((m, e) => Math.max(m, e.duration), 0),
            spans: entries.map((e) => [e.startTime, e.startTime + e.duration]),
        };
    };
}
/** For each [start, end] sample, whether it overlaps a pause. */
export function samplesMeetingPauses(samples, pauses) {
    return samples.map(([a, b]) => pauses.some(([s, e]) => s < b && e > a));
}
//# sourceMappingURL=gc-pauses.js.map