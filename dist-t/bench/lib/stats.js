// Order statistics for latency samples, and the PASS/MISS verdict next to a target. Targets are
// reported, never asserted: a bench run always completes and prints what it measured.
/** Nearest-rank percentile (the value at rank ceil(p·n)), as latency tools report it. */
export function percentile(sorted, p) {
    if (!sorted.length)
        return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[Math.min(rank, sorted.length) - 1];
}
export function summarize(samples) {
    const sorted = [...samples].sort((a, b) => a - b);
    const sum = sorted.reduce((s, x) => s + x, 0);
    return {
        count: sorted.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.length ? sorted[sorted.length - 1] : NaN,
        mean: sorted.length ? sum / sorted.length : NaN,
    };
}
/** `at most` targets (latency, memory, time) and `at least` targets (throughput). */
export function atMost(value, limit) {
    return Number.isFinite(value) ? (value <= limit ? 'PASS' : 'MISS') : 'MISS';
}
export function atLeast(value, limit) {
    return Number.isFinite(value) ? (value >= limit ? 'PASS' : 'MISS') : 'MISS';
}
/** Milliseconds since `start` (a process.hrtime.bigint() reading). */
export function msSince(start) {
    return Number(process.hrtime.bigint() - start) / 1e6;
}
export function round(x, digits = 2) {
    if (!Number.isFinite(x))
        return x;
    const f = 10 ** digits;
    return Math.round(x * f) / f;
}
//# sourceMappingURL=stats.js.map