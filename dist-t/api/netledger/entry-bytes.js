// A whole node table as JSON bytes, each live entry's encoding kept with it. A node's iptables
// table at the scale envelope is ~116k entries and 58 MB: making each entry's text, joining the
// texts and encoding them as UTF-8 was most of a whole-table read, for entries that had not
// changed since the last read. Entries are replaced, never changed in place, so the bytes stay
// true while the entry lives (and go with it: a WeakMap). Cluster-scoped entries, the bulk of
// every node's table, are shared by every node's read.
const CHUNK_BYTES = 64 * 1024;
const COMMA = Buffer.from(',');
/** An entry's document up to its cause: `{"key":…,"value":…,"resourceVersion":"…","cause":`.
 * The cause is not kept with it: compaction may take the event it names away. */
const prefixes = new WeakMap();
function prefixOf(e) {
    const live = e.entry;
    if (live) {
        const hit = prefixes.get(live);
        // rv: a start-up rebuild restores entries' rvs in place (TableSet.setRv).
        if (hit && hit.rv === e.rv)
            return hit.bytes;
    }
    const bytes = Buffer.from(`{"key":${JSON.stringify(e.key)},"value":${e.text},"resourceVersion":"${e.rv}","cause":`);
    if (live)
        prefixes.set(live, { rv: e.rv, bytes });
    return bytes;
}
/** The entries as the items of a JSON array (no brackets), in chunks of ~64 KiB. */
export function* entriesJson(entries, causes) {
    const causeBytes = new Map();
    let parts = [];
    let size = 0;
    for (let i = 0; i < entries.length; i++) {
        const e = entries[i];
        if (i > 0) {
            parts.push(COMMA);
            size += 1;
        }
        const prefix = prefixOf(e);
        let tail = causeBytes.get(e.rv);
        if (!tail)
            causeBytes.set(e.rv, (tail = Buffer.from(`${causes.get(e.rv) ?? 'null'}}`)));
        parts.push(prefix, tail);
        size += prefix.length + tail.length;
        if (size >= CHUNK_BYTES) {
            yield Buffer.concat(parts, size);
            parts = [];
            size = 0;
        }
    }
    if (size)
        yield Buffer.concat(parts, size);
}
//# sourceMappingURL=entry-bytes.js.map