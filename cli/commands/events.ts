// netledger events: the event log, oldest first, filtered.

import { CliError } from '../client.js';
import { parse, usageError, type Parsed } from '../args.js';
import type { CliContext } from '../context.js';
import { actorText, columns, outputFormat, serialize } from '../output.js';
import { describeFloor, floorOf, parseSince, type Since } from '../since.js';

export const EVENTS_USAGE = `usage: netledger events [--kind KIND] [--namespace NS] [--name NAME] [--actor USER]
                       [--since RV|DURATION|TIME] [--until RV|DURATION|TIME] [--limit N] [--continue TOKEN]
                       [-o json|yaml] [--server URL] [--token TOKEN]`;

export const EVENTS_OPTIONS = {
  kind: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  name: { type: 'string' },
  actor: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  limit: { type: 'string' },
  continue: { type: 'string' },
} as const;

export interface EventItem {
  resourceVersion: string;
  time: string;
  actor: string;
  impersonatedBy?: string;
  kind: string;
  namespace: string;
  name: string;
  type: string;
  cause: string | null;
}

export function eventRows(items: EventItem[]): string {
  return columns(
    ['RV', 'TIME', 'ACTOR', 'TYPE', 'KIND', 'NAMESPACE', 'NAME', 'CAUSE'],
    items.map((e) => [e.resourceVersion, e.time, actorText(e), e.type, e.kind, e.namespace, e.name, e.cause ?? '']),
  );
}

/** --since and --until as given: an rv, or a duration back from now or a time (read once, so
 * the request and the remark about compaction see the same instant). */
interface Bounds {
  since?: Since;
  until?: Since;
}

function boundsOf(values: Parsed['values'], now = Date.now()): Bounds {
  const out: Bounds = {};
  for (const f of ['since', 'until'] as const) {
    const v = values[f];
    if (typeof v === 'string') out[f] = parseSince(v, now, `--${f}`);
  }
  return out;
}

function eventsPath(values: Parsed['values'], bounds: Bounds): string {
  const q = new URLSearchParams();
  for (const f of ['kind', 'namespace', 'name', 'actor'] as const) {
    const v = values[f];
    if (typeof v === 'string') q.set(f, v);
  }
  // The API's since/until for an rv, sinceTime/untilTime for a time.
  for (const f of ['since', 'until'] as const) {
    const at = bounds[f];
    if (!at) continue;
    if ('rv' in at) q.set(f, String(at.rv));
    else q.set(`${f}Time`, at.time);
  }
  const text = q.toString();
  return `/apis/netledger.io/v1/events${text ? `?${text}` : ''}`;
}

/** --limit N: a whole number; 0 or none means no limit (as the API's limit=0). */
export function limitOf(values: Parsed['values']): number {
  if (typeof values.limit !== 'string') return Infinity;
  if (!/^\d+$/.test(values.limit)) throw new CliError(`--limit ${values.limit}: expected a whole number (0 = no limit)`, 2);
  return Number(values.limit) || Infinity;
}

export async function printEvents(ctx: CliContext, values: Parsed['values']): Promise<number> {
  const format = outputFormat(values.output as string | undefined);
  const { since, until } = boundsOf(values);
  const list = await ctx.connect(values).pages<EventItem>(eventsPath(values, { since, until }), limitOf(values), values.continue as string | undefined);
  // Below the floor the log keeps only each object's last event: a time reaching there gets a remark.
  const floor = floorOf(list.headers);
  const compacted = `Warning: events before ${describeFloor(floor)} were compacted: only each object's last event before it is kept\n`;
  if (since && floor.time) {
    if ('time' in since && since.time < floor.time) ctx.note(compacted);
  } else if (until && floor.rv > 0) {
    // Everything asked for lies below the floor: what is listed is the kept remainder.
    if ('rv' in until ? until.rv < floor.rv : floor.time !== undefined && until.time < floor.time) ctx.note(compacted);
  }
  if (format === 'human') ctx.out(list.items.length ? eventRows(list.items) : 'No events found.\n');
  else ctx.out(serialize({ kind: 'EventList', apiVersion: 'netledger.io/v1', metadata: list.metadata, items: list.items }, format));
  // Oldest first, one event per rv: the next page starts after the last one shown. Below the
  // floor `--since` is refused (the log there is not whole): the list's own token goes on.
  const last = list.items[list.items.length - 1];
  if (list.more && last) {
    const next = Number(last.resourceVersion) < floor.rv && list.continue ? `--continue ${list.continue}` : `--since ${last.resourceVersion}`;
    noteMore(ctx, list.items.length, 'events follow', next);
  }
  return 0;
}

/** --limit cut the list: say so on stderr (stdout stays the list alone, for pipes), with the flag
 * that shows the next page exactly. */
export function noteMore(ctx: CliContext, shown: number, what: string, next: string): void {
  ctx.note(`(--limit ${shown} cut the list: more ${what}; the next ones: ${next})\n`);
}

export async function runEvents(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, EVENTS_OPTIONS, EVENTS_USAGE);
  if (positionals.length) throw usageError(`unexpected argument "${positionals[0]}"`, EVENTS_USAGE);
  return printEvents(ctx, values);
}
