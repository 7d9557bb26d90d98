// --since: a resourceVersion (`120`), a duration back from now (`90s`, `15m`, `1h`, `2d`,
// `1h30m`), or a time (RFC 3339). Rvs filter exactly; times filter the event log by its
// timestamps, and history (which has only rvs) starts after the last event before that time.

import { CliError, type Client } from './client.js';

export type Since = { rv: number } | { time: string };

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseSince(text: string, now = Date.now()): Since {
  if (/^\d+$/.test(text)) return { rv: Number(text) };
  if (/^(\d+(s|m|h|d))+$/.test(text)) {
    let ms = 0;
    for (const [, n, unit] of text.matchAll(/(\d+)(s|m|h|d)/g)) ms += Number(n) * UNITS[unit!]!;
    return { time: new Date(now - ms).toISOString() };
  }
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new CliError(`--since ${text}: expected a resourceVersion, a duration (90s, 15m, 1h, 2d) or an RFC 3339 time`, 2);
  return { time: new Date(t).toISOString() };
}

/** The rv to read history after: for a time, the rv just before the first event at or after it. */
export async function sinceRv(client: Client, since: Since): Promise<number> {
  if ('rv' in since) return since.rv;
  const page = await client.json<{ metadata: { resourceVersion: string }; items: { resourceVersion: string }[] }>(
    `/apis/netledger.io/v1/events?sinceTime=${encodeURIComponent(since.time)}&limit=1`,
  );
  const first = page.items[0];
  return first ? Number(first.resourceVersion) - 1 : Number(page.metadata.resourceVersion);
}
