// k8s.io/apimachinery/pkg/util/duration.HumanDuration, and printers.go's translateTimestampSince:
// the AGE column. Go truncates toward zero at every step; so does this.
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** HumanDuration of `ms` milliseconds: `5s`, `3m20s`, `15m`, `5h3m`, `2d3h`, `400d`, `3y100d`. */
export function humanDuration(ms) {
    const seconds = Math.trunc(ms / SECOND);
    // A deviation under 2s is tolerated as clock skew between machines.
    if (seconds < -1)
        return '<invalid>';
    if (seconds < 0)
        return '0s';
    if (seconds < 60 * 2)
        return `${seconds}s`;
    const minutes = Math.trunc(ms / MINUTE);
    if (minutes < 10) {
        const s = seconds % 60;
        return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
    }
    if (minutes < 60 * 3)
        return `${minutes}m`;
    const hours = Math.trunc(ms / HOUR);
    if (hours < 8) {
        const m = minutes % 60;
        return m === 0 ? `${hours}h` : `${hours}h${m}m`;
    }
    if (hours < 48)
        return `${hours}h`;
    if (hours < 24 * 8) {
        const h = hours % 24;
        return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
    }
    if (hours < 24 * 365 * 2)
        return `${Math.trunc(hours / 24)}d`;
    if (hours < 24 * 365 * 8) {
        const dy = Math.trunc(hours / 24) % 365;
        return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
    }
    return `${Math.trunc(hours / 24 / 365)}y`;
}
/** translateTimestampSince: `<unknown>` for a missing timestamp. */
export function translateTimestampSince(timestamp, now) {
    if (!timestamp)
        return '<unknown>';
    const t = Date.parse(timestamp);
    if (Number.isNaN(t))
        return '<unknown>';
    return humanDuration(now.getTime() - t);
}
//# sourceMappingURL=duration.js.map