// netledger history [NODE [TABLE [KEY]]] [--since R|DURATION|TIME]: what changed, newest first.
// With no node it is the event log (as `netledger events`); with a node, the changes that node
// saw, in one table or all four, each with the object and person behind it.

import { parse, usageError, type Parsed } from '../args.js';
import type { CliContext } from '../context.js';
import { actorText, columns, objectRef, outputFormat, serialize } from '../output.js';
import { describeFloor, parseSince, revisionAt, sinceRv } from '../since.js';
import { EVENTS_OPTIONS, limitOf, noteMore, printEvents } from './events.js';
import { describeOrigin } from './blame.js';
import { checkTable, TABLES, tablePath } from './tables.js';

export const HISTORY_USAGE = `usage: netledger history [NODE [iptables|ip6tables|routes|dns [KEY]]] [--since RV|DURATION|TIME]
                       [--until RV|DURATION|TIME] [--limit N] [-o json|yaml] [--server URL] [--token TOKEN]`;

type Cause = { kind: string; namespace: string; name: string; type: string; actor: string; impersonatedBy?: string; time: string; resourceVersion: string };

interface HistoryItem {
  resourceVersion: string;
  key: string;
  scope: string;
  op: string;
  value: unknown;
  previous: unknown;
  cause: Cause | null;
  origin: Cause | null;
  table?: string;
}

export async function runHistory(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, EVENTS_OPTIONS, HISTORY_USAGE);
  if (!positionals.length) return printEvents(ctx, values);
  if (positionals.length > 3) throw usageError(`unexpected argument ${positionals[3]}`, HISTORY_USAGE);
  // The event log's filters say nothing about one node's table: refused rather than ignored.
  for (const flag of ['kind', 'namespace', 'name', 'actor'] as const) {
    if (values[flag] !== undefined) throw usageError(`--${flag} filters the event log (history without NODE), not a node's changes`, HISTORY_USAGE);
  }
  const [node, table, key] = positionals as [string, string | undefined, string | undefined];
  const client = ctx.connect(values);
  const format = outputFormat(values.output as string | undefined);
  const q = new URLSearchParams();
  if (key !== undefined) q.set('key', key);
  if (table !== undefined) checkTable(table); // refused before any request
  if (typeof values.since === 'string') {
    const since = await sinceRv(client, parseSince(values.since));
    // A duration or time reaching below the floor: show what is kept, and say what is not.
    if (since.compacted) ctx.note(`Warning: history before ${describeFloor(since.compacted)} was compacted; showing the changes after it\n`);
    q.set('since', String(since.rv));
  }
  // --until takes what --since takes: an rv, or the last rv at or before a duration ago or a time.
  if (typeof values.until === 'string') q.set('until', String(await revisionAt(client, values.until, '--until')));
  const limit = limitOf(values);
  const items: HistoryItem[] = [];
  let rv = '';
  // Below this rv the lists are not whole: a table cut at its limit (its last rv may go on), or
  // the merge's own cut.
  let wholeAbove = -1;
  for (const t of table ? [table] : TABLES) {
    // One item past the limit: whether the last rv shown goes on in this table.
    const list = await client.pages<HistoryItem>(tablePath(node, t, `/history${q.size ? `?${q}` : ''}`), limit + 1);
    rv ||= list.metadata.resourceVersion;
    // Every table up to the same rv: a write landing between two reads would otherwise show in
    // a later table's page and be cut from the earlier one's for good.
    if (!q.has('until')) q.set('until', rv);
    const last = list.items[list.items.length - 1];
    if (list.more && last) wholeAbove = Math.max(wholeAbove, Number(last.resourceVersion));
    for (const item of list.items) items.push({ ...item, table: t });
  }
  // Newest first across tables; a stable sort keeps each table's own order within one rv.
  items.sort((a, b) => Number(b.resourceVersion) - Number(a.resourceVersion));
  if (items.length > limit) wholeAbove = Math.max(wholeAbove, Number(items[limit]!.resourceVersion));
  let shown = items.slice(0, limit);
  if (wholeAbove >= 0) {
    // The page shows the rvs above the cut whole; the next starts `--until` the cut (inclusive),
    // so nothing is shown twice and nothing skipped, whichever table was cut.
    const whole = shown.filter((h) => Number(h.resourceVersion) > wholeAbove);
    if (whole.length) {
      shown = whole;
      // A --since given as a duration or time is named by its rv: worked out again from a later
      // "now", it would move the window under the pages.
      const since = q.get('since');
      noteMore(ctx, limit, 'changes are older', `--until ${wholeAbove}${since !== null && values.since !== since ? ` --since ${since}` : ''}`);
    } else {
      ctx.note(`(--limit ${limit} cut the list inside resourceVersion ${wholeAbove}, which changed more than that: raise --limit to see it whole)\n`);
    }
  }
  if (format !== 'human') {
    ctx.out(serialize({ kind: 'NodeTableHistory', apiVersion: 'netledger.io/v1', metadata: { name: node, resourceVersion: rv }, items: shown }, format));
    return 0;
  }
  if (!shown.length) {
    ctx.out('No changes found.\n');
    return 0;
  }
  ctx.out(
    columns(
      ['RV', 'TIME', 'ACTOR', 'OBJECT', 'TABLE', 'OP', 'KEY', 'ORIGIN'],
      shown.map((h) => [h.resourceVersion, h.cause?.time ?? '', actorText(h.cause), objectRef(h.cause), h.table!, opOf(h), h.key, describeOrigin(h.origin)]),
    ),
  );
  return 0;
}

/** What the node's value did: appeared (add), moved (change) or went (remove). */
function opOf(h: HistoryItem): string {
  if (h.op === 'delete') return 'remove';
  return h.previous === null ? 'add' : 'change';
}

export type { Parsed };
