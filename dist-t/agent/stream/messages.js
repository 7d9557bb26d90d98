// The node stream's wire format (docs/API.md "Node stream"): one JSON object a line. Parsing is
// strict about what the agent relies on (types, decimal rvs, change shapes) so a malformed line
// is an error the client can reconnect over, never a half-applied table.
import { TABLE_NAMES } from '../../projections/model.js';
export class StreamFormatError extends Error {
}
function rvOf(v) {
    if (typeof v !== 'string' || !/^\d+$/.test(v))
        throw new StreamFormatError(`resourceVersion must be a decimal string, got ${JSON.stringify(v)}`);
    return Number(v);
}
function tableOf(v) {
    if (typeof v !== 'string' || !TABLE_NAMES.includes(v))
        throw new StreamFormatError(`unknown table ${JSON.stringify(v)}`);
    return v;
}
export function parseStreamLine(line) {
    let obj;
    try {
        obj = JSON.parse(line);
    }
    catch {
        throw new StreamFormatError(`not JSON: ${line.slice(0, 80)}`);
    }
    if (!obj || typeof obj !== 'object')
        throw new StreamFormatError('a stream line must be an object');
    switch (obj.type) {
        case 'SNAPSHOT': {
            const tables = {};
            if (!obj.tables || typeof obj.tables !== 'object')
                throw new StreamFormatError('SNAPSHOT without tables');
            for (const [name, t] of Object.entries(obj.tables)) {
                if (!t || !Array.isArray(t.entries))
                    throw new StreamFormatError(`SNAPSHOT table ${name} without entries`);
                for (const e of t.entries)
                    if (typeof e?.key !== 'string')
                        throw new StreamFormatError(`SNAPSHOT table ${name}: entry without key`);
                const lastChange = typeof t.lastChange === 'string' && /^\d+$/.test(t.lastChange) ? Number(t.lastChange) : undefined;
                tables[tableOf(name)] = { digest: typeof t.digest === 'string' ? t.digest : undefined, lastChange, entries: t.entries };
            }
            return { type: 'SNAPSHOT', rv: rvOf(obj.resourceVersion), tables };
        }
        case 'DELTA': {
            if (!Array.isArray(obj.changes))
                throw new StreamFormatError('DELTA without changes');
            const changes = obj.changes.map((c) => {
                if (c?.op !== 'upsert' && c?.op !== 'delete')
                    throw new StreamFormatError(`DELTA change with op ${JSON.stringify(c?.op)}`);
                if (typeof c.key !== 'string')
                    throw new StreamFormatError('DELTA change without key');
                if (c.op === 'upsert' && !('value' in c))
                    throw new StreamFormatError(`DELTA upsert of ${c.key} without value`);
                return c.op === 'upsert' ? { table: tableOf(c.table), op: 'upsert', key: c.key, value: c.value } : { table: tableOf(c.table), op: 'delete', key: c.key };
            });
            const delta = { type: 'DELTA', rv: rvOf(obj.resourceVersion), changes };
            if (typeof obj.time === 'string' && !Number.isNaN(Date.parse(obj.time)))
                delta.time = obj.time;
            return delta;
        }
        case 'BOOKMARK':
            return { type: 'BOOKMARK', rv: rvOf(obj.resourceVersion) };
        case 'ERROR':
            return { type: 'ERROR', status: obj.status && typeof obj.status === 'object' ? obj.status : {} };
        default:
            throw new StreamFormatError(`unknown stream line type ${JSON.stringify(obj.type)}`);
    }
}
/** Splits a byte stream into lines; a line may arrive in many chunks and a chunk hold many lines. */
export class LineSplitter {
    rest = '';
    decoder = new TextDecoder('utf-8');
    push(chunk) {
        this.rest += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
        const parts = this.rest.split('\n');
        this.rest = parts.pop();
        return parts.filter((l) => l.trim() !== '');
    }
    /** Bytes after the last newline (a line the connection cut short). */
    get pending() {
        return this.rest;
    }
}
//# sourceMappingURL=messages.js.map