// metadata.managedFields: who owns which fields, kept on every write as kube-apiserver's field
// manager keeps it (structured-merge-diff's Updater behind k8s.io/apiserver's fieldmanager).
// An update (create, PUT, every patch but apply) gives its manager the fields it added or
// changed and takes them from everyone else. An apply merges the applied configuration, removes
// what its manager applied last time and no longer applies unless someone else owns it, and
// refuses (409) to change a field another manager owns unless forced.

import { deepEqual } from '../equal.js';
import type { Subresource } from '../commands.js';
import { errors, type FieldError } from '../errors.js';
import { FieldPath } from '../validation/path.js';
import { sortedDeep } from '../validation/gorepr.js';
import { fieldManagerErrors } from './manager-name.js';
import { KIND_INFO, type StoredKind } from '../kinds.js';
import type { KubeObject } from '../objects.js';
import { FieldSet, pathString } from './set.js';
import { typeOfKind } from './types.js';
import { compare, merge, removeItems, toFieldSet, withNamedFields, type Comparison } from './walk.js';

export interface ManagedFieldsEntry {
  manager?: string;
  operation: 'Apply' | 'Update';
  apiVersion?: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** Who writes, as the request names it (`?fieldManager=`, else the user agent's first word). */
export interface FieldManagerRequest {
  manager: string;
  /** RFC 3339, seconds. */
  time: string;
  subresource?: Subresource;
}

interface Manager {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  time?: string;
  set: FieldSet;
}

type Managers = Map<string, Manager>;

/** BuildManagerIdentifier: manager, operation, subresource, and for updates the apiVersion. */
function identifier(m: Pick<Manager, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  return JSON.stringify([m.manager, m.operation, m.operation === 'Update' ? m.apiVersion : '', m.subresource ?? '']);
}

/** The managers an object's entries name; undefined when any entry is not one (upstream then
 * falls back to the live object's, all or nothing). */
function decodeStrict(entries: unknown): Managers | undefined {
  const out: Managers = new Map();
  if (!Array.isArray(entries)) return out;
  for (const e of entries as Partial<ManagedFieldsEntry>[]) {
    if (!e || typeof e !== 'object' || (e.operation !== 'Apply' && e.operation !== 'Update')) return undefined;
    if (e.fieldsType !== undefined && e.fieldsType !== 'FieldsV1') return undefined;
    const m: Manager = { manager: e.manager ?? '', operation: e.operation, apiVersion: e.apiVersion ?? '', set: FieldSet.fromFieldsV1(e.fieldsV1) };
    if (e.subresource) m.subresource = e.subresource;
    if (e.time) m.time = e.time;
    out.set(identifier(m), m);
  }
  return out;
}

function decode(entries: unknown): Managers {
  return decodeStrict(entries) ?? new Map();
}

/**
 * A request's own entries, as kube-apiserver checks them: a manager name ValidateManagedFields
 * refuses is 422. (Their times were decoded with the rest of the object: normalizeTimes.)
 */
function checkRequestEntries(kind: StoredKind, obj: KubeObject, entries: Partial<ManagedFieldsEntry>[]): void {
  const info = KIND_INFO[kind];
  const problems: FieldError[] = [];
  entries.forEach((e, i) => {
    problems.push(...fieldManagerErrors(e.manager ?? '', FieldPath.of('metadata', 'managedFields').index(i).child('manager')));
  });
  if (problems.length) throw errors.invalid(kind, info.group, obj.metadata.name ?? '', problems);
}

/** isResetManagedFields: `[]` or `[{}]` asks for no managers at all. */
function isReset(entries: unknown): boolean {
  if (!Array.isArray(entries)) return false;
  if (entries.length === 0) return true;
  return entries.length === 1 && entries[0] !== null && typeof entries[0] === 'object' && Object.keys(entries[0]).length === 0;
}

/** capManagersManager: at most this many `Update` entries; the oldest are merged into one
 * `ancient-changes` entry per apiVersion. */
const MAX_UPDATE_MANAGERS = 10;
const ANCIENT_CHANGES = 'ancient-changes';

function capUpdateManagers(managers: Managers): void {
  const updaters = [...managers].filter(([, m]) => m.operation === 'Update');
  if (updaters.length <= MAX_UPDATE_MANAGERS) return;
  updaters.sort(([ia, a], [ib, b]) => cmp(a.time ?? '', b.time ?? '') || cmp(ia, ib));
  const firstOfVersion = new Map<string, string>();
  let length = updaters.length;
  for (const [id, m] of updaters) {
    if (length <= MAX_UPDATE_MANAGERS) break;
    const first = firstOfVersion.get(m.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(m.apiVersion, id);
      continue;
    }
    const bucketId = identifier({ manager: ANCIENT_CHANGES, operation: 'Update', apiVersion: m.apiVersion });
    let bucket = managers.get(bucketId);
    if (!bucket) {
      bucket = { ...managers.get(first)!, manager: ANCIENT_CHANGES };
      delete bucket.subresource;
      managers.delete(first);
      managers.set(bucketId, bucket);
    }
    bucket.set = m.set.union(bucket.set);
    // The bucket takes the time of the newer update merged into it.
    if (m.time) bucket.time = m.time;
    managers.delete(id);
    length--;
  }
}

/** Encoded in upstream's order: Apply before Update, then by time, manager, apiVersion. */
function encode(managers: Managers): ManagedFieldsEntry[] {
  capUpdateManagers(managers);
  const entries = [...managers.values()].filter((m) => !m.set.isEmpty());
  entries.sort(
    (p, q) =>
      cmp(p.operation, q.operation) || cmp(p.time ?? '', q.time ?? '') || cmp(p.manager, q.manager) || cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource ?? '', q.subresource ?? ''),
  );
  // Go's field order: manager, operation, apiVersion, time, fieldsType, fieldsV1, subresource.
  return entries.map((m) => ({
    // omitempty, as Go encodes it
    ...(m.manager ? { manager: m.manager } : {}),
    operation: m.operation,
    apiVersion: m.apiVersion,
    ...(m.time ? { time: m.time } : {}),
    fieldsType: 'FieldsV1' as const,
    fieldsV1: interned(m.set.toFieldsV1()),
    ...(m.subresource ? { subresource: m.subresource } : {}),
  }));
}

/**
 * One object for each distinct FieldsV1 value: objects written the same way by the same client
 * own the same fields (100,000 pods of bench scale, a handful of shapes), and as separate nested
 * objects those sets made the heap, and so every scavenge, larger. Shared values are safe, as
 * stored objects are never changed in place; their decoded sets are shared with them
 * (FieldSet.fromFieldsV1). Bounded; the oldest shape goes first.
 */
const INTERNED_MAX = 10_000;
const internedFieldsV1 = new Map<string, Record<string, unknown>>();

const internedObjects = new WeakSet<object>();

function interned(json: Record<string, unknown>): Record<string, unknown> {
  if (internedObjects.has(json)) return json;
  const key = JSON.stringify(json);
  const hit = internedFieldsV1.get(key);
  if (hit) return hit;
  if (internedFieldsV1.size >= INTERNED_MAX) internedFieldsV1.delete(internedFieldsV1.keys().next().value!);
  internedFieldsV1.set(key, json);
  internedObjects.add(json);
  return json;
}

/** Points an object's managedFields at the shared FieldsV1 values (for objects read back from
 * the store, which JSON.parse gave one copy each). Changes `obj`: call it before the object is
 * shared. */
export function shareFieldsV1(obj: KubeObject): void {
  const entries = obj.metadata?.managedFields;
  if (!Array.isArray(entries)) return;
  for (const e of entries as Partial<ManagedFieldsEntry>[]) {
    if (e && typeof e === 'object' && e.fieldsV1 && typeof e.fieldsV1 === 'object') e.fieldsV1 = interned(e.fieldsV1);
  }
}

const isEmptyMap = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** stripMeta: metadata no manager owns (identity and bookkeeping the server sets). */
const STRIPPED_METADATA = new Set(['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']);

/**
 * What of an object a manager can own, for the walks: not apiVersion and kind, not the stripped
 * metadata (stripMeta), and the strategy's reset fields left out: the main resource does not own
 * status, the status subresource does not own spec (its metadata changes are its own, as
 * upstream's status strategies keep them). Cutting them from the objects costs less than
 * cutting them from every field set afterwards.
 */
function ownable(obj: Record<string, unknown>, kind: StoredKind, subresource: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const reset = subresource === 'status' ? 'spec' : KIND_INFO[kind].statusSubresource ? 'status' : undefined;
  for (const k in obj) {
    if (k === 'apiVersion' || k === 'kind' || k === reset) continue;
    out[k] = obj[k];
  }
  const meta = obj.metadata;
  if (meta !== null && typeof meta === 'object' && !Array.isArray(meta)) {
    const kept: Record<string, unknown> = {};
    for (const k in meta as Record<string, unknown>) if (!STRIPPED_METADATA.has(k)) kept[k] = (meta as Record<string, unknown>)[k];
    out.metadata = kept;
  }
  return out;
}

/** What a create compares against: the kind's zero value as Go encodes it. Its top-level
 * structs exist, and so do lists without omitempty (null), so that a create does not own them
 * as such (kubectl-create's `f:containers` has no "." upstream). */
function zeroObject(kind: StoredKind): Record<string, unknown> {
  if (kind === 'Pod') return { metadata: {}, spec: { containers: null }, status: {} };
  if (kind === 'EndpointSlice') return { metadata: {}, endpoints: null };
  return KIND_INFO[kind].statusSubresource ? { metadata: {}, spec: {}, status: {} } : { metadata: {} };
}

function apiVersionOf(kind: StoredKind): string {
  return KIND_INFO[kind].apiVersion;
}

/** Fields other managers own that an apply would change: merge.Conflicts. */
class Conflicts extends Error {
  constructor(readonly conflicts: { m: Manager; path: string[] }[]) {
    super('conflicts');
  }
}

/** Updater.update: conflicts with the other managers (thrown as Conflicts unless forced), then
 * takes the changed fields from them, and the removed ones. */
function takeFromOthers(managers: Managers, self: string, c: Comparison, force: boolean): void {
  const changed = c.modified.union(c.added);
  const conflicts: [Manager, FieldSet][] = [];
  for (const [id, m] of managers) {
    if (id === self) continue;
    const conflict = m.set.intersection(changed);
    if (!conflict.isEmpty()) conflicts.push([m, conflict]);
  }
  if (!force && conflicts.length) throw new Conflicts(conflicts.flatMap(([m, set]) => [...set.paths()].map((path) => ({ m, path }))));
  for (const [m, conflict] of conflicts) m.set = m.set.difference(conflict);
  if (!c.removed.isEmpty()) {
    for (const [id, m] of managers) if (id !== self && !m.set.intersection(c.removed).isEmpty()) m.set = m.set.difference(c.removed);
  }
  for (const [id, m] of managers) if (m.set.isEmpty()) managers.delete(id);
}

/** internal.NewConflictError: one cause per conflicting field. */
function conflictError(list: { m: Manager; path: string[] }[]): Error {
  const named = (m: Manager) => {
    let s = JSON.stringify(m.manager);
    if (m.subresource) s += ` with subresource ${JSON.stringify(m.subresource)}`;
    return m.operation === 'Update' ? `${s} using ${m.apiVersion}` : s;
  };
  const all = list.map(({ m, path }) => ({ m, path: pathString(path) }));
  const causes = all.map(({ m, path }) => ({ reason: 'FieldManagerConflict', message: `conflict with ${named(m)}`, field: path }));
  if (all.length === 1) return errors.applyConflict(`Apply failed with 1 conflict: conflict with ${named(all[0]!.m)}: ${all[0]!.path}`, causes);
  const byManager = new Map<string, string[]>();
  for (const { m, path } of all) byManager.set(named(m), [...(byManager.get(named(m)) ?? []), path]);
  const lines = [...byManager.keys()].sort().flatMap((who) => [`conflicts with ${who}:`, ...byManager.get(who)!.map((p) => `- ${p}`)]);
  return errors.applyConflict(`Apply failed with ${all.length} conflicts: ${lines.join('\n')}`, causes);
}

const BEFORE_FIRST_APPLY = 'before-first-apply';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * lastAppliedUpdater: `kubectl apply --server-side` on an object that carries a client-side
 * apply's annotation rewrites it to the configuration just applied, so that a later client-side
 * apply merges against what was really applied last (encoded as Go encodes the unstructured
 * object: keys sorted, HTML characters escaped, a newline at the end).
 */
function withLastApplied(obj: KubeObject, config: Record<string, unknown>, manager: string): KubeObject {
  if (manager !== 'kubectl' || !obj.metadata.annotations?.[LAST_APPLIED]) return obj;
  const meta = (config.metadata ?? {}) as Record<string, unknown>;
  const annotations = meta.annotations as Record<string, unknown> | undefined;
  let applied = config;
  if (annotations && typeof annotations === 'object') {
    const { [LAST_APPLIED]: _, ...rest } = annotations;
    applied = { ...config, metadata: { ...meta, annotations: rest } };
  }
  obj.metadata.annotations = { ...obj.metadata.annotations, [LAST_APPLIED]: `${goJson(applied)}\n` };
  return obj;
}

/** encoding/json of an unstructured value: map keys sorted, <, > and & escaped. */
function goJson(v: unknown): string {
  return JSON.stringify(sortedDeep(v)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * lastAppliedManager: the fields a client-side apply's last-applied-configuration still says
 * (where the live object holds the same value). `kubectl apply --server-side` may take those
 * from their owner without --force-conflicts, so that moving from client-side to server-side
 * apply does not conflict with kubectl-client-side-apply.
 */
function allowedFromLastApplied(kind: StoredKind, live: KubeObject): FieldSet | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (lastApplied === null || typeof lastApplied !== 'object' || Array.isArray(lastApplied)) return undefined;
  const type = typeOfKind(kind);
  const c = compare(lastApplied, withoutManagedFields(live), type);
  return toFieldSet(lastApplied, type).difference(c.modified).difference(c.added).difference(c.removed);
}

/**
 * The managedFields after an update by `req.manager` from `live` (undefined on create) to
 * `next`. The managers start from those `next` carries when it carries any (a client may set
 * them), else from the live object's.
 */
export function managedFieldsAfterUpdate(kind: StoredKind, live: KubeObject | undefined, next: KubeObject, req: FieldManagerRequest): ManagedFieldsEntry[] {
  const given = next.metadata?.managedFields;
  if (isReset(given)) return [];
  const fromRequest = Array.isArray(given) && given.length > 0 && !req.subresource ? decodeStrict(given) : undefined;
  if (fromRequest && fromRequest.size > 0) checkRequestEntries(kind, next, given as Partial<ManagedFieldsEntry>[]);
  const managers = fromRequest && fromRequest.size > 0 ? fromRequest : decode(live?.metadata.managedFields);
  // skipNonAppliedManager: an object that has no managers (never applied to, or reset) is not
  // tracked by updates; its next apply gives what it holds to before-first-apply.
  if (live && managers.size === 0) return [];
  const type = typeOfKind(kind);
  const comparison = compare(ownable(live ?? zeroObject(kind), kind, req.subresource), ownable(next, kind, req.subresource), type);
  takeFromOthers(managers, '', comparison, true);
  const mine = comparison.modified.union(comparison.added).difference(comparison.removed);
  if (!mine.isEmpty()) {
    const me: Manager = { manager: req.manager, operation: 'Update', apiVersion: apiVersionOf(kind), set: mine, time: req.time };
    if (req.subresource) me.subresource = req.subresource;
    const id = identifier(me);
    const previous = managers.get(id);
    if (previous) me.set = previous.set.union(mine);
    managers.set(id, me);
  }
  return encode(managers);
}

function withoutManagedFields(obj: KubeObject): Record<string, unknown> {
  const { managedFields: _, ...metadata } = obj.metadata ?? {};
  return { ...obj, metadata };
}

/**
 * Server-side apply of `config` by `req.manager` to `live` (undefined: the object is created):
 * the merged object, carrying its new managedFields. Throws a 409 Status on conflicts unless
 * `force`.
 */
export function serverSideApply(kind: StoredKind, live: KubeObject | undefined, config: Record<string, unknown>, req: FieldManagerRequest & { force: boolean }): KubeObject {
  try {
    return withLastApplied(applyOnce(kind, live, config, req), config, req.manager);
  } catch (e) {
    if (!(e instanceof Conflicts)) throw e;
    // Only kubectl's own server-side apply upgrades from its client-side apply (upstream: a
    // different field manager opts out).
    const allowed = req.manager === 'kubectl' && live ? allowedFromLastApplied(kind, live) : undefined;
    const left = allowed ? e.conflicts.filter((c) => !allowed.has(c.path)) : e.conflicts;
    if (allowed && left.length === 0) return withLastApplied(applyOnce(kind, live, config, { ...req, force: true }), config, req.manager);
    throw conflictError(left);
  }
}

function applyOnce(kind: StoredKind, live: KubeObject | undefined, config: Record<string, unknown>, req: FieldManagerRequest & { force: boolean }): KubeObject {
  const type = typeOfKind(kind);
  let managers = decode(live?.metadata.managedFields);
  if (live && managers.size === 0) {
    // skipNonAppliedManager.Apply: what the object holds before its first apply is owned by
    // before-first-apply, so that the apply conflicts where it would change it.
    managers = decode(managedFieldsAfterUpdate(kind, undefined, withoutManagedFields(live) as KubeObject, { manager: BEFORE_FIRST_APPLY, time: req.time }));
  }
  const before = live ? withoutManagedFields(live) : zeroObject(kind);
  let merged = merge(before, config, type) as Record<string, unknown>;
  const applied = toFieldSet(config, type);
  const me: Manager = { manager: req.manager, operation: 'Apply', apiVersion: String(config.apiVersion ?? apiVersionOf(kind)), set: toFieldSet(ownable(config, kind, req.subresource), type) };
  if (req.subresource) me.subresource = req.subresource;
  const id = identifier(me);
  const last = managers.get(id);
  if (last?.time) me.time = last.time;
  managers.set(id, me);
  if (last && !last.set.isEmpty()) merged = prune(merged, [applied, ...[...managers.values()].map((m) => m.set)], last.set, type);
  takeFromOthers(managers, id, compare(ownable(before, kind, req.subresource), ownable(merged, kind, req.subresource), type), req.force);
  // The time moves when the apply changed the object or this manager's fields.
  // (The sets compared as sets, without encoding either.)
  if (!deepEqual(before, merged) || !last || !last.set.isSubsetOf(me.set) || !me.set.isSubsetOf(last.set)) me.time = req.time;
  // Created by the apply: the zero value's empty structs are not the object's.
  if (!live) for (const k of Object.keys(before)) if (config[k] === undefined && isEmptyMap(merged[k])) delete merged[k];
  if (me.set.isEmpty()) managers.delete(id);
  const out = merged as unknown as KubeObject;
  out.metadata ??= {};
  const entries = encode(managers);
  if (entries.length) out.metadata.managedFields = entries;
  else delete out.metadata.managedFields;
  return out;
}

/** Updater.prune: what the manager applied last time and no longer applies goes, unless some
 * manager (itself, by what it applies now, included) still owns it. Declared struct fields on
 * the way count as owned by whoever owns something under them, so an emptied struct goes too;
 * the applied set is taken before the identity fields are stripped from it, so that metadata
 * itself is always owned. */
function prune(merged: Record<string, unknown>, sets: FieldSet[], last: FieldSet, type: ReturnType<typeof typeOfKind>): Record<string, unknown> {
  let owners = new FieldSet();
  for (const s of sets) owners = owners.union(s);
  const gone = withNamedFields(last, type).difference(withNamedFields(owners, type));
  return removeItems(merged, gone, type) as Record<string, unknown>;
}
