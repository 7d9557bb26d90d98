// A bounded memo for pure functions of one string: the same few thousand IP literals and CIDRs
// are parsed again on every service recompute. Pure, so a hit changes no output; cleared when
// full, so it cannot grow without bound. Callers must treat the results as read-only: they are
// shared by every caller that asks for the same text.

/** Room for every IP literal of a cluster at the Kubernetes scalability envelope (150,000 pods,
 * 10,000 services, 5,000 nodes). A smaller memo is cleared over and over there: with 50,000,
 * parsing IPs again was ~8% of what an endpoint change allocated on bench scale's envelope of
 * 100,000 pods (heap sampling). */
export const IP_MEMO_SIZE = 200_000;

export function memoize<T>(fn: (text: string) => T, max: number): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined || memo.has(text)) return hit as T;
    const value = fn(text);
    if (memo.size >= max) memo.clear();
    memo.set(text, value);
    return value;
  };
}

/**
 * A memo of what a controller derives from one pod for one Service, kept with the two objects
 * (WeakMaps: an entry goes when either object does). Stored objects are replaced, never changed
 * in place (decide clones before it changes one), so the same pod object and the same Service
 * object give the same result: a hit changes no output. An endpoint change replaces one pod of
 * a Service; the Service's other pods are hits. Callers must treat the results as read-only:
 * stored Endpoints and slices share them.
 */
export function podMemo<P extends object, S extends object, T>(compute: (service: S, pod: P) => T): (service: S, pod: P) => T {
  const byService = new WeakMap<S, WeakMap<P, { value: T }>>();
  return (service, pod) => {
    let memo = byService.get(service);
    if (!memo) byService.set(service, (memo = new WeakMap()));
    const hit = memo.get(pod);
    if (hit) return hit.value;
    const value = compute(service, pod);
    memo.set(pod, { value });
    return value;
  };
}
