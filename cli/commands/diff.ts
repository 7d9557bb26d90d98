// netledger diff NODE TABLE FROM [TO]: how a node's table changed between two revisions (rvs,
// durations back or times; TO = now) — a
// unified diff of the text forms, coloured on a terminal or with --color; -o json|yaml gives the
// entry diff (added, removed, changed).

import { parse, usageError } from '../args.js';
import { revisionAt } from '../since.js';
import type { CliContext } from '../context.js';
import { colorDiff, outputFormat, serialize } from '../output.js';
import { checkTable, tablePath } from './tables.js';

export const DIFF_USAGE = `usage: netledger diff NODE iptables|ip6tables|routes|dns FROM [TO] [--color|--no-color] [-o json|yaml]
                       (FROM, TO: an rv, a duration back like 1h, or an RFC 3339 time; TO defaults to now)
                       [--server URL] [--token TOKEN]`;

export async function runDiff(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { color: { type: 'boolean' }, 'no-color': { type: 'boolean' } }, DIFF_USAGE);
  if (positionals.length < 3 || positionals.length > 4) throw usageError('expected NODE, TABLE, FROM and optionally TO', DIFF_USAGE);
  const [node, table, r1, r2] = positionals as [string, string, string, string | undefined];
  checkTable(table);
  const format = outputFormat(values.output as string | undefined);
  const client = ctx.connect(values);
  // Each side an rv, a duration back or a time, as --at takes them (0: before the first event).
  const q = new URLSearchParams({ from: String(await revisionAt(client, r1, 'FROM')) });
  if (r2 !== undefined) q.set('to', String(await revisionAt(client, r2, 'TO')));
  if (format !== 'human') {
    ctx.out(serialize(await client.json(tablePath(node, table, `/diff?${q}`)), format));
    return 0;
  }
  q.set('format', 'text');
  const text = await client.text(tablePath(node, table, `/diff?${q}`));
  // --color and --no-color win; else a terminal gets colour unless NO_COLOR is set (no-color.org).
  const color = values['no-color'] ? false : values.color === true || (ctx.isTTY && !ctx.env.NO_COLOR);
  ctx.out(color ? colorDiff(text) : text);
  return 0;
}
