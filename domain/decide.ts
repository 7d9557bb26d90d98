// decide(state, command) -> events | StatusError. Pure: everything time-, identity- or
// actor-dependent arrives on the command. Nothing here touches the state; `execute` (execute.ts)
// folds the decided events in and runs the reactors.

import { hash } from 'node:crypto';
import type { Command, DeleteOptions, Subresource } from './commands.js';
import { CONFIG_KIND, KIND_INFO, objectKey, type StoredKind } from './kinds.js';
import type { EventType } from './events.js';
import { errors, type FieldError } from './errors.js';
import type { KubeObject, Namespace, Node, Pod, Service } from './objects.js';
import type { ClusterState } from './state.js';
import { applyDefaults } from './defaults.js';
import { normalizeTimes } from './schemas/times.js';
import { checkTypes, unknownFieldWarning } from './schemas/check-types.js';
import { FieldPath, invalid } from './validation/path.js';
import { goPlainValue, sortedDeep } from './validation/gorepr.js';
import { convertPodIPs } from './pod-ips.js';
import { podQOSClass } from './qos.js';
import { admitPod } from './pod-admission.js';
import { allocateNodeCIDRs, allocateNodePorts, allocatePodIPs, allocateServiceIPs } from './allocate.js';
import { prepareServiceForCreate, prepareServiceForUpdate, validateObject, validateStatusUpdate, validateUpdate } from './validation/index.js';
import { applyPatch } from './patch-dispatch.js';
import { jsonPatchOpsDecodeError } from './patch/index.js';
import { pointerToken } from './patch/json.js';
import { validateNamespaceFinalizeUpdate } from './validation/namespace.js';
import { clone } from './clone.js';
import { deepEqual } from './equal.js';
import { setGeneration } from './generation.js';
import { managedFieldsAfterUpdate } from './fields/managers.js';
import { generatedName } from './generate-name.js';

/** An event before its rv is known (rvs are assigned as events are folded in, in order). */
export interface PendingEvent {
  kind: string;
  namespace: string;
  name: string;
  type: EventType;
  object: KubeObject;
  actor: string;
  cause: number | null;
}

export interface PendingDecision {
  events: PendingEvent[];
  /** Index into events of the object the response carries; -1 = `object` below. */
  responseIndex: number;
  object?: KubeObject;
  code: 200 | 201;
  warnings?: string[];
}

export function decide(state: ClusterState, cmd: Command): PendingDecision {
  switch (cmd.op) {
    case 'create':
      return create(state, cmd.kind, cmd.namespace, clone(cmd.object), cmd);
    case 'update':
      return update(state, cmd.kind, cmd.namespace, cmd.name, clone(cmd.object), cmd.subresource, cmd);
    case 'patch':
      return patch(state, cmd);
    case 'delete':
      return remove(state, cmd.kind, cmd.namespace, cmd.name, cmd.options, cmd);
    case 'finalizeDelete': {
      const current = state.get(cmd.kind, cmd.namespace, cmd.name);
      if (!current || current.metadata.uid !== cmd.uid || !current.metadata.deletionTimestamp) {
        return { events: [], responseIndex: -1, object: current ?? { metadata: {} }, code: 200 };
      }
      // The grace period is over; finalizers still hold it: it stays, with no grace left.
      if (holdsFinalizers(current)) {
        if (current.metadata.deletionGracePeriodSeconds === 0) return { events: [], responseIndex: -1, object: current, code: 200 };
        const held = clone(current);
        held.metadata.deletionGracePeriodSeconds = 0;
        return { events: [{ kind: cmd.kind, namespace: cmd.namespace, name: cmd.name, type: 'MODIFIED', object: held, actor: cmd.actor, cause: null }], responseIndex: 0, code: 200 };
      }
      return { events: [deleted(cmd.kind, current, cmd.actor, null)], responseIndex: 0, code: 200 };
    }
    case 'bind':
      return bind(state, cmd);
    case 'configure': {
      // The first event of every log records the settings, even the defaults: replay and the
      // tables' base entries start from it.
      if (state.rv > 0 && deepEqual(state.config, cmd.config)) return { events: [], responseIndex: -1, object: configObject(cmd.config), code: 200 };
      const type: EventType = state.rv === 0 ? 'ADDED' : 'MODIFIED';
      return {
        events: [{ kind: CONFIG_KIND, namespace: '', name: 'cluster', type, object: configObject(cmd.config), actor: cmd.actor, cause: null }],
        responseIndex: 0,
        code: 200,
      };
    }
  }
}

function configObject(config: unknown): KubeObject {
  return { apiVersion: 'netledger.io/v1', kind: CONFIG_KIND, metadata: { name: 'cluster' }, spec: clone(config) };
}

// ---- create ----

function create(state: ClusterState, kind: StoredKind, namespace: string, obj: KubeObject, cmd: Command): PendingDecision {
  const info = KIND_INFO[kind];
  obj.metadata ??= {};
  obj.apiVersion = info.apiVersion;
  obj.kind = kind;
  asDecoded(kind, obj);
  if (info.namespaced) obj.metadata.namespace = namespace;
  else delete obj.metadata.namespace;
  if (!obj.metadata.name && obj.metadata.generateName) {
    obj.metadata.name = generatedName(obj.metadata.generateName, cmd.newUid);
  }
  const name = obj.metadata.name ?? '';
  if (obj.metadata.resourceVersion) {
    throw errors.badRequest('resourceVersion should not be set on objects to be created');
  }
  // NamespaceLifecycle admission (before the store's own checks): nothing new goes into a
  // namespace being deleted; the cause tells controllers (client-go's event sink) to stop retrying.
  if (info.namespaced && state.namespaces.get(namespace)?.metadata.deletionTimestamp) {
    const e = errors.forbiddenObject(info.resource, info.group, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
    e.status.details!.causes = [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }];
    throw e;
  }
  if (name && state.get(kind, namespace, name)) throw errors.alreadyExists(info.resource, info.group, name);

  // Status is the server's on create, except a Node's (kubelet registers with its status).
  if (kind === 'Pod' || kind === 'Service' || kind === 'Namespace') delete obj.status;
  applyDefaults(kind, obj);
  recordManager(cmd, kind, undefined, obj, undefined);
  // The strategy's PrepareForCreate: what is stored is what was validated.
  if (kind === 'Service') prepareServiceForCreate(obj as Service);
  if (kind === 'Pod') admitPod(obj as Pod, undefined);
  const ctx = validationContext(state);
  const invalid = validateObject(kind, obj, ctx);
  if (invalid.length) throw errors.invalid(kind, info.group, name, invalid);

  const allocErrors = allocate(state, kind, obj, objectKey(namespace, name), undefined);
  if (allocErrors.length) throw errors.invalid(kind, info.group, name, allocErrors);

  obj.metadata.uid = cmd.newUid;
  obj.metadata.creationTimestamp = seconds(cmd.time);
  // rest.BeforeCreate: nothing is created already being deleted.
  delete obj.metadata.deletionTimestamp;
  delete obj.metadata.deletionGracePeriodSeconds;
  setGeneration(kind, obj, undefined);
  if (kind === 'Pod') (obj as Pod).status = { phase: 'Pending', ...podStatusFromAllocation(obj as Pod), qosClass: podQOSClass(obj as Pod) };
  if (kind === 'Service') (obj as Service).status = { loadBalancer: {} };
  if (kind === 'Namespace') {
    obj.status = { phase: 'Active' };
    // namespaceStrategy.PrepareForCreate: the namespace controller's finalizer, always.
    const spec = ((obj as Namespace).spec ??= {});
    const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers : [];
    if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
  }

  const events: PendingEvent[] = [];
  if (info.namespaced && !state.namespaces.has(namespace)) events.push(implicitNamespace(namespace, cmd));
  events.push({ kind, namespace, name, type: 'ADDED', object: obj, actor: cmd.actor, cause: null });
  return { events, responseIndex: events.length - 1, code: 201 };
}

/** Namespaces come into being on first use, as the API contract promises. */
function implicitNamespace(namespace: string, cmd: Command): PendingEvent {
  const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace }, spec: { finalizers: ['kubernetes'] } };
  applyDefaults('Namespace', ns);
  ns.metadata.uid = derivedUid(`${cmd.newUid}/namespace/${namespace}`);
  ns.metadata.creationTimestamp = seconds(cmd.time);
  ns.status = { phase: 'Active' };
  return { kind: 'Namespace', namespace: '', name: namespace, type: 'ADDED', object: ns, actor: cmd.actor, cause: null };
}

function podStatusFromAllocation(pod: Pod): Record<string, unknown> {
  const s = pod.status ?? {};
  const out: Record<string, unknown> = {};
  if (s.hostIP) out.hostIP = s.hostIP;
  if (s.hostIPs) out.hostIPs = s.hostIPs;
  if (s.podIP) out.podIP = s.podIP;
  if (s.podIPs) out.podIPs = s.podIPs;
  return out;
}

function allocate(state: ClusterState, kind: StoredKind, obj: KubeObject, key: string, old: KubeObject | undefined): FieldError[] {
  switch (kind) {
    case 'Service': {
      const errs = allocateServiceIPs(state, obj as Service, key, old as Service | undefined);
      return errs.length ? errs : allocateNodePorts(state.config, state, obj as Service, key, old as Service | undefined);
    }
    case 'Node':
      return allocateNodeCIDRs(state, obj as Node, key, old as Node | undefined);
    case 'Pod': {
      // Pod IPs live in status; on create status is the server's, so start from nothing.
      if (!old) (obj as Pod).status = {};
      return allocatePodIPs(state, obj as Pod, key, old as Pod | undefined);
    }
    default:
      return [];
  }
}

function keepNamespaceFinalizers(next: Namespace, old: Namespace): void {
  const finalizers = old.spec?.finalizers;
  if (finalizers === undefined) {
    if (next.spec) delete next.spec.finalizers;
  } else next.spec = { ...next.spec, finalizers: clone(finalizers) };
}

// ---- pods/binding ----

/**
 * BindingREST.setPodNodeAndMetadata: the pod gets its node, the binding's annotations and the
 * PodScheduled condition, straight in storage (no field manager, no update validation), and then
 * its IPs from the node's pod CIDR as netledger's IPAM gives them. The answer is a 201 Success
 * Status. Why a pod cannot be bound is a Conflict on pods/binding, as assignPod reports it.
 */
function bind(state: ClusterState, cmd: Extract<Command, { op: 'bind' }>): PendingDecision {
  const { namespace, name } = cmd;
  const current = state.get('Pod', namespace, name) as Pod | undefined;
  if (!current) throw errors.notFound('pods', '', name);
  const pre = cmd.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw errors.conflict('pods', '', name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw errors.conflict('pods', '', name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
  }
  const refuse = (why: string) => errors.conflict('pods/binding', '', name, why);
  if (current.metadata.deletionTimestamp) throw refuse(`pod ${name} is being deleted, cannot be assigned to a host`);
  if (current.spec?.nodeName) throw refuse(`pod ${name} is already assigned to node "${current.spec.nodeName}"`);
  if (((current.spec as { schedulingGates?: unknown[] } | undefined)?.schedulingGates ?? []).length) throw refuse(`pod ${name} has non-empty .spec.schedulingGates`);

  const pod = clone(current);
  pod.spec = { ...pod.spec!, nodeName: cmd.node };
  if (cmd.annotations && Object.keys(cmd.annotations).length) pod.metadata.annotations = { ...pod.metadata.annotations, ...cmd.annotations };
  // podutil.UpdatePodCondition: PodScheduled True, its transition time kept if it was True already.
  const status = (pod.status ??= {});
  const conditions = [...(status.conditions ?? [])];
  const at = conditions.findIndex((c) => c.type === 'PodScheduled');
  const was = at >= 0 ? conditions[at] : undefined;
  const scheduled = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: was?.status === 'True' && was.lastTransitionTime ? was.lastTransitionTime : seconds(cmd.time) };
  if (at >= 0) conditions[at] = scheduled as (typeof conditions)[number];
  else conditions.push(scheduled as (typeof conditions)[number]);
  status.conditions = conditions;
  const allocErrors = allocate(state, 'Pod', pod, objectKey(namespace, name), current);
  if (allocErrors.length) throw errors.invalid('Pod', '', name, allocErrors);
  return {
    events: [{ kind: 'Pod', namespace, name, type: 'MODIFIED', object: pod, actor: cmd.actor, cause: null }],
    responseIndex: -1,
    object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } as unknown as KubeObject,
    code: 201,
  };
}

// ---- update (PUT) ----

function update(
  state: ClusterState,
  kind: StoredKind,
  namespace: string,
  name: string,
  obj: KubeObject,
  subresource: Subresource | undefined,
  cmd: Command,
): PendingDecision {
  const info = KIND_INFO[kind];
  obj.metadata ??= {};
  asDecoded(kind, obj);
  // As kube-apiserver's update handler: an object without a name does not match the URL either.
  if (obj.metadata.name !== name) {
    throw errors.badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`);
  }
  const old = state.get(kind, namespace, name);
  if (!old) {
    if (info.createOnUpdate && !subresource) {
      delete obj.metadata.resourceVersion;
      return create(state, kind, namespace, obj, cmd);
    }
    throw errors.notFound(info.resource, info.group, name);
  }
  // A uid in the body is a precondition (upstream: defaultUpdatedObjectInfo.Preconditions, checked
  // before the resourceVersion): a replace from a copy of a deleted and recreated object fails.
  if (obj.metadata.uid && obj.metadata.uid !== old.metadata.uid) {
    throw errors.conflict(info.resource, info.group, name, `Precondition failed: UID in precondition: ${obj.metadata.uid}, UID in object meta: ${old.metadata.uid ?? ''}`);
  }
  const wantRv = obj.metadata.resourceVersion;
  if (wantRv && wantRv !== old.metadata.resourceVersion) {
    throw errors.conflict(info.resource, info.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }
  if (!wantRv && !info.unconditionalUpdate) {
    throw errors.invalid(kind, info.group, name, [
      { type: 'FieldValueInvalid', field: 'metadata.resourceVersion', message: 'Invalid value: 0x0: must be specified for an update' },
    ]);
  }
  obj.apiVersion = info.apiVersion;
  obj.kind = kind;
  if (info.namespaced) obj.metadata.namespace = namespace;

  const next = obj;
  keepSystemMetadata(next, old);
  if (subresource === 'status') {
    prepareForStatusUpdate(kind, next, old);
    // Defaults apply to every decoded request, status writes too (an ingress IP's ipMode).
    applyDefaults(kind, next);
    recordManager(cmd, kind, old, next, subresource);
  } else {
    // Status belongs to the status subresource.
    if (info.statusSubresource && old.status !== undefined) next.status = clone(old.status);
    else if (info.statusSubresource) delete next.status;
    applyDefaults(kind, next);
    recordManager(cmd, kind, old, next, subresource);
    // The strategy's PrepareForUpdate (type-dependent fields dropped when the type changes, what
    // was allocated kept): stored as validated, or a NodePort turned ClusterIP keeps its
    // externalTrafficPolicy and every later update of it is refused.
    if (kind === 'Service') prepareServiceForUpdate(next as Service, old as Service);
    if (kind === 'Pod') admitPod(next as Pod, old as Pod);
    // namespaceStrategy.PrepareForUpdate: its finalizers change only through namespaces/finalize
    // (namespaceFinalizeStrategy keeps the status alone).
    if (kind === 'Namespace' && subresource !== 'finalize') keepNamespaceFinalizers(next as Namespace, old as Namespace);
  }
  next.metadata.resourceVersion = old.metadata.resourceVersion;

  const ctx = validationContext(state);
  const invalid =
    subresource === 'status'
      ? validateStatusUpdate(kind, next, old, ctx)
      : subresource === 'finalize'
        ? validateNamespaceFinalizeUpdate(next as Namespace, old as Namespace)
        : validateUpdate(kind, next, old, ctx);
  if (invalid.length) throw errors.invalid(kind, info.group, name, invalid);
  const allocErrors = subresource === 'status' && kind !== 'Pod' ? [] : allocate(state, kind, next, objectKey(namespace, name), old);
  if (allocErrors.length) throw errors.invalid(kind, info.group, name, allocErrors);

  setGeneration(kind, next, old);
  // An update that changes nothing writes nothing (etcd3 store's GuaranteedUpdate short-circuit).
  if (deepEqual(next, old)) return { events: [], responseIndex: -1, object: old, code: 200 };
  // The last finalizer taken off an object being deleted, its grace period over: the update
  // deletes it (the registry store's deleteWithoutFinalizers).
  const type = deletedByUpdate(kind, next) ? 'DELETED' : 'MODIFIED';
  return { events: [{ kind, namespace, name, type, object: next, actor: cmd.actor, cause: null }], responseIndex: 0, code: 200 };
}

/** Whether an update that leaves the object so deletes it: being deleted, no finalizers left and
 * no grace period (the registry store's deleteWithoutFinalizers); a namespace also needs its
 * spec.finalizers gone (ShouldDeleteNamespaceDuringUpdate), which the namespace controller
 * takes off once it is empty. */
function deletedByUpdate(kind: StoredKind, next: KubeObject): boolean {
  if (!next.metadata.deletionTimestamp || holdsFinalizers(next) || (next.metadata.deletionGracePeriodSeconds ?? 0) !== 0) return false;
  return kind !== 'Namespace' || !(next as Namespace).spec?.finalizers?.length;
}

/** rest.BeforeUpdate: identity is the server's, and an update can never remove or change a
 * deletion timestamp, nor remove a grace period. Setting either on a live object, or changing the
 * grace period, is left for validation to refuse (ValidateObjectMetaUpdate: field is immutable). */
function keepSystemMetadata(next: KubeObject, old: KubeObject): void {
  next.metadata.uid = old.metadata.uid;
  // BeforeUpdate: "Ensure requests cannot update generation" (setGeneration then moves it for
  // the kinds whose strategy keeps one).
  if (old.metadata.generation !== undefined) next.metadata.generation = old.metadata.generation;
  else delete next.metadata.generation;
  next.metadata.creationTimestamp = old.metadata.creationTimestamp;
  if (old.metadata.deletionTimestamp) next.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
  if (old.metadata.deletionGracePeriodSeconds !== undefined && next.metadata.deletionGracePeriodSeconds === undefined) {
    next.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
  }
}

/**
 * The status strategies' PrepareForUpdate: the spec stays as stored, while status and metadata
 * are the request's (a status write may change labels and annotations, as a kubelet's does). A
 * pod also keeps its owner references (old kubelets corrupted them) and, when the request drops
 * it, its QoS class.
 */
function prepareForStatusUpdate(kind: StoredKind, next: KubeObject, old: KubeObject): void {
  const spec = (old as { spec?: unknown }).spec;
  if (spec === undefined) delete (next as { spec?: unknown }).spec;
  else (next as { spec?: unknown }).spec = clone(spec);
  next.status ??= {};
  if (kind !== 'Pod') return;
  if (old.metadata.ownerReferences) next.metadata.ownerReferences = old.metadata.ownerReferences;
  else delete next.metadata.ownerReferences;
  const status = next.status as { qosClass?: string };
  const oldQos = (old.status as { qosClass?: string } | undefined)?.qosClass;
  if (!status.qosClass && oldQos) status.qosClass = oldQos;
}

/** Finalizers hold an object's deletion until the controllers behind them take them off. */
export function holdsFinalizers(obj: KubeObject): boolean {
  return (obj.metadata.finalizers?.length ?? 0) > 0;
}

/** What deleting an object (grace 0) writes: its DELETED event, or, while finalizers hold it, its
 * mark (MODIFIED) the first time and nothing after. A delete request, a namespace's deletion and
 * the pod GC all delete this way. */
export function removal(kind: string, obj: KubeObject, actor: string, cause: number | null, time: string): PendingEvent[] {
  if (!holdsFinalizers(obj)) return [deleted(kind, obj, actor, cause)];
  if (obj.metadata.deletionTimestamp) return [];
  return [{ kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name!, type: 'MODIFIED', object: markedForDeletion(obj, time), actor, cause }];
}

/** An object marked for deletion: deletionTimestamp (now, or when its grace period ends) and the
 * grace period; it stays until its finalizers are gone. */
function markedForDeletion(obj: KubeObject, time: string, grace = 0): KubeObject {
  const next = clone(obj);
  next.metadata.deletionTimestamp = seconds(new Date(Date.parse(time) + grace * 1000).toISOString());
  next.metadata.deletionGracePeriodSeconds = grace;
  return next;
}

// ---- patch ----

function patch(state: ClusterState, cmd: Extract<Command, { op: 'patch' }>): PendingDecision {
  const info = KIND_INFO[cmd.kind];
  const old = state.get(cmd.kind, cmd.namespace, cmd.name);
  if (!old) {
    if (cmd.patchType === 'apply' && !cmd.subresource) {
      const obj = applyPatch('apply', undefined, cmd.patch, cmd.kind, applyOptions(cmd));
      // A list that holds a null is decoded as the typed object holds it (strictDecoding).
      if (cmd.decodePatched) checkTypes(cmd.kind, obj).zeroNulls();
      obj.metadata ??= {};
      if (obj.metadata.name && obj.metadata.name !== cmd.name) {
        throw errors.badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${cmd.name})`);
      }
      obj.metadata.name = cmd.name;
      return create(state, cmd.kind, cmd.namespace, obj, cmd);
    }
    throw errors.notFound(info.resource, info.group, cmd.name);
  }
  // Under Warn and Strict, applyJSPatch first decodes the operations strictly: a wrongly typed
  // document or operation field is a 400 in encoding/json's words.
  const undecodable = cmd.patchType === 'json' && cmd.fieldValidation !== 'Ignore' ? jsonPatchOpsDecodeError(cmd.patch) : undefined;
  if (undecodable) throw errors.badRequest(`error decoding patch: ${undecodable}`);
  // The patch functions copy what they change (domain/patch/json.ts): old stays as stored.
  const patched = applyPatch(cmd.patchType, old, cmd.patch, cmd.kind, applyOptions(cmd));
  const warnings = strictDecoding(cmd, patched);
  patched.metadata ??= {};
  // A patch is unconditional unless it names a resourceVersion itself.
  if (!patched.metadata.resourceVersion) patched.metadata.resourceVersion = old.metadata.resourceVersion;
  // patcher.applyPatch's checkName: the patched object must still be the one the URL names.
  if (patched.metadata.name !== cmd.name) {
    throw errors.badRequest(`the name of the object (${patched.metadata.name ?? ''}) does not match the name on the URL (${cmd.name})`);
  }
  // checkName compares namespaces only where both are set: a patch that clears it gets the
  // request's back (update), and a cluster-scoped object's is dropped.
  if (cmd.namespace && patched.metadata.namespace && patched.metadata.namespace !== cmd.namespace) {
    throw errors.badRequest(`the namespace of the object (${patched.metadata.namespace}) does not match the namespace on the request (${cmd.namespace})`);
  }
  // A patch carries no uid precondition upstream: changing the uid meets the immutable-field check,
  // while a patch that drops it (`"uid": null`, as kubectl apply sends once a uid got into the
  // last-applied annotation) keeps the stored one (BeforeUpdate: "Use the existing UID if none is
  // provided").
  if (patched.metadata.uid && patched.metadata.uid !== old.metadata.uid) {
    throw errors.invalid(cmd.kind, info.group, cmd.name, [
      { type: 'FieldValueInvalid', field: 'metadata.uid', message: `Invalid value: ${JSON.stringify(patched.metadata.uid ?? '')}: field is immutable` },
    ]);
  }
  if (!cmd.subresource && KIND_INFO[cmd.kind].statusSubresource) patched.status = old.status;
  const decided = update(state, cmd.kind, cmd.namespace, cmd.name, patched, cmd.subresource, cmd);
  return warnings.length ? { ...decided, warnings } : decided;
}

/** Strict errors named in a 422 (kube-apiserver names them all; a body can hold a great many). */
const MAX_STRICT_ERRORS = 100;

/**
 * A patch's decoding (patch.go applyPatchToCurrentObject, applyPatchToObject), once the patch
 * applied. A JSON patch's result is decoded into the type (its ops may put anything anywhere), as
 * is a merge or strategic patch's when the API found fields or values in its body the type
 * lacks or refuses (`decodePatched`; upstream decodes every result, and a body without such
 * fields or values leaves none in it). A value the type refuses fails the patch whatever the
 * validation ("non-strict errors trump"). Then the strict errors: the API's from the body (its
 * repeated keys), then the fields the result has that the type lacks, in the order upstream's
 * decoders give them. Every failure is NewInvalid's 422 on `patch`, showing the patched document
 * (JSON and merge patches) or the patch itself as Go prints a map (strategic); Strict fails on
 * strict errors. Otherwise the result's unknown fields are dropped, and the strict errors are
 * the answer's warnings unless validation is Ignore.
 */
function strictDecoding(cmd: Extract<Command, { op: 'patch' }>, patched: KubeObject): string[] {
  const decoded = cmd.patchType === 'json' || cmd.decodePatched ? checkTypes(cmd.kind, patched) : undefined;
  // The common patch (a kubelet's status, a label): a clean body, nothing to decode or report.
  if (!decoded && !cmd.strictErrors?.length) return [];
  // Shown as it is before decoding drops anything.
  const fail = (detail: string) => errors.patchInvalid(invalid(FieldPath.of('patch'), patchShown(cmd, patched), detail));
  // The decoder reports the first value it could not take: a strategic patch's result goes through
  // the unstructured converter, the others' through encoding/json.
  const refused = decoded?.errors[0];
  if (refused) throw fail(cmd.patchType === 'strategic' ? (refused.converter ?? refused.message) : refused.message);
  // The JSON decoder meets them in the document's order (json-patch and merge re-encode it with
  // keys sorted); the unstructured converter (strategic) sorts its errors' texts.
  const paths = (decoded?.unknownFields ?? []).map((f) => f.replace(/^\./, ''));
  const unknown = cmd.patchType === 'strategic' ? paths.map(unknownFieldWarning).sort() : sortedPaths(paths).map(unknownFieldWarning);
  const all = [...(cmd.strictErrors ?? []), ...unknown];
  if (cmd.fieldValidation === 'Strict' && all.length) {
    const more = all.length > MAX_STRICT_ERRORS ? `, and ${all.length - MAX_STRICT_ERRORS} more` : '';
    throw fail(`strict decoding error: ${all.slice(0, MAX_STRICT_ERRORS).join(', ')}${more}`);
  }
  decoded?.dropUnknownFields();
  decoded?.canonicalizeQuantities();
  decoded?.zeroNulls();
  return cmd.fieldValidation === 'Ignore' ? [] : all.slice(0, MAX_STRICT_ERRORS);
}

/**
 * The patched document as the patch handlers hold it when decoding fails: a merge patch's result
 * re-encoded from Go maps (keys sorted at every level), a JSON patch's with the levels its
 * operations went through re-encoded so (json-patch v4), a strategic patch's own map in %+v.
 */
function patchShown(cmd: Extract<Command, { op: 'patch' }>, patched: KubeObject): string {
  if (cmd.patchType === 'strategic') return goPlainValue(cmd.patch);
  if (cmd.patchType === 'merge') return JSON.stringify(sortedDeep(patched));
  let doc = sortedShallow(patched as unknown as Record<string, unknown>);
  for (const op of Array.isArray(cmd.patch) ? (cmd.patch as Record<string, unknown>[]) : []) {
    for (const pointer of [op?.path, op?.from]) if (typeof pointer === 'string') doc = sortedAlong(doc, pointer.split('/').slice(1));
  }
  return JSON.stringify(doc);
}

function sortedShallow(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

/** `doc` (already a copy) with every object on the JSON pointer's way sorted, copied as it goes. */
function sortedAlong(doc: Record<string, unknown>, tokens: string[]): Record<string, unknown> {
  let holder: Record<string, unknown> | unknown[] = doc;
  for (const raw of tokens.slice(0, -1)) {
    const token = pointerToken(raw);
    const next: unknown = (holder as Record<string, unknown>)[token];
    if (next === null || typeof next !== 'object') break;
    const copy: Record<string, unknown> | unknown[] = Array.isArray(next) ? [...next] : sortedShallow(next as Record<string, unknown>);
    (holder as Record<string, unknown>)[token] = copy;
    holder = copy;
  }
  return doc;
}

/** Field paths (`spec.containers[1].bogus`) in document order with keys sorted: by key at each
 * level, list items by index. */
function sortedPaths(paths: string[]): string[] {
  const parts = (p: string) => p.split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s));
  return paths
    .map((p) => ({ p, at: parts(p) }))
    .sort((a, b) => {
      for (let i = 0; i < Math.min(a.at.length, b.at.length); i++) {
        const x = a.at[i]!;
        const y = b.at[i]!;
        if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
      }
      return a.at.length - b.at.length;
    })
    .map((x) => x.p);
}

function applyOptions(cmd: Extract<Command, { op: 'patch' }>) {
  return { fieldManager: cmd.fieldManager, time: seconds(cmd.time), force: cmd.force ?? false, ...(cmd.subresource ? { subresource: cmd.subresource } : {}) };
}

/**
 * The field manager's part of every write but an apply (which keeps its own managedFields):
 * the request's manager owns what it added or changed, from `live` (undefined on create) to
 * `next`, after the request's defaults and before what the server itself sets (allocations,
 * status on create), as kube-apiserver's handlers run it. In-process writes that name no manager
 * (the benchmarks' and tests' commands without one) leave managedFields as they are.
 */
function recordManager(cmd: Command, kind: StoredKind, live: KubeObject | undefined, next: KubeObject, subresource: Subresource | undefined): void {
  if (cmd.fieldManager === undefined || (cmd.op === 'patch' && cmd.patchType === 'apply')) return;
  const entries = managedFieldsAfterUpdate(kind, live, next, { manager: cmd.fieldManager, time: seconds(cmd.time), ...(subresource ? { subresource } : {}) });
  if (entries.length) next.metadata.managedFields = entries;
  else delete next.metadata.managedFields;
}

// ---- delete ----

/**
 * A delete of a pod already being deleted gracefully (the registry's BeforeDelete): without a
 * grace period, or with one no shorter than the pod's, nothing changes (the deletion is
 * pending); a shorter one moves the deadline earlier. Undefined when the delete goes on as for
 * any pod: a grace period of zero, or a mark that carried none.
 */
function pendingGrace(current: KubeObject, grace: number | undefined, cmd: Command): PendingDecision | undefined {
  const was = current.metadata.deletionGracePeriodSeconds;
  if (!was) return undefined;
  const unchanged: PendingDecision = { events: [], responseIndex: -1, object: current, code: 200 };
  if (grace === undefined || grace >= was) return unchanged;
  if (grace === 0) return undefined;
  // The deadline counts from when the deletion began: timestamp less the old grace period.
  const began = new Date(Date.parse(current.metadata.deletionTimestamp!) - was * 1000).toISOString();
  const next = markedForDeletion(current, began, grace);
  return { events: [{ kind: 'Pod', namespace: current.metadata.namespace ?? '', name: current.metadata.name!, type: 'MODIFIED', object: next, actor: cmd.actor, cause: null }], responseIndex: 0, code: 200 };
}

/** podStrategy.CheckGracefulDelete: a pod no node runs, or whose containers have all ended, has
 * nothing to wait for and is deleted at once, whatever grace period is asked. */
function podEndsAtOnce(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.spec?.nodeName || phase === 'Succeeded' || phase === 'Failed';
}

/** NamespaceLifecycle's immortal namespaces (kube-apiserver's defaults). */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

function remove(state: ClusterState, kind: StoredKind, namespace: string, name: string, options: DeleteOptions, cmd: Command): PendingDecision {
  const info = KIND_INFO[kind];
  const current = state.get(kind, namespace, name);
  if (!current) throw errors.notFound(info.resource, info.group, name);
  const pre = options.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw errors.conflict(info.resource, info.group, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw errors.conflict(
      info.resource,
      info.group,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`,
    );
  }
  const grace = kind === 'Pod' && podEndsAtOnce(current as Pod) ? 0 : options.gracePeriodSeconds;
  if (kind === 'Pod' && current.metadata.deletionTimestamp) {
    const pending = pendingGrace(current, grace, cmd);
    if (pending) return pending;
  }
  // Graceful (a pod's grace period) or held by finalizers: marked, not removed, and marked once.
  if ((kind === 'Pod' && grace !== undefined && grace > 0) || (kind !== 'Namespace' && holdsFinalizers(current))) {
    if (current.metadata.deletionTimestamp) return { events: [], responseIndex: -1, object: current, code: 200 };
    const next = markedForDeletion(current, cmd.time, kind === 'Pod' ? (grace ?? 0) : 0);
    return { events: [{ kind, namespace, name, type: 'MODIFIED', object: next, actor: cmd.actor, cause: null }], responseIndex: 0, code: 200 };
  }
  if (kind === 'Namespace' && IMMORTAL_NAMESPACES.has(name)) {
    // The NamespaceLifecycle admission plugin's immortal namespaces.
    throw errors.forbiddenObject(info.resource, info.group, name, 'this namespace may not be deleted');
  }
  if (kind === 'Namespace') {
    // The namespace REST's Delete: the namespace turns Terminating and is answered as such. The
    // namespace controller (namespace-controller.ts) then deletes what is in it and, once nothing
    // is left, the namespace itself, in the same command unless finalizers hold some of it.
    if (current.metadata.deletionTimestamp) {
      // The namespace REST's Delete again: while spec finalizers remain it answers the namespace;
      // once they are gone (namespaces/finalize took them off) it deletes, or marks it while its
      // metadata finalizers hold it.
      if ((current as Namespace).spec?.finalizers?.length || holdsFinalizers(current)) return { events: [], responseIndex: -1, object: current, code: 200 };
      return { events: [deleted(kind, current, cmd.actor, null)], responseIndex: 0, code: 200 };
    }
    const terminating = clone(current) as Namespace;
    terminating.metadata.deletionTimestamp = seconds(cmd.time);
    terminating.status = { ...terminating.status, phase: 'Terminating' };
    return { events: [{ kind, namespace, name, type: 'MODIFIED', object: terminating, actor: cmd.actor, cause: null }], responseIndex: 0, code: 200 };
  }
  const events: PendingEvent[] = [deleted(kind, current, cmd.actor, null)];
  const response = info.returnsDeletedObject ? events.length - 1 : -1;
  return {
    events,
    responseIndex: response,
    object:
      response === -1
        ? ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name, group: info.group || undefined, kind: info.resource, uid: current.metadata.uid } } as unknown as KubeObject)
        : undefined,
    code: 200,
  };
}

function deleted(kind: string, obj: KubeObject, actor: string, cause: number | null): PendingEvent {
  return { kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name!, type: 'DELETED', object: clone(obj), actor, cause };
}

// ---- helpers ----

export function validationContext(state: ClusterState) {
  return { serviceCIDRs: state.config.serviceCIDRs, nodePortRange: state.config.nodePortRange, clusterCIDRs: state.config.clusterCIDRs };
}


/** RFC 3339 at second precision, as Kubernetes timestamps are. */
export function seconds(time: string): string {
  return time.replace(/\.\d+Z$/, 'Z');
}

/** A uid derived from a seed: for objects the domain itself creates, so replay gives the same. */
export function derivedUid(seed: string): string {
  const h = hash('sha256', seed, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Re-exported for the controllers, which copy what they hand back. */
export { clone };

/**
 * What a write's object looks like once kube-apiserver has decoded it into the typed object and
 * encoded it back: times in Go's form, a Pod's addresses converted (podIP authoritative), and no
 * empty labels or annotations (ObjectMeta's `omitempty` maps).
 */
function asDecoded(kind: StoredKind, obj: KubeObject): void {
  normalizeTimes(kind, obj);
  if (kind === 'Pod') convertPodIPs(obj as Pod);
  const meta = obj.metadata as { labels?: object; annotations?: object } | undefined;
  if (meta?.labels && Object.keys(meta.labels).length === 0) delete meta.labels;
  if (meta?.annotations && Object.keys(meta.annotations).length === 0) delete meta.annotations;
}

