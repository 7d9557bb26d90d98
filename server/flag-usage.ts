// `netledger serve|agent|dns --help`: the flags of a command, read off the same parseArgs spec
// that parses them, so the list cannot fall behind the parser.

import type { ParseArgsConfig } from 'node:util';

type Spec = NonNullable<ParseArgsConfig['options']>;

/** Does the command line ask for help (`--help` or `-h` anywhere)? */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** `usage: netledger CMD [flags]`, then each flag with its value form and default. */
export function flagUsage(command: string, spec: Spec, about: string): string {
  const rows = Object.entries(spec).map(([name, o]) => {
    const flag = `--${name}${o.type === 'string' ? ' VALUE' : ''}`;
    const dflt = o.default === undefined || o.default === '' || o.default === false ? '' : ` (default ${String(o.default)})`;
    return [flag, dflt] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  return `usage: netledger ${command} [flags]\n  ${about}\n\nflags:\n${rows.map(([f, d]) => `  ${f.padEnd(width)}${d}`.trimEnd()).join('\n')}\n`;
}

/** What an unknown or malformed flag's error adds: where the list is. */
export function helpHint(command: string): string {
  return `(netledger ${command} --help lists the flags)`;
}
