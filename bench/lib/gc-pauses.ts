// The GC pauses of this process over a stretch of work (PerformanceObserver 'gc' entries): how
// many scavenges and full collections ran, and how long they held the thread.

import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export interface GcPauses {
  scavenges: number;
  /** Mark-compact, incremental marking steps and weak-callback processing. */
  others: number;
  totalMs: number;
  maxMs: number;
  /** [start, end] of every pause, in performance.now() time. */
  spans: [number, number][];
  /** [start, end] of the pauses that were not scavenges (a full GC's last pause, its weak
   * callbacks). Its incremental marking steps before and its sweeping after are not reported. */
  fullSpans: [number, number][];
}

/** Starts recording; the returned function stops and reports, pauses not yet delivered included. */
export function recordGcPauses(): () => Promise<GcPauses> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return async () => {
    // Entries reach observers a turn or two of the event loop after their collection, and
    // disconnect() drops what is still buffered: take those first.
    entries.push(...observer.takeRecords());
    observer.disconnect();
    const kind = (e: PerformanceEntry) => (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    const scavenges = entries.filter((e) => kind(e) === constants.NODE_PERFORMANCE_GC_MINOR).length;
    return {
      scavenges,
      others: entries.length - scavenges,
      totalMs: entries.reduce((s, e) => s + e.duration, 0),
      maxMs: entries.reduce((m, e) => Math.max(m, e.duration), 0),
      spans: entries.map((e) => [e.startTime, e.startTime + e.duration]),
      fullSpans: entries.filter((e) => kind(e) !== constants.NODE_PERFORMANCE_GC_MINOR).map((e) => [e.startTime, e.startTime + e.duration]),
    };
  };
}

/** For each [start, end] sample, whether it overlaps a pause. */
export function samplesMeetingPauses(samples: readonly [number, number][], pauses: readonly [number, number][]): boolean[] {
  return samples.map(([a, b]) => pauses.some(([s, e]) => s < b && e > a));
}

/** For each [start, end] sample, whether it started within `ms` after a full GC ended (or during
 * one): the marking before a full GC's last pause and the sweeping after it run beside the
 * program and slow it without a pause of their own. */
export function samplesAfterFullGc(samples: readonly [number, number][], fullSpans: readonly [number, number][], ms: number): boolean[] {
  return samples.map(([a, b]) => fullSpans.some(([s, e]) => s < b && a < e + ms));
}
