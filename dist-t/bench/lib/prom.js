// Reading Prometheus histograms from a /metrics page: before/after a run, subtracted, so the
// figures cover exactly the measured window.
/** The unlabelled histogram `name` from Prometheus text exposition, or undefined. */
export function histogram(text, name) {
    const buckets = [];
    let sum;
    let count;
    for (const line of text.split('\n')) {
        if (line.startsWith(`${name}_bucket{`)) {
            const m = /le="([^"]+)"\}\s+(\S+)/.exec(line);
            if (m)
                buckets.push({ le: m[1] === '+Inf' ? Infinity : Number(m[1]), count: Number(m[2]) });
        }
        else if (line.startsWith(`${name}_sum `))
            sum = Number(line.slice(name.length + 5));
        else if (line.startsWith(`${name}_count `))
            count = Number(line.slice(name.length + 7));
    }
    if (sum === undefined || count === undefined)
        return undefined;
    return { buckets: buckets.sort((a, b) => a.le - b.le), sum, count };
}
export function minus(after, before) {
    if (!before)
        return after;
    return {
        buckets: after.buckets.map((b, i) => ({ le: b.le, count: b.count - (before.buckets[i]?.count ?? 0) })),
        sum: after.sum - before.sum,
        count: after.count - before.count,
    };
}
/** Quantile estimated as Prometheus' histogram_quantile does (linear within the bucket). */
export function quantile(h, q) {
    if (!h.count)
        return NaN;
    const rank = q * h.count;
    let prevLe = 0;
    let prevCount = 0;
    for (const b of h.buckets) {
        if (b.count >= rank) {
            if (b.le === Infinity)
                return prevLe;
            const inBucket = b.count - prevCount;
            return inBucket ? prevLe + ((b.le - prevLe) * (rank - prevCount)) / inBucket : b.le;
        }
        prevLe = b.le;
        prevCount = b.count;
    }
    return prevLe;
}
export function gauge(text, name) {
    for (const line of text.split('\n'))
        if (line.startsWith(`${name} `))
            return Number(line.slice(name.length + 1));
    return undefined;
}
//# sourceMappingURL=prom.js.map