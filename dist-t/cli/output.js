// Printing for people and programs: kubectl-style column tables (upper-case headers, columns
// padded to the widest cell and separated by three spaces, `<none>` for empty), JSON, YAML.
import { stringify } from 'yaml';
import { CliError } from './client.js';
export { actorText } from '../domain/events.js';
export function outputFormat(text) {
    if (text === undefined)
        return 'human';
    if (text === 'json' || text === 'yaml')
        return text;
    throw new CliError(`unable to match a printer suitable for the output format "${text}", allowed formats are: json,yaml`, 2);
}
export function columns(headers, rows) {
    const cells = [headers, ...rows.map((r) => r.map((c) => (c === '' ? '<none>' : c)))];
    const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
    return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('').trimEnd()).join('\n') + '\n';
}
export function serialize(value, format) {
    return format === 'json' ? JSON.stringify(value, null, 2) + '\n' : stringify(value);
}
/** `Kind ns/name`, or `Kind name` for cluster-scoped objects. */
export function objectRef(c) {
    if (!c || !c.kind)
        return '';
    return `${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`;
}
const COLORS = { red: '\x1b[31m', green: '\x1b[32m', cyan: '\x1b[36m', bold: '\x1b[1m', reset: '\x1b[0m' };
/** git's colours for a unified diff: bold headers, cyan hunk lines, red removals, green additions. */
export function colorDiff(text) {
    return text
        .split('\n')
        .map((line) => {
        if (line.startsWith('--- ') || line.startsWith('+++ '))
            return COLORS.bold + line + COLORS.reset;
        if (line.startsWith('@@'))
            return COLORS.cyan + line + COLORS.reset;
        if (line.startsWith('-'))
            return COLORS.red + line + COLORS.reset;
        if (line.startsWith('+'))
            return COLORS.green + line + COLORS.reset;
        return line;
    })
        .join('\n');
}
//# sourceMappingURL=output.js.map