// iptables / ip6tables, as kube-proxy's iptables proxier writes them: always
// `iptables-restore --noflush --counters` with every chain it (re)writes declared. A full sync
// (SNAPSHOT, start-up, after a failure) declares every chain of the table and deletes stale
// service chains found by iptables-save (kube-proxy's stale-chain cleanup); a partial sync
// (DELTA) rewrites only the chains whose keys changed. Top-level jumps from the built-in chains
// are ensured with `iptables -C … || iptables -I …` after each full sync, as EnsureRule does.
import { partialRestoreInput, topLevelJumps } from '../../projections/iptables/index.js';
import { isServiceChainName } from '../../projections/iptables/names.js';
const TOOLS = {
    ipv4: { main: 'iptables', restore: 'iptables-restore', save: 'iptables-save' },
    ipv6: { main: 'ip6tables', restore: 'ip6tables-restore', save: 'ip6tables-save' },
};
/** `-w 5`: other iptables users (kubelet, a second agent on legacy iptables) hold the xtables lock briefly. */
const WAIT = ['-w', '5'];
/** Service chains (KUBE-SVC-/SVL-/EXT-/FW-/SEP-) an iptables-save dump declares, as `table/chain` keys. */
export function savedServiceChains(save) {
    const out = [];
    let table = '';
    for (const line of save.split('\n')) {
        if (line.startsWith('*'))
            table = line.slice(1).trim();
        const m = /^:(\S+) /.exec(line);
        if (m && (table === 'nat' || table === 'filter') && isServiceChainName(m[1]))
            out.push(`${table}/${m[1]}`);
    }
    return out;
}
/** Chains the entries define (`table/chain`), whatever their fragments. */
function chainsOf(entries) {
    const out = new Set();
    for (const key of entries.keys()) {
        const parts = key.split('/');
        if (parts[0] === 'filter' || parts[0] === 'nat')
            out.add(`${parts[0]}/${parts[1]}`);
    }
    return out;
}
/** The full-sync input: every chain written, every stale service chain flushed and deleted. */
export function fullRestoreInput(entries, family, existing) {
    const wanted = chainsOf(entries);
    const stale = existing.filter((c) => !wanted.has(c));
    return partialRestoreInput(entries, entries.keys(), stale, family, { existing: new Set(existing) });
}
/**
 * One shell script that ensures the top-level jumps, so it costs one process, not twenty-eight:
 * each target chain first (`-N`, which fails harmlessly when it exists: kube-proxy's EnsureChain;
 * KUBE-FIREWALL is kubelet's and the table writes it only with localhost NodePorts), then each
 * jump with `-C || -I` (EnsureRule).
 */
export function ensureJumpsScript(family) {
    const bin = `${TOOLS[family].main} ${WAIT.join(' ')}`;
    const jumps = topLevelJumps(family);
    const chains = [...new Set(jumps.map((j) => `${j.table} ${j.target}`))].map((tc) => {
        const [table, chain] = tc.split(' ');
        return `${bin} -t ${table} -N ${chain} 2>/dev/null`;
    });
    const rules = jumps.map((j) => `${bin} -t ${j.table} -C ${j.chain} ${j.args} 2>/dev/null || ${bin} -t ${j.table} -I ${j.chain} ${j.args} || exit 1`);
    return [...chains, ...rules].join('\n') + '\n';
}
export class IptablesApplier {
    family;
    exec;
    metrics;
    log;
    constructor(family, exec, metrics, log) {
        this.family = family;
        this.exec = exec;
        this.metrics = metrics;
        this.log = log;
    }
    get tools() {
        return TOOLS[this.family];
    }
    async restore(input) {
        if (!input)
            return;
        await this.exec.check([this.tools.restore, ...WAIT, '--noflush', '--counters'], input);
    }
    async fullSync(entries) {
        const end = this.metrics.fullSyncDuration.startTimer();
        const endAll = this.metrics.syncDuration.startTimer();
        try {
            const saved = await this.exec.read([this.tools.save]);
            if (saved.code !== 0)
                throw new Error(`${this.tools.save} failed: ${saved.stderr.trim()}`);
            const input = fullRestoreInput(entries, this.family, savedServiceChains(saved.stdout));
            await this.restore(input);
            await this.exec.check(['sh', '-c', ensureJumpsScript(this.family)]);
            this.log.debug({ family: this.family, bytes: input.length }, 'iptables full sync');
        }
        catch (err) {
            this.metrics.restoreFailures.inc();
            throw err;
        }
        finally {
            end();
            endAll();
        }
    }
    /** The top-level jumps (EnsureRule; kube-proxy ensures them at its full syncs): a jump someone
     * deleted comes back without a full restore. */
    async ensureJumps() {
        await this.exec.check(['sh', '-c', ensureJumpsScript(this.family)]);
    }
    /** A DELTA's chains; a failed partial restore falls back to a full sync, as kube-proxy does. */
    async partialSync(entries, changes) {
        const changed = changes.filter((c) => c.op === 'upsert').map((c) => c.key);
        const removed = changes.filter((c) => c.op === 'delete').map((c) => c.key);
        const input = partialRestoreInput(entries, changed, removed, this.family);
        const end = this.metrics.partialSyncDuration.startTimer();
        const endAll = this.metrics.syncDuration.startTimer();
        try {
            await this.restore(input);
            end();
            endAll();
        }
        catch (err) {
            end();
            endAll();
            this.metrics.partialRestoreFailures.inc();
            this.log.warn({ family: this.family, err: String(err) }, 'partial iptables-restore failed; doing a full sync');
            await this.fullSync(entries);
        }
    }
}
//# sourceMappingURL=iptables.js.map