// Columns and cell helpers every printer shares.
import { OBJECT_META_DOC } from './descriptions.js';
import { column } from './types.js';
export const NAME_COLUMN = column('Name', OBJECT_META_DOC.name, { format: 'name' });
export const AGE_COLUMN = column('Age', OBJECT_META_DOC.creationTimestamp);
/** labels.FormatLabels: sorted `k=v` pairs, `<none>` when empty. */
export function formatLabels(labels) {
    const keys = Object.keys(labels ?? {}).sort();
    if (keys.length === 0)
        return '<none>';
    return keys.map((k) => `${k}=${labels[k]}`).join(',');
}
/** net.JoinHostPort: IPv6 addresses in brackets. */
export function joinHostPort(host, port) {
    return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
/** listWithMoreString: at most `max` items, then ` + N more...`; `<unset>` when empty. */
export function listWithMore(list, count, max) {
    const ret = list.join(',');
    if (count > max)
        return `${ret} + ${count - max} more...`;
    return ret === '' ? '<unset>' : ret;
}
//# sourceMappingURL=common.js.map