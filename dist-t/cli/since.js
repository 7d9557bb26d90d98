// --since and --at: a resourceVersion (`120`), a duration back from now (`90s`, `15m`, `1h`, `2d`,
// `1h30m`), or a time (RFC 3339). Rvs are taken as given (the server answers 410 below the
// retention floor); times become rvs through the event log's timestamps. A time the log no longer
// covers (below the floor) is the user's clock, not a revision they named: --since starts at the
// floor and says so, --at refuses with the floor's rv and time.
import { CliError } from './client.js';
const UNITS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export function parseSince(text, now = Date.now(), flag = '--since') {
    if (/^\d+$/.test(text)) {
        if (!Number.isSafeInteger(Number(text)))
            throw new CliError(`${flag} ${text}: not a resourceVersion this log can reach`, 2);
        return { rv: Number(text) };
    }
    if (/^(\d+(s|m|h|d))+$/.test(text)) {
        let ms = 0;
        for (const [, n, unit] of text.matchAll(/(\d+)(s|m|h|d)/g))
            ms += Number(n) * UNITS[unit];
        return { time: new Date(now - ms).toISOString() };
    }
    // RFC 3339 only: Date.parse also reads "1.5" or "March 7" (as dates in 2001).
    const t = RFC3339.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(t))
        throw new CliError(`${flag} ${text}: expected a resourceVersion, a duration (90s, 15m, 1h, 2d) or an RFC 3339 time`, 2);
    return { time: new Date(t).toISOString() };
}
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
export function floorOf(headers) {
    return { rv: Number(headers?.get('x-netledger-retention-floor') ?? 0), time: headers?.get('x-netledger-retention-floor-time') ?? undefined };
}
export function describeFloor(f) {
    return `resourceVersion ${f.rv}${f.time ? ` (${f.time})` : ''}`;
}
/** The last rv before the first event at or after `time` (the head when none is), and the floor. */
async function rvBefore(client, time) {
    const { body, headers } = await client.jsonWithHeaders(`/apis/netledger.io/v1/events?sinceTime=${encodeURIComponent(time)}&limit=1`);
    const first = body.items[0];
    return { rv: first ? Number(first.resourceVersion) - 1 : Number(body.metadata.resourceVersion), floor: floorOf(headers) };
}
/**
 * The rv to read history after. For a time, the rv just before the first event at or after it;
 * when that lies below the floor (compacted), the floor, with `compacted` set for a remark.
 */
export async function sinceRv(client, since) {
    if ('rv' in since)
        return { rv: since.rv };
    const { rv, floor } = await rvBefore(client, since.time);
    return rv < floor.rv ? { rv: floor.rv, compacted: floor } : { rv };
}
/** --at: an rv as given, or the last rv at or before a duration ago / a time. Never 0: the API
 * reads resourceVersion=0 as "any", i.e. now, and there is no table before the first event. */
export async function atRv(client, text) {
    const rv = await revisionAt(client, text, '--at');
    if (rv < 1) {
        if (/^\d+$/.test(text))
            throw new CliError(`--at ${text}: the log starts at resourceVersion 1; there is no table before it`, 2);
        const first = await client.json('/apis/netledger.io/v1/events?limit=1');
        throw new CliError(`--at ${text} is before the first event (resourceVersion 1${first.items[0] ? ` at ${first.items[0].time}` : ''}); there is no table before it`);
    }
    return rv;
}
/**
 * The rv a revision argument names: an rv as given, or the last rv at or before a duration ago /
 * a time (0 when that is before the first event: the empty table a diff may start from). A time
 * the retention floor has compacted is refused with the floor's rv and time.
 */
export async function revisionAt(client, text, flag) {
    const at = parseSince(text, Date.now(), flag);
    if ('rv' in at)
        return at.rv;
    // "At or before T" is everything before the first event strictly after T (times are ms).
    const { rv, floor } = await rvBefore(client, new Date(Date.parse(at.time) + 1).toISOString());
    if (rv < floor.rv) {
        throw new CliError(`${flag} ${text} (${at.time}) is before the retention floor: history before ${describeFloor(floor)} was compacted, the oldest state kept is at ${floor.rv}`);
    }
    return rv;
}
//# sourceMappingURL=since.js.map