// netledger tables NODE TABLE [--at R|DURATION|TIME]: a node's table now or as it was at a past rv
// or time ("before yesterday's change": --at 1d) — for people its text form (iptables-restore
// input, ip/bridge batches, a zone file), for programs the NodeTable.
import { parse, usageError } from '../args.js';
import { CliError } from '../client.js';
import { outputFormat, serialize } from '../output.js';
import { atRv } from '../since.js';
export const TABLES_USAGE = `usage: netledger tables NODE iptables|ip6tables|routes|dns [--at RV|DURATION|TIME] [-o json|yaml]
                       [--server URL] [--token TOKEN]`;
export const TABLES = ['iptables', 'ip6tables', 'routes', 'dns'];
/** The tables of iptables itself: people reach for `nat` when they mean the nat chains. */
const IPTABLES_TABLES = ['filter', 'nat', 'mangle', 'raw', 'security'];
/** Checked by each command before any request, rather than left to the server's NotFound, which
 * cannot say what was meant. */
export function checkTable(table) {
    if (TABLES.includes(table))
        return;
    const hint = IPTABLES_TABLES.includes(table)
        ? `; "${table}" is an iptables table, part of the iptables (IPv4) and ip6tables (IPv6) tables, whose keys are ${table}/CHAIN`
        : '';
    throw new CliError(`unknown table "${table}": the tables are ${TABLES.join(', ')}${hint}`, 2);
}
export function tablePath(node, table, suffix = '') {
    return `/apis/netledger.io/v1/nodes/${encodeURIComponent(node)}/tables/${encodeURIComponent(table)}${suffix}`;
}
export async function runTables(ctx, argv) {
    const { values, positionals } = parse(argv, { at: { type: 'string' } }, TABLES_USAGE);
    if (positionals.length !== 2)
        throw usageError('expected NODE and TABLE', TABLES_USAGE);
    const [node, table] = positionals;
    const format = outputFormat(values.output);
    checkTable(table);
    const q = new URLSearchParams();
    const client = ctx.connect(values);
    if (typeof values.at === 'string')
        q.set('resourceVersion', String(await atRv(client, values.at)));
    if (format === 'human') {
        q.set('format', 'text');
        ctx.out(await client.text(tablePath(node, table, `?${q}`)));
        // The text goes to stdout untouched (it is iptables-restore input, a zone file…); whether the
        // node's agent holds the same table goes to stderr, for the table now only.
        if (typeof values.at !== 'string') {
            const drift = await driftLine(client, node, table);
            if (drift)
                ctx.note(drift);
        }
    }
    else {
        ctx.out(serialize(await client.json(tablePath(node, table, q.size ? `?${q}` : '')), format));
    }
    return 0;
}
/** `node-1 iptables: agent applied rv 41 (4 behind the server's 45); at rv 41 its table matches the server's`,
 * or `… DRIFTS: agent sha256:… != server sha256:…`. */
async function driftLine(client, node, table) {
    let view;
    try {
        view = await client.json(`/apis/netledger.io/v1/nodes/${encodeURIComponent(node)}/status`);
    }
    catch {
        return `# ${node} ${table}: no agent has reported status\n`;
    }
    const t = view.status?.tables[table];
    if (!view.status || !t)
        return `# ${node} ${table}: the agent does not report this table\n`;
    const applied = Number(view.status.appliedResourceVersion);
    const behind = Number(view.status.serverResourceVersion) - applied;
    const where = `agent applied rv ${applied}${behind > 0 ? ` (${behind} behind the server's ${view.status.serverResourceVersion})` : ''}; at rv ${applied} its table`;
    const error = view.report?.error ? `; agent error: ${view.report.error}` : '';
    return t.inSync
        ? `# ${node} ${table}: ${where} matches the server's${error}\n`
        : `# ${node} ${table}: ${where} DRIFTS: agent ${t.agentDigest} != server ${t.serverDigest ?? '(below the retention floor)'}${error}\n`;
}
//# sourceMappingURL=tables.js.map