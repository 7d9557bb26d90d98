// Random histories of Node/Pod/Service/Endpoints changes through the real domain and engine:
// after every step the incrementally maintained tables equal a from-scratch projection, and a
// replay of the produced log gives byte-identical objects and digests.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../domain/commands.js';
import { StatusError } from '../../domain/errors.js';
import type { LogEvent } from '../../domain/events.js';
import { STORED_KINDS } from '../../domain/kinds.js';
import { ClusterState } from '../../domain/state.js';
import { ProjectionEngine } from '../../projections/engine.js';
import { PROJECTIONS } from '../../projections/index.js';
import { TABLE_NAMES, type ClusterView, type TableName } from '../../projections/model.js';
import { executeAndProject, LogReplay } from '../../store/project.js';
import { create, ctx, service } from '../support/commands.js';
import { DEFAULT_CONFIG } from '../../domain/config.js';
import { commandFor, NODES, NS, step } from '../support/random-history.js';

/**
 * Every (table, scope, key) -> value JSON, straight from the projections and without the engine:
 * each unit's contributions, the claims on one key merged in unit-id order. The incremental and
 * from-scratch comparisons share the engine's bookkeeping; this one does not.
 */
function referenceEntries(view: ClusterView): Map<string, string> {
  const claims = new Map<string, { table: TableName; key: string; units: { id: string; value: unknown }[] }>();
  for (const p of PROJECTIONS) {
    for (const unit of new Set(p.allUnits(view))) {
      for (const c of p.compute(unit, view)) {
        const id = `${c.table}/${c.scope}/${c.key}`;
        if (!claims.has(id)) claims.set(id, { table: c.table, key: c.key, units: [] });
        claims.get(id)!.units.push({ id: `${p.name}:${unit}`, value: c.value });
      }
    }
  }
  const out = new Map<string, string>();
  for (const [id, { table, key, units }] of claims) {
    units.sort((a, b) => (a.id < b.id ? -1 : 1));
    const projection = PROJECTIONS.find((p) => p.name === units[0]!.id.split(':')[0])!;
    out.set(id, JSON.stringify(units.length === 1 ? units[0]!.value : projection.merge!(table, key, units.map((u) => u.value))));
  }
  return out;
}

/** The engine's live entries in referenceEntries' form (with `withRv`, each text after the rv
 * that last set it). */
function engineEntries(engine: ProjectionEngine, withRv = false): Map<string, string> {
  const out = new Map<string, string>();
  const text = (e: { encoded: string; rv: number }) => (withRv ? `${e.rv} ${e.encoded}` : e.encoded);
  for (const t of TABLE_NAMES) {
    const set = engine.tables[t];
    for (const [key, e] of set.clusterEntries()) out.set(`${t}//${key}`, text(e));
    for (const node of set.nodesWithOverrides()) for (const [key, e] of set.nodeOverrides(node)!) out.set(`${t}/${node}/${key}`, text(e));
  }
  return out;
}

const sorted = (m: Map<string, string>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));

function digests(engine: ProjectionEngine, nodes: Iterable<string>): string[] {
  const out: string[] = [];
  for (const t of TABLE_NAMES) for (const n of nodes) out.push(`${t}/${n}=${engine.tables[t].digest(n)}`);
  return out;
}

describe('projection property: incremental == from scratch, replay == live', () => {
  it('holds for random histories', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40, size: 'large' }), (steps) => {
        const state = new ClusterState();
        const engine = new ProjectionEngine(PROJECTIONS);
        const log: LogEvent[] = [];
        const run = (cmd: Command) => executeAndProject(state, engine, cmd, (ev) => log.push(ev));
        run({ ...ctx('system:netledger'), op: 'configure', config: DEFAULT_CONFIG });
        // Services must exist before manual endpoints make sense; create the selector-less one.
        run(create('Service', NS, service('ext', undefined, { ports: [{ name: 'https', port: 443, targetPort: 443 }] })));
        // The nodes exist from the start (the steps may delete and recreate them): otherwise a
        // history rarely holds a pod with an IP, and ready endpoints almost never occur.
        for (const s of NODES.map((_, i) => ({ t: 'node' as const, i }))) run(commandFor(s));
        const allNodes = [...NODES, 'not-a-node'];
        for (const s of steps) {
          try {
            run(commandFor(s));
          } catch (e) {
            if (!(e instanceof StatusError)) throw e;
          }
          const scratch = new ProjectionEngine(PROJECTIONS);
          scratch.build(state, state.rv);
          expect(digests(engine, allNodes)).toEqual(digests(scratch, allNodes));
          expect(sorted(engineEntries(engine))).toEqual(sorted(referenceEntries(state)));
        }
        // Replay: fold the log from empty with evolve only (derived events are in the log), in
        // the groups the log shows; every entry must come back with the rv the live write gave it.
        const replayed = new ClusterState();
        const replayEngine = new ProjectionEngine(PROJECTIONS);
        const replay = new LogReplay(replayed, replayEngine);
        for (const ev of JSON.parse(JSON.stringify(log)) as LogEvent[]) replay.apply(ev);
        replay.end();
        for (const kind of STORED_KINDS) {
          expect(JSON.stringify(replayed.list(kind))).toBe(JSON.stringify(state.list(kind)));
        }
        expect(digests(replayEngine, allNodes)).toEqual(digests(engine, allNodes));
        expect(sorted(engineEntries(replayEngine, true))).toEqual(sorted(engineEntries(engine, true)));
      }),
      { numRuns: 60 },
    );
  });
});
