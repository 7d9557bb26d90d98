// `netledger agent` and `netledger dns` flags (docs/API.md "Agent", "Other commands").
import { parseArgs } from 'node:util';
import { TABLE_NAMES } from '../projections/model.js';
import { FlagError, goDuration } from '../server/flags.js';
export function parseListen(flag, text) {
    const colon = text.lastIndexOf(':');
    if (colon < 0)
        throw new FlagError(`${flag} ${text}: expected HOST:PORT`);
    const host = text.slice(0, colon).replace(/^\[|\]$/g, '');
    const port = Number(text.slice(colon + 1));
    if (!host || !Number.isInteger(port) || port < 0 || port > 65535)
        throw new FlagError(`${flag} ${text}: expected HOST:PORT`);
    return { host, port };
}
function serverUrl(text) {
    if (!text)
        throw new FlagError('--server URL is required');
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new FlagError(`--server ${text}: not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new FlagError(`--server ${text}: expected http(s)://HOST:PORT`);
    return url.toString().replace(/\/$/, '');
}
function parse(argv, options) {
    try {
        return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
    }
    catch (e) {
        throw new FlagError(e.message);
    }
}
export function parseTablesFlag(text) {
    if (text === undefined)
        return [...TABLE_NAMES];
    const names = text.split(',').map((t) => t.trim()).filter(Boolean);
    if (names.length === 0)
        throw new FlagError('--tables: name at least one table');
    for (const n of names) {
        if (!TABLE_NAMES.includes(n))
            throw new FlagError(`--tables: unknown table "${n}" (expected ${TABLE_NAMES.join(', ')})`);
    }
    return [...new Set(names)].sort();
}
const MAX_TIMER_MS = 2 ** 31 - 1;
export function parseAgentFlags(argv) {
    const v = parse(argv, {
        server: { type: 'string' },
        node: { type: 'string' },
        netns: { type: 'string' },
        tables: { type: 'string' },
        'dns-listen': { type: 'string' },
        'dns-upstream': { type: 'string' },
        'metrics-listen': { type: 'string' },
        'state-dir': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        iface: { type: 'string' },
        'sync-period': { type: 'string', default: '30s' },
        'full-sync-period': { type: 'string', default: '1h' },
    });
    const node = v.node;
    const period = (flag) => {
        const ms = goDuration(`--${flag}`, v[flag]);
        // setInterval takes at most 2^31-1 ms (~24.8 days): beyond, Node fires every millisecond.
        if (ms < 1000 || ms > MAX_TIMER_MS)
            throw new FlagError(`--${flag} ${String(v[flag])}: expected 1s to 596h`);
        return ms;
    };
    if (!node)
        throw new FlagError('--node NAME is required');
    return {
        server: serverUrl(v.server),
        node,
        netns: v.netns || undefined,
        tables: parseTablesFlag(v.tables),
        dnsListen: v['dns-listen'] ? parseListen('--dns-listen', v['dns-listen']) : undefined,
        dnsUpstream: v['dns-upstream'] ? parseListen('--dns-upstream', v['dns-upstream']) : undefined,
        metricsListen: v['metrics-listen'] ? parseListen('--metrics-listen', v['metrics-listen']) : undefined,
        stateDir: v['state-dir'] || undefined,
        dryRun: v['dry-run'] === true,
        iface: v.iface || undefined,
        syncPeriodMs: period('sync-period'),
        fullSyncPeriodMs: period('full-sync-period'),
    };
}
export function parseDnsFlags(argv) {
    const v = parse(argv, {
        server: { type: 'string' },
        listen: { type: 'string', default: '127.0.0.1:53' },
        node: { type: 'string' },
        upstream: { type: 'string' },
    });
    return {
        server: serverUrl(v.server),
        listen: parseListen('--listen', v.listen),
        node: v.node || undefined,
        upstream: v.upstream ? parseListen('--upstream', v.upstream) : undefined,
    };
}
//# sourceMappingURL=flags.js.map