// The agent's copy of its node's tables: a Map per table, fed by SNAPSHOT and DELTA lines, with
// the same additive digest the server keeps (projections/tables.ts entryHash: sha256 of (table,
// key, value JSON), summed mod 2^256), updated per change so a status report costs O(1).
// Values keep the JSON text the server sent (JSON.parse preserves key order), so the digest
// agrees byte for byte.
import { entryHash, formatDigest } from '../../projections/tables.js';
export class LocalTable {
    name;
    entries = new Map();
    hashes = new Map();
    sum = 0n;
    constructor(name) {
        this.name = name;
    }
    /** Sets or removes one key; returns the change, or undefined when nothing changed. */
    set(key, value) {
        const had = this.entries.has(key);
        const previous = this.entries.get(key);
        if (value === undefined) {
            if (!had)
                return undefined;
            this.entries.delete(key);
            this.sum -= this.hashes.get(key);
            this.hashes.delete(key);
            return { key, op: 'delete', value: undefined, previous };
        }
        const hash = entryHash(this.name, key, JSON.stringify(value));
        const old = this.hashes.get(key);
        if (old === hash)
            return undefined;
        this.entries.set(key, value);
        this.hashes.set(key, hash);
        this.sum += hash - (old ?? 0n);
        return { key, op: 'upsert', value, previous: had ? previous : undefined };
    }
    digest() {
        return formatDigest(this.sum);
    }
}
export class LocalTables {
    names;
    tables = new Map();
    /** rv of the last SNAPSHOT / DELTA / BOOKMARK taken in. */
    rv = 0;
    /** rv of the last line that changed the dns table (the responder's SOA serial). */
    dnsSerial = 0;
    constructor(names) {
        this.names = names;
        for (const n of names)
            this.tables.set(n, new LocalTable(n));
    }
    table(name) {
        const t = this.tables.get(name);
        if (!t)
            throw new Error(`table ${name} is not managed by this agent`);
        return t;
    }
    /** Replaces every managed table; the result lists what differs from before (removals too). */
    applySnapshot(msg) {
        const changes = new Map();
        for (const [name, table] of this.tables) {
            const incoming = new Map((msg.tables[name]?.entries ?? []).map((e) => [e.key, e.value]));
            const out = [];
            for (const key of [...table.entries.keys()])
                if (!incoming.has(key))
                    out.push(table.set(key, undefined));
            for (const [key, value] of incoming) {
                const c = table.set(key, value);
                if (c)
                    out.push(c);
            }
            if (out.length)
                changes.set(name, out);
        }
        this.rv = msg.rv;
        // The serial is the table's last change as the server says (every node and every restart
        // agree on it); a server that does not say gives the snapshot's rv.
        const dns = msg.tables.dns;
        if (dns?.lastChange !== undefined)
            this.dnsSerial = dns.lastChange;
        else if (changes.has('dns') || this.dnsSerial === 0)
            this.dnsSerial = msg.rv;
        return { changes };
    }
    applyDelta(msg) {
        if (msg.rv <= this.rv)
            return { changes: new Map() }; // redelivered: already in
        const changes = new Map();
        for (const c of msg.changes) {
            const table = this.tables.get(c.table);
            if (!table)
                continue; // a table we did not ask for
            const applied = table.set(c.key, c.op === 'upsert' ? c.value : undefined);
            if (!applied)
                continue;
            let list = changes.get(c.table);
            if (!list)
                changes.set(c.table, (list = []));
            list.push(applied);
        }
        this.rv = msg.rv;
        if (changes.has('dns'))
            this.dnsSerial = msg.rv;
        return { changes };
    }
    digests() {
        const out = {};
        for (const [name, t] of this.tables)
            out[name] = t.digest();
        return out;
    }
}
//# sourceMappingURL=local-tables.js.map