// Flags every audit command takes (--server, --token, -o) plus its own, parsed with node:util.
// Usage errors exit 2.
import { parseArgs } from 'node:util';
import { CliError } from './client.js';
export const COMMON_OPTIONS = {
    server: { type: 'string', short: 's' },
    token: { type: 'string' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
};
export function parse(argv, options, usage) {
    try {
        const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
        return { values: values, positionals };
    }
    catch (e) {
        throw new CliError(`${e.message}\n${usage}`, 2);
    }
}
export function usageError(message, usage) {
    return new CliError(`${message}\n${usage}`, 2);
}
/** Flags given before the command that take a value: the audit commands' common ones and their
 * own (events, history, tables, blame). */
const LEADING_VALUE_FLAGS = new Set(['--server', '-s', '--token', '--output', '-o', '--namespace', '-n', '--kind', '--name', '--actor', '--since', '--until', '--limit', '--at', '--contains']);
/**
 * `netledger --server URL events …` as kubectl takes `kubectl --server URL get …`: flags before
 * the command move after it. `-h`/`--help` alone stays the command (the top-level usage).
 */
export function commandFirst(argv) {
    let i = 0;
    while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '-h' && argv[i] !== '--help') {
        i += LEADING_VALUE_FLAGS.has(argv[i]) ? 2 : 1;
    }
    if (i === 0 || i >= argv.length)
        return [...argv];
    return [argv[i], ...argv.slice(0, i), ...argv.slice(i + 1)];
}
//# sourceMappingURL=args.js.map