// --state-dir: the last applied rv and the tables it produced, so a restarted agent resumes its
// stream from there instead of starting over. One JSON file written atomically (temp file in the
// same directory, fsync, rename), so a crash leaves either the old state or the new one.
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalTables } from './local-tables.js';
export const STATE_FILE = 'agent-state.json';
const FORMAT = 1;
export async function saveState(dir, node, store) {
    await mkdir(dir, { recursive: true });
    const state = { format: FORMAT, node, resourceVersion: String(store.rv), dnsSerial: String(store.dnsSerial), tables: {} };
    for (const [name, t] of store.tables)
        state.tables[name] = [...t.entries];
    const file = join(dir, STATE_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    const fh = await open(tmp, 'w');
    try {
        await fh.writeFile(JSON.stringify(state));
        await fh.sync();
    }
    finally {
        await fh.close();
    }
    await rename(tmp, file);
}
/**
 * The persisted tables, or undefined when there is no usable state (missing, unreadable, another
 * node's, or a different table selection): the agent then starts from a SNAPSHOT.
 */
export async function loadState(dir, node, names) {
    let state;
    try {
        state = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8'));
    }
    catch {
        return undefined;
    }
    if (state.format !== FORMAT || state.node !== node || !/^\d+$/.test(state.resourceVersion))
        return undefined;
    const saved = Object.keys(state.tables).sort().join(',');
    if (saved !== [...names].sort().join(','))
        return undefined;
    const store = new LocalTables(names);
    for (const name of names) {
        const t = store.table(name);
        for (const [key, value] of state.tables[name] ?? [])
            t.set(key, value);
    }
    store.rv = Number(state.resourceVersion);
    store.dnsSerial = Number(state.dnsSerial) || store.rv;
    return store;
}
//# sourceMappingURL=state-dir.js.map