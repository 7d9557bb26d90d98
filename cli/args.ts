// Flags every audit command takes (--server, --token, -o) plus its own, parsed with node:util.
// Usage errors exit 2.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './client.js';

export const COMMON_OPTIONS = {
  server: { type: 'string', short: 's' },
  token: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parse(argv: string[], options: ParseArgsConfig['options'], usage: string): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${usage}`, 2);
  }
}

export function usageError(message: string, usage: string): CliError {
  return new CliError(`${message}\n${usage}`, 2);
}

