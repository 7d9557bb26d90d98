// netledger blame NODE TABLE [KEY] [--contains TEXT] [--at R|DURATION|TIME]: like git blame for a node's table — every chain,
// route or RRset with the rv, time, person and object of the change that last set it, and the
// origin when that change was derived (the endpoints controller reacting to a Pod or Service).

import { parse, usageError } from '../args.js';
import type { CliContext } from '../context.js';
import { actorText, columns, objectRef, outputFormat, serialize } from '../output.js';
import { atRv } from '../since.js';
import { checkTable, tablePath } from './tables.js';

export const BLAME_USAGE = `usage: netledger blame NODE iptables|ip6tables|routes|dns [KEY] [--contains TEXT] [--at RV|DURATION|TIME]
                       [-o json|yaml] [--server URL] [--token TOKEN]
  KEY              a key, its last segments (KUBE-SEP-…), or an iptables chain with its fragments
  --contains TEXT  only entries holding TEXT, e.g. "why does node-3 DNAT to 10.244.2.7?":
                   netledger blame node-3 iptables --contains 'DNAT --to-destination 10.244.2.7:'`;

interface Cause {
  resourceVersion: string;
  kind: string;
  namespace: string;
  name: string;
  type: string;
  actor: string;
  impersonatedBy?: string;
  time: string;
}

interface BlameItem {
  key: string;
  value: unknown;
  resourceVersion: string;
  cause: Cause | null;
  origin: Cause | null;
}

export function describeOrigin(o: Cause | null): string {
  if (!o) return '';
  return `${objectRef(o)} ${o.type} @${o.resourceVersion} by ${actorText(o)}`;
}

const BLAME_PAGE_SIZE = 500;

export async function runBlame(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { at: { type: 'string' }, contains: { type: 'string' } }, BLAME_USAGE);
  if (positionals.length < 2 || positionals.length > 3) throw usageError('expected NODE, TABLE and optionally KEY', BLAME_USAGE);
  const [node, table, key] = positionals as [string, string, string | undefined];
  checkTable(table);
  const q = new URLSearchParams();
  if (key !== undefined) q.set('key', key);
  if (typeof values.contains === 'string') q.set('contains', values.contains);
  const client = ctx.connect(values);
  if (typeof values.at === 'string') q.set('resourceVersion', String(await atRv(client, values.at)));
  const format = outputFormat(values.output as string | undefined);
  // In pages: a whole table's blame at the scale envelope is 100k+ entries.
  q.set('limit', String(BLAME_PAGE_SIZE));
  const { items, metadata } = await client.pages<BlameItem>(tablePath(node, table, `/blame?${q}`));
  const blame = { kind: 'NodeTableBlame', apiVersion: 'netledger.io/v1', metadata: { name: node, resourceVersion: metadata.resourceVersion }, table, items };
  if (format !== 'human') {
    ctx.out(serialize(blame, format));
    return 0;
  }
  ctx.out(
    columns(
      ['RV', 'TIME', 'ACTOR', 'OBJECT', 'TYPE', 'KEY', 'ORIGIN'],
      blame.items.map((b) => [b.resourceVersion, b.cause?.time ?? '', actorText(b.cause), objectRef(b.cause), b.cause?.type ?? '', b.key, describeOrigin(b.origin)]),
    ),
  );
  return 0;
}
