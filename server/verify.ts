// `netledger verify [--data DIR]`: replays the whole log from empty (after a compaction, from the
// snapshot the retention floor keeps), then checks that the replayed objects and every table
// entry (hence every node's digest) equal the persisted live ones byte for byte, that every
// history row above where the replay started is the change the replay makes there
// (verify-history.ts), and that the incrementally replayed tables equal a from-scratch build.
// Exits non-zero on any mismatch.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseUrl, FlagError } from './flags.js';
import { ClusterState } from '../domain/state.js';
import { CONFIG_KIND, STORED_KINDS, type StoredKind } from '../domain/kinds.js';
import { ProjectionEngine } from '../projections/engine.js';
import { PROJECTIONS } from '../projections/index.js';
import { TABLE_NAMES } from '../projections/model.js';
import { DATABASE_FILE, openDatabase, type DatabaseLocation } from '../store/database.js';
import { redactedUrl } from '../store/postgres/url.js';
import { hasNetledgerSchema } from '../store/postgres/schema-probe.js';
import { EventStore, rowToEvent } from '../store/event-store.js';
import { LogReplay } from '../store/project.js';
import { HistoryCheck } from './verify-history.js';

export interface VerifyReport {
  events: number;
  objects: number;
  entries: number;
  nodes: number;
  /** table_changes rows compared with the replay (those above the retention floor). */
  historyRows: number;
  mismatches: string[];
}

/**
 * After a compaction the log below the floor keeps each object's last event and each table key's
 * last change (store/retention.ts): the state at the floor, not the steps to it. The replay then
 * starts at the first command after the floor (a group the floor cut in two is taken whole into
 * the snapshot), from the objects' last events before it and the tables built from them, each
 * entry at the rv of its last change. Returns the rv the replay goes on from.
 */
function startFromSnapshot(store: EventStore, state: ClusterState, engine: ProjectionEngine, floor: number, head: number): number {
  const sqlite = store.sql;
  const next = (sqlite.prepare('SELECT min(rv) AS rv FROM events WHERE rv > ? AND cause IS NULL').get(floor) as { rv: number | null }).rv;
  const at = next === null ? head : next - 1;
  const rows = sqlite
    .prepare('SELECT e.* FROM events e JOIN (SELECT max(rv) AS rv FROM events WHERE rv <= ? GROUP BY kind, namespace, name) m ON e.rv = m.rv ORDER BY e.rv')
    .all(at) as Parameters<typeof rowToEvent>[0][];
  for (const ev of rows.map(rowToEvent)) {
    if (ev.type === 'DELETED') continue;
    if (ev.kind === CONFIG_KIND) state.config = (ev.object as unknown as { spec: ClusterState['config'] }).spec;
    else state.setObject(ev.kind as StoredKind, ev.namespace, ev.name, ev.object);
  }
  state.rv = at;
  engine.build(state, 0);
  const changes = sqlite.prepare('SELECT table_name AS t, scope, key, max(rv) AS rv FROM table_changes WHERE rv <= ? GROUP BY table_name, scope, key').all(at) as { t: string; scope: string; key: string; rv: number }[];
  for (const c of changes) engine.tables[c.t as keyof typeof engine.tables]?.setRv(c.scope, c.key, c.rv);
  return at;
}

export async function verifyDatabase(where: DatabaseLocation, progress?: (done: number, total: number) => void): Promise<VerifyReport> {
  const store = new EventStore(await openDatabase(where));
  try {
    const head = await store.headRv();
    const state = new ClusterState();
    const engine = new ProjectionEngine(PROJECTIONS);
    const replay = new LogReplay(state, engine);
    const floor = await store.floorRv();
    let from = floor > 0 ? startFromSnapshot(store, state, engine, floor, head) : 0;
    const history = new HistoryCheck(store, from);
    const mismatches: string[] = [];
    while (from < head) {
      const page = await store.eventsBetween(from, head, 5000);
      if (!page.length) break;
      for (const ev of page) history.replayed(replay.apply(ev));
      // The open group's changes come when it closes; everything before it can be compared.
      history.compareThrough(replay.groupStart - 1);
      from = page[page.length - 1]!.rv;
      progress?.(from, head);
    }
    history.replayed(replay.end());
    history.compareThrough(head);
    if (state.rv !== head) mismatches.push(`log ends at rv ${state.rv} but head is ${head} (gap in the log)`);

    // Objects: the persisted state must be exactly the replayed one.
    const rows = await store.loadObjects();
    const seen = new Set<string>();
    for (const row of rows) {
      const key = `${row.kind} ${row.namespace ? row.namespace + '/' : ''}${row.name}`;
      seen.add(key);
      const replayed =
        row.kind === CONFIG_KIND
          ? { apiVersion: 'netledger.io/v1', kind: CONFIG_KIND, metadata: { name: 'cluster', resourceVersion: String(row.rv) }, spec: state.config }
          : state.get(row.kind as StoredKind, row.namespace, row.name);
      if (!replayed) mismatches.push(`object ${key}: live, but absent after replay`);
      else if (row.kind !== CONFIG_KIND && JSON.stringify(replayed) !== JSON.stringify(row.object)) mismatches.push(`object ${key}: differs from replay`);
    }
    for (const kind of STORED_KINDS) {
      for (const o of state.list(kind)) {
        const key = `${kind} ${o.metadata.namespace ? o.metadata.namespace + '/' : ''}${o.metadata.name}`;
        if (!seen.has(key)) mismatches.push(`object ${key}: present after replay, absent live`);
      }
    }

    // Tables: every persisted entry equals the replayed one (value and rv), and nothing is missing.
    const entries = await store.loadEntries();
    const seenEntries = new Set<string>();
    for (const e of entries) {
      const table = engine.tables[e.table as keyof typeof engine.tables];
      const id = `${e.table} ${e.scope || '<cluster>'} ${e.key}`;
      seenEntries.add(id);
      const r = table?.get(e.scope, e.key);
      if (!r) mismatches.push(`entry ${id}: live, but absent after replay`);
      else if (r.encoded !== e.text) mismatches.push(`entry ${id}: value differs from replay`);
      else if (r.rv !== e.rv) mismatches.push(`entry ${id}: last changed at rv ${e.rv} live, ${r.rv} in replay`);
    }
    const nodes = new Set<string>(state.nodes.keys());
    for (const t of TABLE_NAMES) {
      const set = engine.tables[t];
      const check = (scope: string, key: string) => {
        const id = `${t} ${scope || '<cluster>'} ${key}`;
        if (!seenEntries.has(id)) mismatches.push(`entry ${id}: present after replay, absent live`);
      };
      for (const k of set.clusterEntries().keys()) check('', k);
      for (const n of set.nodesWithOverrides()) for (const k of set.nodeOverrides(n)!.keys()) check(n, k);
    }

    // Incremental replay must equal a from-scratch projection of the final state.
    const scratch = new ProjectionEngine(PROJECTIONS);
    scratch.build(state, 0);
    for (const t of TABLE_NAMES) {
      for (const n of nodes) {
        if (scratch.tables[t].digest(n) !== engine.tables[t].digest(n)) mismatches.push(`table ${t} of node ${n}: incremental replay differs from a full projection`);
      }
    }
    mismatches.push(...history.all());
    return { events: head, objects: rows.length, entries: entries.length, nodes: nodes.size, historyRows: history.checked, mismatches };
  } finally {
    await store.close();
  }
}

function verifyFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { data: { type: 'string', default: './data' }, 'database-url': { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (e) {
    throw new FlagError(`${(e as Error).message}\n${VERIFY_USAGE}`);
  }
}

const VERIFY_USAGE = `usage: netledger verify [--data DIR | --database-url URL] [-o json]
  replays the log in DIR (default ./data), or in the PostgreSQL database at URL, from empty and
  compares the objects, every table entry and every history row above the retention floor with
  the live ones; exits 1 on any mismatch
`;

export async function runVerify(argv: string[]): Promise<number> {
  const values = verifyFlags(argv);
  if (values.help) {
    process.stdout.write(VERIFY_USAGE);
    return 0;
  }
  if (values.output !== undefined && values.output !== 'json') throw new FlagError(`-o ${values.output}: verify prints json or its summary`);
  const url = databaseUrl(values['database-url']);
  // Opening a missing database would create an empty one and find nothing wrong with it.
  if (url) {
    if (!(await hasNetledgerSchema(url))) throw new Error(`no netledger log in the database at ${redactedUrl(url)}; give the server's --database-url`);
  } else if (!existsSync(join(values.data!, DATABASE_FILE))) throw new Error(`no netledger database in ${values.data} (expected ${join(values.data!, DATABASE_FILE)}); give the server's --data directory`);
  const tty = process.stderr.isTTY;
  let last = 0;
  const report = await verifyDatabase({ dataDir: values.data!, databaseUrl: url }, (done, total) => {
    const now = Date.now();
    if (now - last < 500 && done < total) return;
    last = now;
    process.stderr.write(`${tty ? '\r' : ''}replaying: ${done}/${total} events${tty ? '' : '\n'}`);
  });
  if (tty) process.stderr.write('\n');
  if (values.output === 'json') {
    process.stdout.write(JSON.stringify({ ...report, ok: report.mismatches.length === 0 }, null, 2) + '\n');
  } else {
    process.stdout.write(`replayed ${report.events} events: ${report.objects} objects, ${report.entries} table entries, ${report.historyRows} history rows, ${report.nodes} nodes\n`);
    for (const m of report.mismatches.slice(0, 50)) process.stdout.write(`MISMATCH ${m}\n`);
    if (report.mismatches.length > 50) process.stdout.write(`... and ${report.mismatches.length - 50} more\n`);
    process.stdout.write(report.mismatches.length ? `verify: FAILED, ${report.mismatches.length} mismatches\n` : 'verify: OK, replay equals the live state\n');
  }
  return report.mismatches.length ? 1 : 0;
}
