// iptables-restore text from one node's effective entries of one family's table: the full
// sync input kube-proxy would write, and the --noflush input of a partial sync after a delta.
import { IF_LOCAL, IF_NOT_LOCAL } from './base.js';
import { cidrContains, LOOPBACK, parseCidr } from './ip.js';
import { isMetaKey, NODE_META_KEY, parseKey } from './keys.js';
import { isServiceChainName } from './names.js';
import { hasZoneMarker, resolveZoneMarker } from './topology.js';
const TABLES = ['filter', 'nat'];
/** Chains kube-proxy writes in full on every sync (its "top-level" chains). */
export const TOP_LEVEL_CHAINS = {
    filter: ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL', 'KUBE-FIREWALL'],
    nat: ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ'],
};
/** iptablesJumpChains + iptablesKubeletJumpChains (reference §2.2), in kube-proxy's order. */
export function topLevelJumps(family) {
    const NEW = '-m conntrack --ctstate NEW ';
    const j = (table, chain, extra, comment, to) => ({
        table,
        chain,
        args: `${extra}${comment ? `-m comment --comment "${comment}" ` : ''}-j ${to}`,
        target: to,
    });
    const jumps = [
        j('filter', 'INPUT', NEW, 'kubernetes externally-visible service portals', 'KUBE-EXTERNAL-SERVICES'),
        j('filter', 'FORWARD', NEW, 'kubernetes externally-visible service portals', 'KUBE-EXTERNAL-SERVICES'),
        j('filter', 'INPUT', '', 'kubernetes health check service ports', 'KUBE-NODEPORTS'),
        j('filter', 'FORWARD', NEW, 'kubernetes service portals', 'KUBE-SERVICES'),
        j('filter', 'OUTPUT', NEW, 'kubernetes service portals', 'KUBE-SERVICES'),
        j('filter', 'FORWARD', '', 'kubernetes forwarding rules', 'KUBE-FORWARD'),
        j('filter', 'INPUT', NEW, 'kubernetes load balancer firewall', 'KUBE-PROXY-FIREWALL'),
        j('filter', 'OUTPUT', NEW, 'kubernetes load balancer firewall', 'KUBE-PROXY-FIREWALL'),
        j('filter', 'FORWARD', NEW, 'kubernetes load balancer firewall', 'KUBE-PROXY-FIREWALL'),
        j('nat', 'OUTPUT', '', 'kubernetes service portals', 'KUBE-SERVICES'),
        j('nat', 'PREROUTING', '', 'kubernetes service portals', 'KUBE-SERVICES'),
        j('nat', 'POSTROUTING', '', 'kubernetes postrouting rules', 'KUBE-POSTROUTING'),
    ];
    // kubelet's KUBE-FIREWALL exists only for IPv4 (it carries the 127.0.0.0/8 rule).
    if (family === 'ipv4')
        jumps.push(j('filter', 'INPUT', '', '', 'KUBE-FIREWALL'), j('filter', 'OUTPUT', '', '', 'KUBE-FIREWALL'));
    return jumps;
}
function group(entries) {
    const out = { filter: new Map(), nat: new Map() };
    for (const [key, value] of entries) {
        if (isMetaKey(key) || !Array.isArray(value))
            continue;
        const { table, chain, fragment } = parseKey(key);
        let c = out[table].get(chain);
        if (!c)
            out[table].set(chain, (c = { whole: null, fragments: [] }));
        if (fragment === '')
            c.whole = value;
        else
            c.fragments.push([fragment, value]);
    }
    return out;
}
/** Service fragments in `ns/name` order (= upstream's comment sort); `~tag` fragments last. */
function fragmentOrder(a, b) {
    const ta = a.startsWith('~');
    const tb = b.startsWith('~');
    if (ta !== tb)
        return ta ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Upstream's canonical chain order: KUBE-NODEPORTS, KUBE-SERVICES, other KUBE-*, the rest. */
export function chainOrder(a, b) {
    const rank = (c) => (c === 'KUBE-NODEPORTS' ? 0 : c === 'KUBE-SERVICES' ? 1 : c.startsWith('KUBE-') ? 2 : 3);
    const d = rank(a) - rank(b);
    if (d !== 0)
        return d;
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The node's meta entry, or what a node without one is taken to have. */
export function metaOf(entries, family) {
    const m = entries.get(NODE_META_KEY);
    return m ?? { nodeIP: LOOPBACK[family], ifLocal: null, ifNotLocal: null };
}
const MARKER = /^\{nodeIPIn:([^}]*)\} /;
/** True when a rule's final text depends on the node meta entry. */
export function dependsOnNodeMeta(line) {
    return line.includes(IF_LOCAL) || line.includes(IF_NOT_LOCAL) || MARKER.test(line) || hasZoneMarker(line);
}
/** Substitute placeholders; null when the rule does not exist on this node. */
export function resolveRule(line, meta) {
    const unzoned = resolveZoneMarker(line, meta.zone ?? null);
    if (unzoned === null)
        return null;
    let out = unzoned;
    const m = MARKER.exec(out);
    if (m) {
        const inRange = m[1].split(',').some((c) => {
            const cidr = parseCidr(c);
            return cidr !== null && cidrContains(cidr, meta.nodeIP);
        });
        if (!inRange)
            return null;
        out = out.slice(m[0].length);
    }
    if (out.includes(IF_LOCAL)) {
        if (meta.ifLocal === null)
            return null;
        out = out.replace(IF_LOCAL, meta.ifLocal);
    }
    if (out.includes(IF_NOT_LOCAL)) {
        if (meta.ifNotLocal === null)
            return null;
        out = out.replace(IF_NOT_LOCAL, meta.ifNotLocal);
    }
    return out;
}
function chainLines(c, meta) {
    const lines = [];
    const push = (rules) => {
        for (const r of rules) {
            const resolved = resolveRule(r, meta);
            if (resolved !== null)
                lines.push(resolved);
        }
    };
    if (c.whole)
        push(c.whole);
    for (const [, rules] of [...c.fragments].sort((a, b) => fragmentOrder(a[0], b[0])))
        push(rules);
    return lines;
}
/**
 * Whether a chain exists on the node: a service chain whose every rule is for other zones
 * (topology.ts) does not; every other chain with a key does.
 */
function existsOnNode(chain, c, meta) {
    if (!isServiceChainName(chain))
        return true;
    let rules = 0;
    for (const list of [c.whole ?? [], ...c.fragments.map(([, r]) => r)]) {
        for (const r of list) {
            rules++;
            // An unmarked rule resolves to itself: the chain exists.
            if (resolveZoneMarker(r, meta.zone ?? null) !== null)
                return true;
        }
    }
    return rules === 0;
}
function renderTables(grouped, meta, pick, extra) {
    let text = '';
    for (const table of TABLES) {
        const picked = pick(table);
        // Chains the node's zone does not use are not written, and a partial sync deletes them.
        const write = [];
        const remove = [...picked.remove];
        for (const c of picked.write) {
            if (existsOnNode(c, grouped[table].get(c), meta))
                write.push(c);
            else if (picked.removable?.(c))
                remove.push(c);
        }
        const extraLines = extra(table);
        if (write.length === 0 && remove.length === 0 && extraLines.length === 0)
            continue;
        const declared = [...write, ...remove].sort(chainOrder);
        text += `*${table}\n`;
        for (const c of declared)
            text += `:${c} - [0:0]\n`;
        for (const c of [...write].sort(chainOrder)) {
            for (const line of chainLines(grouped[table].get(c), meta))
                text += `${line}\n`;
        }
        for (const c of [...remove].sort(chainOrder))
            text += `-X ${c}\n`;
        for (const line of extraLines)
            text += `${line}\n`;
        text += 'COMMIT\n';
    }
    return text;
}
export function renderIptablesRestore(entries, family, options = {}) {
    const grouped = group(entries);
    const jumps = options.jumps ? topLevelJumps(family) : [];
    // EnsureChain before EnsureRule: a jump target the table does not write (kubelet's
    // KUBE-FIREWALL without localhost NodePorts) exists, empty, on a fresh table.
    for (const j of jumps)
        if (!grouped[j.table].has(j.target))
            grouped[j.table].set(j.target, { whole: [], fragments: [] });
    return renderTables(grouped, metaOf(entries, family), (table) => ({ write: [...grouped[table].keys()], remove: [] }), (table) => jumps.filter((j) => j.table === table).map((j) => `-I ${j.chain} ${j.args}`));
}
/**
 * `iptables-restore --noflush` input after a delta: every chain with a changed or removed key
 * is declared (flushed) and rewritten whole from its current fragments; a service chain left
 * with no key is flushed and deleted (-X). A change of the node meta entry rewrites the chains
 * holding rules that depend on it. Top-level jumps are never included (see topLevelJumps).
 */
export function partialRestoreInput(entries, changedKeys, removedKeys, family, options = {}) {
    const grouped = group(entries);
    const affected = { filter: new Set(), nat: new Set() };
    let metaChanged = false;
    for (const key of [...changedKeys, ...removedKeys]) {
        if (isMetaKey(key)) {
            metaChanged = key === NODE_META_KEY || metaChanged;
            continue;
        }
        const { table, chain } = parseKey(key);
        affected[table].add(chain);
    }
    if (metaChanged) {
        for (const table of TABLES) {
            for (const [chain, c] of grouped[table]) {
                const all = [...(c.whole ?? []), ...c.fragments.flatMap(([, r]) => r)];
                if (all.some(dependsOnNodeMeta))
                    affected[table].add(chain);
            }
        }
    }
    if (options.topLevel) {
        for (const table of TABLES)
            for (const c of TOP_LEVEL_CHAINS[table])
                if (grouped[table].has(c))
                    affected[table].add(c);
    }
    return renderTables(grouped, metaOf(entries, family), (table) => {
        const write = [];
        const remove = [];
        for (const c of affected[table]) {
            if (grouped[table].has(c))
                write.push(c);
            else if (isServiceChainName(c))
                remove.push(c);
            // A vanished fixed chain (never expected) is left alone: built-in chains may jump to it.
        }
        return { write, remove, removable: (c) => !options.existing || options.existing.has(`${table}/${c}`) };
    }, () => []);
}
//# sourceMappingURL=render.js.map