// Previews: what commands would do to every node's tables, with nothing written. The commands
// run through the real execute (decide: defaults, allocation, validation — so an invalid object
// is the same 422 — then the endpoints controller) on a PreviewState over the live state. Only
// the projection units those events touch are recomputed (and, when a change crosses iptables'
// large-cluster threshold, every service with endpoints, as the live engine would), and their
// contributions are diffed against the live engine's claims: cost O(affected), plus a copy of
// the engine's per-service endpoint counts.
//
// Synchronous from start to end on purpose: the live state only changes in the appender's
// drain, which cannot run in the middle, so the preview sees one consistent state.

import { randomUUID } from 'node:crypto';
import { podTermination, type Command, type Decision } from '../../../domain/commands.js';
import type { LogEvent } from '../../../domain/events.js';
import type { KubeObject } from '../../../domain/objects.js';
import type { ClusterState } from '../../../domain/state.js';
import { execute } from '../../../domain/execute.js';
import type { ProjectionEngine } from '../../../projections/engine.js';
import { TABLE_NAMES, type DerivedInputs, type Projection, type TableName } from '../../../projections/model.js';
import type { Ledger } from '../../../store/ledger.js';
import { changeOf } from '../../../store/object-change.js';
import { entryDiff, type EntryDiff } from './diff.js';
import { PreviewState } from './preview-state.js';

type Claims = Map<string, unknown>; // unit id -> value

/**
 * The engine's claim maps. ProjectionEngine keeps them private; a preview needs them to merge a
 * recomputed unit with the units it did not recompute. (Asked for as a public read-only
 * accessor on ProjectionEngine; until then, this is the one place that reaches in.)
 */

function claimId(table: string, scope: string, key: string): string {
  return `${table}\u0000${scope}\u0000${key}`;
}

function parseClaimId(id: string): { table: TableName; scope: string; key: string } {
  const a = id.indexOf('\u0000');
  const b = id.indexOf('\u0000', a + 1);
  return { table: id.slice(0, a) as TableName, scope: id.slice(a + 1, b), key: id.slice(b + 1) };
}

export interface NodePreview {
  node: string;
  tables: Partial<Record<TableName, EntryDiff>>;
}

export type PreviewImpact = Partial<Record<TableName, { nodes: number; keys: number }>>;

export interface PreviewOutcome {
  /** The events the commands would append, with the rvs they would get if nothing else came first. */
  events: LogEvent[];
  nodes: NodePreview[];
  impact: PreviewImpact;
  /** The live rv the preview was computed against. */
  rv: number;
  /** What each command would answer (object and code), in order. */
  decisions: Decision[];
}

/** Runs the commands in order on a scratch state; a StatusError from any of them is thrown as is. */
export function previewCommands(ledger: Ledger, commands: readonly Command[] | ((state: PreviewState) => Command)[]): PreviewOutcome {
  const overlay = new PreviewState(ledger.state);
  const engine = ledger.engine;
  const affected = new Map<Projection, Set<string>>(engine.projections.map((p) => [p, new Set<string>()]));
  // The engine's cluster-wide inputs (iptables' large-cluster count), copied: the preview's own
  // changes move them, and a change that crosses a threshold recomputes the units they name.
  const inputs = engine.forkInputs();
  const events: LogEvent[] = [];
  const decisions: Decision[] = [];
  const observe = (ev: LogEvent, before: KubeObject | undefined) => {
    events.push(ev);
    const change = changeOf(ev, before);
    // Units are asked with the view right after each event, as the appender does.
    for (const p of engine.projections) {
      for (const u of p.unitsAffected(change, overlay)) affected.get(p)!.add(u);
      for (const u of inputs.get(p.name)?.observe(change, overlay) ?? []) affected.get(p)!.add(u);
    }
  };
  for (const item of commands) {
    const cmd = typeof item === 'function' ? item(overlay) : item;
    decisions.push(execute(overlay, { ...cmd, dryRun: false }, observe));
  }
  // "What will deleting this pod change?" is answered to the end: a graceful deletion the
  // commands started is followed by the terminator's, at its deletionTimestamp.
  for (const pod of gracefullyDeleted(ledger.state, events)) {
    execute(overlay, podTermination(pod, pod.metadata.deletionTimestamp!, randomUUID()), observe);
  }
  const changed = recomputeUnits(engine, overlay, affected, inputs);
  const nodes = perNode(ledger, overlay, changed);
  return { events, nodes, impact: impactOf(nodes), rv: ledger.state.rv, decisions };
}

/** The Pods the events left terminating with a deletionTimestamp they set or moved (a pod
 * already terminating before them is not theirs to finish). */
function gracefullyDeleted(live: ClusterState, events: readonly LogEvent[]): KubeObject[] {
  const pods = new Map<string, KubeObject | undefined>();
  for (const ev of events) {
    if (ev.kind !== 'Pod') continue;
    const stamp = ev.type === 'DELETED' ? undefined : ev.object.metadata.deletionTimestamp;
    const started = stamp !== undefined && stamp !== live.get('Pod', ev.namespace, ev.name)?.metadata.deletionTimestamp;
    pods.set(`${ev.namespace}/${ev.name}`, started ? ev.object : undefined);
  }
  return [...pods.values()].filter((p): p is KubeObject => p !== undefined);
}

/** The new value of every (table, scope, key) whose value would change (undefined = removed). */
function recomputeUnits(engine: ProjectionEngine, view: PreviewState, affected: Map<Projection, Set<string>>, inputs: Map<string, DerivedInputs>): Map<string, unknown> {
  const work = new Map<string, Claims>();
  const claimsFor = (id: string) => {
    let c = work.get(id);
    if (!c) work.set(id, (c = new Map(engine.claimsOn(id) ?? [])));
    return c;
  };
  for (const [p, units] of affected) {
    for (const unit of [...units].sort()) {
      const unitId = `${p.name}:${unit}`;
      const prev = engine.unitClaimsOf(unitId) ?? new Map<string, unknown>();
      const next = new Map<string, unknown>();
      for (const c of p.compute(unit, view, inputs.get(p.name))) next.set(claimId(c.table, c.scope, c.key), c.value);
      for (const [id, value] of next) {
        if (prev.has(id) && JSON.stringify(prev.get(id)) === JSON.stringify(value)) continue;
        claimsFor(id).set(unitId, value);
      }
      for (const id of prev.keys()) if (!next.has(id)) claimsFor(id).delete(unitId);
    }
  }
  const out = new Map<string, unknown>();
  for (const [id, claims] of work) {
    const { table, scope, key } = parseClaimId(id);
    let value: unknown;
    if (claims.size === 1) value = claims.values().next().value;
    else if (claims.size > 1) {
      const units = [...claims.keys()].sort();
      const projection = engine.projection(units[0]!.split(':')[0]!)!;
      if (!projection.merge) throw new Error(`units ${units.join(', ')} all claim ${table} ${key} and ${projection.name} has no merge`);
      value = projection.merge(table, key, units.map((u) => claims.get(u)));
    }
    const live = engine.tables[table].get(scope, key)?.encoded;
    const nextText = value === undefined ? undefined : JSON.stringify(value);
    if (live !== nextText) out.set(id, value);
  }
  return out;
}

/** Turns scoped changes into what each node would see: cluster changes reach every node that
 * does not override the key; node changes reach their node. New nodes see their whole table. */
function perNode(ledger: Ledger, overlay: PreviewState, changed: Map<string, unknown>): NodePreview[] {
  const engine = ledger.engine;
  const clusterKeys = new Map<TableName, Set<string>>(TABLE_NAMES.map((t) => [t, new Set()]));
  const ownKeys = new Map<string, Map<TableName, Set<string>>>();
  for (const id of changed.keys()) {
    const { table, scope, key } = parseClaimId(id);
    if (scope === '') clusterKeys.get(table)!.add(key);
    else {
      let m = ownKeys.get(scope);
      if (!m) ownKeys.set(scope, (m = new Map()));
      if (!m.has(table)) m.set(table, new Set());
      m.get(table)!.add(key);
    }
  }
  const after = (table: TableName, scope: string, key: string): string | undefined => {
    const id = claimId(table, scope, key);
    if (changed.has(id)) {
      const v = changed.get(id);
      return v === undefined ? undefined : JSON.stringify(v);
    }
    return engine.tables[table].get(scope, key)?.encoded;
  };
  const effectiveAfter = (table: TableName, node: string, key: string) => {
    const own = after(table, node, key);
    if (own !== undefined) return own === 'null' ? undefined : own;
    return after(table, '', key);
  };
  const liveNodes = ledger.state.nodes;
  const names = new Set([...liveNodes.keys(), ...overlay.nodes.keys()]);
  const out: NodePreview[] = [];
  for (const node of [...names].sort()) {
    const existedBefore = liveNodes.has(node);
    const existsAfter = overlay.nodes.has(node);
    const tables: NodePreview['tables'] = {};
    for (const table of TABLE_NAMES) {
      const set = engine.tables[table];
      let keys: Iterable<string>;
      if (existedBefore && existsAfter) keys = new Set([...clusterKeys.get(table)!, ...(ownKeys.get(node)?.get(table) ?? [])]);
      else keys = new Set([...set.clusterEntries().keys(), ...(set.nodeOverrides(node)?.keys() ?? []), ...clusterKeys.get(table)!, ...(ownKeys.get(node)?.get(table) ?? [])]);
      const from = new Map<string, string | undefined>();
      const to = new Map<string, string | undefined>();
      for (const key of keys) {
        from.set(key, existedBefore ? set.effective(node, key)?.encoded : undefined);
        to.set(key, existsAfter ? effectiveAfter(table, node, key) : undefined);
      }
      const d = entryDiff(from, to);
      if (d.added.length || d.removed.length || d.changed.length) tables[table] = d;
    }
    if (Object.keys(tables).length) out.push({ node, tables });
  }
  return out;
}

function impactOf(nodes: NodePreview[]): PreviewImpact {
  const impact: PreviewImpact = {};
  const keys = new Map<TableName, Set<string>>();
  for (const n of nodes) {
    for (const [t, d] of Object.entries(n.tables) as [TableName, EntryDiff][]) {
      const i = (impact[t] ??= { nodes: 0, keys: 0 });
      i.nodes++;
      let set = keys.get(t);
      if (!set) keys.set(t, (set = new Set()));
      for (const e of [...d.added, ...d.removed, ...d.changed]) set.add(e.key);
    }
  }
  for (const [t, set] of keys) impact[t]!.keys = set.size;
  return impact;
}

/**
 * The table impact of one write, for `?dryRun=All` responses (header X-Netledger-Preview):
 * per table, how many nodes and distinct keys would change. Call it before the dry run is
 * submitted (the live dry-run decide moves allocator cursors, which would shift allocations).
 */
export function previewImpact(ledger: Ledger, cmd: Command): PreviewImpact {
  return previewCommands(ledger, [cmd]).impact;
}

/**
 * A `?dryRun=All` write: decided, defaulted, validated and allocated exactly as the real write
 * would be, on a scratch state, so the live state (allocator cursors included) never moves.
 * Answers the object kube-apiserver would return and the table impact.
 */
export function dryRun(ledger: Ledger, cmd: Command): { decision: Decision; impact: PreviewImpact } {
  const outcome = previewCommands(ledger, [cmd]);
  const decision = outcome.decisions[0]!;
  // Nothing was persisted: a created object has no resourceVersion yet; an update keeps the stored one.
  const object = structuredClone(decision.object);
  if (object?.metadata) {
    if (decision.code === 201) delete object.metadata.resourceVersion;
    else if (cmd.op !== 'configure') {
      const live = ledger.state.get(cmd.kind, cmd.namespace, (cmd as { name?: string }).name ?? object.metadata.name ?? '');
      if (live) object.metadata.resourceVersion = live.metadata.resourceVersion;
    }
  }
  return { decision: { ...decision, events: [], object }, impact: outcome.impact };
}
