// Printing for people and programs: kubectl-style column tables (upper-case headers, columns
// padded to the widest cell and separated by three spaces, `<none>` for empty), JSON, YAML.

import { stringify } from 'yaml';
import { CliError } from './client.js';

export { actorText } from '../domain/events.js';

export type OutputFormat = 'human' | 'json' | 'yaml';

export function outputFormat(text: string | undefined): OutputFormat {
  if (text === undefined) return 'human';
  if (text === 'json' || text === 'yaml') return text;
  throw new CliError(`unable to match a printer suitable for the output format "${text}", allowed formats are: json,yaml`, 2);
}

export function columns(headers: string[], rows: string[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === '' ? '<none>' : c)))];
  // A loop, not Math.max(...column): blame of a node's table at the scale envelope is 100k+ rows,
  // past the number of arguments a call takes.
  const widths = headers.map(() => 0);
  for (const r of cells) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, (r[i] ?? '').length);
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('').trimEnd()).join('\n') + '\n';
}

export function serialize(value: unknown, format: 'json' | 'yaml'): string {
  // No folding: a rule or a record stays on one line, as grep and diff want it.
  return format === 'json' ? JSON.stringify(value, null, 2) + '\n' : stringify(value, { lineWidth: 0 });
}

/** `Kind ns/name`, or `Kind name` for cluster-scoped objects. */
export function objectRef(c: { kind: string; namespace: string; name: string } | null | undefined): string {
  if (!c || !c.kind) return '';
  return `${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`;
}

const COLORS = { red: '\x1b[31m', green: '\x1b[32m', cyan: '\x1b[36m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** git's colours for a unified diff: bold headers, cyan hunk lines, red removals, green additions. */
export function colorDiff(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('--- ') || line.startsWith('+++ ')) return COLORS.bold + line + COLORS.reset;
      if (line.startsWith('@@')) return COLORS.cyan + line + COLORS.reset;
      if (line.startsWith('-')) return COLORS.red + line + COLORS.reset;
      if (line.startsWith('+')) return COLORS.green + line + COLORS.reset;
      return line;
    })
    .join('\n');
}
