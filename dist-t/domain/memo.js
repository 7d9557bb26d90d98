// A bounded memo for pure functions of one string: the same few thousand IP literals and CIDRs
// are parsed again on every service recompute. Pure, so a hit changes no output; cleared when
// full, so it cannot grow without bound. Callers must treat the results as read-only: they are
// shared by every caller that asks for the same text.
/** Room for every IP literal of a cluster at the Kubernetes scalability envelope (150,000 pods,
 * 10,000 services, 5,000 nodes). A smaller memo is cleared over and over there: with 50,000,
 * parsing IPs again was ~8% of what an endpoint change allocated on bench scale's envelope of
 * 100,000 pods (heap sampling). */
export const IP_MEMO_SIZE = 200_000;
export function memoize(fn, max) {
    const memo = new Map();
    return (text) => {
        const hit = memo.get(text);
        if (hit !== undefined || memo.has(text))
            return hit;
        const value = fn(text);
        if (memo.size >= max)
            memo.clear();
        memo.set(text, value);
        return value;
    };
}
//# sourceMappingURL=memo.js.map