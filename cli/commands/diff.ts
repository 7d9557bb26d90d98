// netledger diff NODE TABLE R1 [R2]: how a node's table changed between two rvs (R2 = now) — a
// unified diff of the text forms, coloured on a terminal or with --color; -o json|yaml gives the
// entry diff (added, removed, changed).

import { parse, rvArg, usageError } from '../args.js';
import type { CliContext } from '../context.js';
import { colorDiff, outputFormat, serialize } from '../output.js';
import { checkTable, tablePath } from './tables.js';

export const DIFF_USAGE = `usage: netledger diff NODE iptables|ip6tables|routes|dns RV1 [RV2] [--color|--no-color] [-o json|yaml]
                       [--server URL] [--token TOKEN]`;

export async function runDiff(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { color: { type: 'boolean' }, 'no-color': { type: 'boolean' } }, DIFF_USAGE);
  if (positionals.length < 3 || positionals.length > 4) throw usageError('expected NODE, TABLE, RV1 and optionally RV2', DIFF_USAGE);
  const [node, table, r1, r2] = positionals as [string, string, string, string | undefined];
  checkTable(table);
  const q = new URLSearchParams({ from: String(rvArg(r1, 'RV1', DIFF_USAGE)) });
  if (r2 !== undefined) q.set('to', String(rvArg(r2, 'RV2', DIFF_USAGE)));
  const format = outputFormat(values.output as string | undefined);
  const client = ctx.connect(values);
  if (format !== 'human') {
    ctx.out(serialize(await client.json(tablePath(node, table, `/diff?${q}`)), format));
    return 0;
  }
  q.set('format', 'text');
  const text = await client.text(tablePath(node, table, `/diff?${q}`));
  const color = values['no-color'] ? false : values.color === true || ctx.isTTY;
  ctx.out(color ? colorDiff(text) : text);
  return 0;
}
