import type { Contribution } from '../../../projections/model.js';
import { iptablesProjection } from '../../../projections/iptables/index.js';
import { buildView, type ViewInput } from './view.js';

export function computeAll(input: ViewInput): Contribution[] {
  const view = buildView(input);
  return [...iptablesProjection.allUnits(view)].flatMap((u) => iptablesProjection.compute(u, view));
}

/** The rules of one chain in rendered restore text, each + "\n" (assertIPTablesChainEqual). */
export function chainText(restore: string, table: 'filter' | 'nat', chain: string): string {
  let inTable = false;
  let out = '';
  for (const line of restore.split('\n')) {
    if (line.startsWith('*')) inTable = line === `*${table}`;
    else if (inTable && line.startsWith(`-A ${chain} `)) out += `${line}\n`;
  }
  return out;
}

export function declaredChains(restore: string, table: 'filter' | 'nat'): string[] {
  let inTable = false;
  const out: string[] = [];
  for (const line of restore.split('\n')) {
    if (line.startsWith('*')) inTable = line === `*${table}`;
    else if (inTable && line.startsWith(':')) out.push(line.slice(1).split(' ')[0]!);
  }
  return out;
}

/** Keys changed (added or different) and removed between two effective tables. */
export function diffTables(before: ReadonlyMap<string, unknown>, after: ReadonlyMap<string, unknown>) {
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [k, v] of after) if (JSON.stringify(before.get(k)) !== JSON.stringify(v)) changed.push(k);
  for (const k of before.keys()) if (!after.has(k)) removed.push(k);
  return { changed, removed };
}
