// The Kubernetes resource API: /api/v1 and /apis/discovery.k8s.io/v1, every verb, with
// kube-apiserver's semantics (docs: reference/kube-apiserver-and-clients.md).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Command, DeleteOptions, Subresource } from '../domain/commands.js';
import { seconds } from '../domain/decide.js';
import { errors, type FieldError } from '../domain/errors.js';
import { KIND_INFO, type KindInfo } from '../domain/kinds.js';
import type { KubeObject, Pod } from '../domain/objects.js';
import { resourceForKind, type Verb } from '../domain/schemas/resources.js';
import type { Ledger } from '../store/ledger.js';
import { objectJsonOnce } from '../store/object-json.js';
import { addWarnings, checkObjectBody, checkPatchBody, checkTypesOf, fieldValidationOf, type PatchBodyCheck } from './body-checks.js';
import { queryBool } from './query-params.js';
import { checkObjectMediaType, PATCH_TYPES } from './content.js';
import { validatePodBinding, type BindingTarget } from '../domain/validation/binding.js';
import { FieldPath, invalid, notSupported } from '../domain/validation/path.js';
import { dryRun, previewCommands } from './netledger/audit/preview.js';
import { filterFromQuery } from './filter.js';
import { listObjects } from './list.js';
import { includeObjectParam, negotiate } from './negotiate.js';
import { partialList, partialObject, requireObjectForm } from './partial-metadata.js';
import { pageNotFound, parseResourcePath, type ResourcePath } from './paths.js';
import { isProxy, proxy } from './proxy.js';
import { commandContext, dryRunValue, isDryRun, type ActorResolver } from './request-context.js';
import { sendStatus, toStatus } from './status.js';
import { toTable } from './tables.js';
import { serveWatch } from './watch.js';
import { WatchDispatch } from './watch-dispatch.js';
import { resourceVersionParam, waitForRv } from './wait-rv.js';

export interface ResourceDeps {
  ledger: Ledger;
  actorOf: ActorResolver;
  /** Called with the response object of every accepted write (graceful deletion timers). */
  onWrite?: (obj: KubeObject) => void;
  watchers?: { inc(): void; dec(): void };
  /** The ends of the watches in progress (serveWatch adds and removes its own). */
  openWatches?: Set<() => void>;
}

/** What resourceRoutes gives its handlers. */
export interface RouteDeps extends ResourceDeps {
  openWatches: Set<() => void>;
  /** Committed events to the watches in progress (serveWatch adds and removes its own). */
  dispatch: WatchDispatch;
}

// OPTIONS reaches the proxy subresources only (api/proxy.ts); elsewhere it stays unserved.
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export async function resourceRoutes(app: FastifyInstance, options: ResourceDeps): Promise<void> {
  const deps: RouteDeps = { ...options, openWatches: new Set(), dispatch: new WatchDispatch(options.ledger) };
  app.addHook('onClose', (_app, done) => {
    deps.dispatch.close();
    done();
  });
  // On shutdown every watch ends as a timeout ends it, before the sockets are cut: a client then
  // re-watches from its last rv (client-node's informer stops on a stream cut mid-response).
  app.addHook('preClose', (done) => {
    for (const end of [...deps.openWatches]) end();
    done();
  });
  for (const [prefix, group] of [
    ['/api/v1/', ''],
    ['/apis/discovery.k8s.io/v1/', 'discovery.k8s.io'],
  ] as const) {
    const pathOf = (req: FastifyRequest) => {
      const rest = (req.params as { '*': string })['*'] ?? '';
      return parseResourcePath(group, rest.split('?')[0]!.split('/').map(decodeURIComponent));
    };
    app.route({
      method: [...METHODS],
      url: `${prefix}*`,
      config: { submitsOnly: (req: FastifyRequest) => submitsOnly(req, pathOf) },
      handler: async (req, reply) => {
        if (req.method === 'OPTIONS' && (isLegacyWatch(req) || !isProxy(pathOf(req)))) throw pageNotFound();
        if (isLegacyWatch(req)) return legacyWatch(req, reply, pathOf, deps);
        const path = pathOf(req);
        (req as FastifyRequest & { resource?: string }).resource = path.subresource ? `${path.info.resource}/${path.subresource}` : path.info.resource;
        return dispatch(req, reply, path, deps);
      },
    });
  }
}

function isLegacyWatch(req: FastifyRequest): boolean {
  return ((req.params as { '*'?: string })['*'] ?? '').startsWith('watch/');
}

/**
 * The deprecated watch paths (`…/v1/watch/namespaces/{ns}/pods[/{name}]`), still served upstream:
 * a watch of the collection, of one object when the path names it (a metadata.name field
 * selector added to the request's own).
 */
async function legacyWatch(req: FastifyRequest, reply: FastifyReply, pathOf: (req: FastifyRequest) => ResourcePath, deps: RouteDeps): Promise<unknown> {
  if (req.method !== 'GET') throw errors.methodNotAllowed();
  const params = req.params as { '*': string };
  params['*'] = params['*'].slice('watch/'.length);
  const path = pathOf(req);
  if (path.subresource) throw pageNotFound();
  (req as FastifyRequest & { resource?: string }).resource = path.info.resource;
  const q = req.query as Record<string, unknown>;
  if (path.name !== undefined) {
    const byName = `metadata.name=${path.name}`;
    q.fieldSelector = typeof q.fieldSelector === 'string' && q.fieldSelector !== '' ? `${q.fieldSelector},${byName}` : byName;
  }
  q.watch = 'true';
  return serveWatch(req, reply, { ...path, name: undefined }, deps);
}

/**
 * Whether the request only hands a command to the appender, reading nothing of the live state
 * first: a create, update, patch or delete of one object, not a dry run. Those need not wait for
 * the state to be durable (api/server.ts); everything else does.
 */
function submitsOnly(req: FastifyRequest, pathOf: (req: FastifyRequest) => ResourcePath): boolean {
  try {
    if (isDryRun(req)) return false;
  } catch {
    return false; // the handler answers the bad value
  }
  if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') {
    // A proxy subresource reads the live state (api/proxy.ts), whatever the method.
    if (!((req.params as { '*'?: string })['*'] ?? '').includes('/proxy')) return true;
    try {
      return !isProxy(pathOf(req));
    } catch {
      return false;
    }
  }
  if (req.method !== 'DELETE') return false;
  try {
    return pathOf(req).name !== undefined;
  } catch {
    return false;
  }
}

async function dispatch(req: FastifyRequest, reply: FastifyReply, path: ResourcePath, deps: RouteDeps): Promise<unknown> {
  const q = req.query as Record<string, unknown>;
  const { info } = path;
  if (path.subresource === 'eviction' && info.kind === 'Pod' && path.name) return evict(req, reply, path, deps);
  if (path.subresource === 'binding' && info.kind === 'Pod') return bindPod(req, reply, path, deps);
  if (isProxy(path)) return proxy(req, path, deps.ledger);
  if (info.kind === 'Pod' && path.name && path.subresource && KUBELET_SUBRESOURCES.has(path.subresource)) return throwNoKubelet(req, path, deps);
  if (path.subresource === 'finalize' && info.kind === 'Namespace' && path.name) {
    // namespaces/{name}/finalize: a replace that may change spec.finalizers (FinalizeREST).
    if (req.method !== 'PUT') throw errors.methodNotAllowed();
  } else if (path.subresource && !(path.subresource === 'status' && info.statusSubresource)) throw pageNotFound();
  switch (req.method) {
    case 'GET': {
      if (path.name) return getOne(req, reply, path, deps);
      if (queryBool(q.watch)) return serveWatch(req, reply, path, deps);
      const negotiated = negotiate(req.headers.accept);
      const list = await listObjects(deps.ledger, info, path.namespace, q);
      if (negotiated.table) return toTable(info.kind, list.items, includeObjectParam(q.includeObject), list.metadata, negotiated.table);
      if (negotiated.partial) return partialList(list, info.kind, negotiated.partial);
      return list;
    }
    case 'POST': {
      if (path.name) throw errors.methodNotAllowed();
      // The all-namespaces path of a namespaced resource serves list and watch only.
      if (info.namespaced && path.namespace === undefined) throw errors.methodNotAllowed();
      checkObjectMediaType(req);
      const obj = checkObjectBody(req.body, info, path.namespace, fieldValidationOf(q, 'CreateOptions'), reply);
      return write(req, reply, deps, { ...commandContext(req, deps.actorOf), op: 'create', kind: info.kind, namespace: path.namespace ?? '', object: obj });
    }
    case 'PUT': {
      if (!path.name) throw errors.methodNotAllowed();
      checkObjectMediaType(req);
      const obj = checkObjectBody(req.body, info, path.namespace, fieldValidationOf(q, 'UpdateOptions'), reply);
      return write(req, reply, deps, {
        ...commandContext(req, deps.actorOf),
        op: 'update',
        kind: info.kind,
        namespace: path.namespace ?? '',
        name: path.name,
        object: obj,
        subresource: path.subresource as Subresource | undefined,
      });
    }
    case 'PATCH': {
      if (!path.name) throw errors.methodNotAllowed();
      const media = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      const patchType = PATCH_TYPES[media];
      if (!patchType) {
        throw errors.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
      }
      if (req.body === undefined || req.body === null) throw errors.badRequest('the request body is empty');
      // ValidatePatchOptions.
      if (patchType === 'apply' && !q.fieldManager) {
        throw errors.invalid('PatchOptions', 'meta.k8s.io', '', [{ type: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch' }]);
      }
      if (patchType !== 'apply' && q.force !== undefined) {
        throw errors.invalid('PatchOptions', 'meta.k8s.io', '', [{ type: 'FieldValueForbidden', field: 'force', message: 'Forbidden: may not be specified for non-apply patch' }]);
      }
      // An apply patch's body is checked as a whole object. The others' unknown fields are those
      // of the patched object, after the directives are consumed (kubectl's client-side apply
      // sends `{"spec":{"$setElementOrder/containers":[…]}}`) and nulls removed: decide decodes
      // it, and its warnings come with the answer.
      const validation = fieldValidationOf(q, 'PatchOptions');
      const checked: PatchBodyCheck =
        patchType === 'apply'
          ? { strictErrors: [], decodePatched: checkTypesOf(info.kind, req.body, validation, reply).nullElements }
          : checkPatchBody(info.kind, req.body, patchType, validation);
      return write(req, reply, deps, {
        ...commandContext(req, deps.actorOf),
        op: 'patch',
        kind: info.kind,
        namespace: path.namespace ?? '',
        name: path.name,
        patchType,
        patch: req.body,
        subresource: path.subresource as 'status' | undefined,
        force: queryBool(q.force),
        fieldValidation: validation,
        ...(checked.strictErrors.length ? { strictErrors: checked.strictErrors } : {}),
        ...(checked.decodePatched && patchType !== 'json' ? { decodePatched: true } : {}),
      });
    }
    case 'DELETE': {
      const options = deleteOptions(req);
      if (!path.name && info.namespaced && path.namespace === undefined) throw errors.methodNotAllowed();
      // Namespaces have no deletecollection upstream: 405 before anything is deleted.
      if (!path.name && !resourceForKind(info.group, info.kind)?.verbs.includes('deletecollection')) throw errors.methodNotAllowed();
      if (!path.name) return deleteCollection(req, reply, path, deps, options);
      if (path.subresource) throw errors.methodNotAllowed();
      return write(req, reply, deps, { ...commandContext(req, deps.actorOf), op: 'delete', kind: info.kind, namespace: path.namespace ?? '', name: path.name, options });
    }
  }
  throw errors.methodNotAllowed();
}

async function getOne(req: FastifyRequest, reply: FastifyReply, path: ResourcePath, deps: ResourceDeps): Promise<unknown> {
  const { info } = path;
  const negotiated = negotiate(req.headers.accept);
  if (negotiated.partial) requireObjectForm(negotiated.partial, info.kind);
  // resourceVersion on a get means "not older than": ahead of the log it waits, then 504s (as the
  // watch cache does); at or below it the current object is as new as asked for.
  const rv = resourceVersionParam((req.query as Record<string, unknown>).resourceVersion);
  if (rv !== undefined) await waitForRv(deps.ledger, rv);
  const obj = deps.ledger.state.get(info.kind, path.namespace ?? '', path.name!);
  if (!obj) throw errors.notFound(info.resource, info.group, path.name!);
  reply.type('application/json');
  if (negotiated.table) {
    const q = req.query as Record<string, unknown>;
    return toTable(info.kind, [obj], includeObjectParam(q.includeObject), { resourceVersion: obj.metadata.resourceVersion }, negotiated.table);
  }
  if (negotiated.partial) return partialObject(obj, negotiated.partial);
  return obj;
}

async function write(req: FastifyRequest, reply: FastifyReply, deps: ResourceDeps, cmd: Command): Promise<unknown> {
  if (cmd.dryRun) {
    // Decided on a scratch copy of the state; the table impact rides along in a header.
    const { decision, impact } = dryRun(deps.ledger, cmd);
    addWarnings(reply, decision.warnings ?? []);
    reply.code(decision.code).type('application/json').header('X-Netledger-Preview', JSON.stringify(impact));
    return decision.object;
  }
  const decision = await deps.ledger.submit(cmd);
  addWarnings(reply, decision.warnings ?? []);
  deps.onWrite?.(decision.object);
  // The text the store wrote for the object (objectJson): sent as it is, not serialized again.
  reply.code(decision.code).type('application/json');
  return objectJsonOnce(decision.object);
}

/**
 * POST pods/{name}/eviction (policy/v1 Eviction): the pod is deleted with the eviction's
 * deleteOptions, and the answer is a 201 Success Status, as kube-apiserver's eviction REST
 * answers when no PodDisruptionBudget stands in the way (netledger serves none).
 */
async function evict(req: FastifyRequest, reply: FastifyReply, path: ResourcePath, deps: ResourceDeps): Promise<unknown> {
  if (req.method !== 'POST') throw errors.methodNotAllowed();
  checkObjectMediaType(req);
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the body of an eviction must be a policy/v1 Eviction object');
  const meta = (body.metadata ?? {}) as Record<string, unknown>;
  // EvictionREST accepts policy/v1 and policy/v1beta1 Evictions only.
  if ((body.kind !== undefined && body.kind !== 'Eviction') || (body.apiVersion !== undefined && body.apiVersion !== 'policy/v1' && body.apiVersion !== 'policy/v1beta1')) {
    throw errors.badRequest(`the body of an eviction must be a policy/v1 Eviction, not ${String(body.apiVersion ?? '')} ${String(body.kind ?? '')}`.trimEnd());
  }
  if (meta.name !== undefined && meta.name !== '' && meta.name !== path.name) throw errors.badRequest('name in URL does not match name in Eviction object');
  const namespace = path.namespace ?? '';
  if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== namespace) {
    throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const pod = deps.ledger.state.get('Pod', namespace, path.name!);
  if (!pod) throw errors.notFound('pods', '', path.name!);
  const given = (body.deleteOptions ?? {}) as Record<string, unknown>;
  const options = deleteOptionsOf(given, {});
  const dry = dryRunValue(given.dryRun, 'DeleteOptions') || isDryRun(req);
  // A pod already being deleted goes through the delete again (upstream ignores disruption
  // budgets for it); the delete decides what that changes.
  const ctx = commandContext(req, deps.actorOf);
  const cmd: Command = { ...ctx, dryRun: dry, op: 'delete', kind: 'Pod', namespace, name: path.name!, options };
  if (dry) {
    dryRun(deps.ledger, cmd);
  } else {
    // addConditionAndDeletePod: the pod says why it goes (DisruptionTarget), then is deleted. A
    // delete that would fail (a precondition) is found before the condition is written.
    dryRun(deps.ledger, { ...cmd, dryRun: true });
    const condition = disruptionTarget(pod, seconds(ctx.time));
    const marked = await deps.ledger.submit({ ...ctx, op: 'patch', kind: 'Pod', namespace, name: path.name!, patchType: 'strategic', patch: { status: { conditions: [condition] } }, subresource: 'status' });
    // The condition moved the pod's resourceVersion: a resourceVersion precondition (met, as
    // checked above) now names the version that write made, as upstream's eviction does.
    const rv = marked.object?.metadata.resourceVersion;
    const preconditions = options.preconditions?.resourceVersion && rv ? { ...options.preconditions, resourceVersion: rv } : options.preconditions;
    deps.onWrite?.((await deps.ledger.submit({ ...cmd, options: { ...options, ...(preconditions ? { preconditions } : {}) } })).object);
  }
  reply.code(201).type('application/json');
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}

/**
 * POST pods/{name}/binding, or namespaces/{ns}/bindings with the pod named in the body: a v1
 * Binding, what a scheduler sends to put a pending pod on a node (BindingREST.Create). Answers
 * a 201 Success Status. The binding's uid and resourceVersion, when given, are preconditions on
 * the pod; its annotations are added to the pod's.
 */
async function bindPod(req: FastifyRequest, reply: FastifyReply, path: ResourcePath, deps: ResourceDeps): Promise<unknown> {
  if (req.method !== 'POST') throw errors.methodNotAllowed();
  checkObjectMediaType(req);
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the body of a binding must be a v1 Binding object');
  if ((body.kind !== undefined && body.kind !== 'Binding') || (body.apiVersion !== undefined && body.apiVersion !== 'v1')) {
    throw errors.badRequest(`the body of a binding must be a v1 Binding, not ${String(body.apiVersion ?? '')} ${String(body.kind ?? '')}`.trimEnd());
  }
  const meta = (body.metadata ?? {}) as { name?: string; namespace?: string; uid?: string; resourceVersion?: string; annotations?: Record<string, string> };
  const name = path.name ?? meta.name ?? '';
  if (!name) throw errors.badRequest('Name parameter required.');
  if ((meta.name ?? '') !== name) throw errors.badRequest('name in URL does not match name in Binding object');
  const namespace = path.namespace ?? '';
  if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== namespace) {
    throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const target = (body.target ?? {}) as BindingTarget;
  const problems = validatePodBinding(target);
  if (problems.length) throw errors.invalid('Binding', '', name, problems);
  const cmd: Command = {
    ...commandContext(req, deps.actorOf),
    op: 'bind',
    kind: 'Pod',
    namespace,
    name,
    node: target.name!,
    annotations: meta.annotations,
    preconditions: { uid: meta.uid || undefined, resourceVersion: meta.resourceVersion || undefined },
  };
  const decision = cmd.dryRun ? dryRun(deps.ledger, cmd).decision : await deps.ledger.submit(cmd);
  reply.code(201).type('application/json');
  return decision.object;
}

/** The condition an eviction adds (UpdatePodCondition: the transition time moves only when the
 * status does). */
function disruptionTarget(pod: KubeObject, now: string): Record<string, unknown> {
  const conditions = (pod as { status?: { conditions?: { type?: string; status?: string; lastTransitionTime?: string }[] } }).status?.conditions ?? [];
  const was = conditions.find((c) => c.type === 'DisruptionTarget');
  const time = was?.status === 'True' && was.lastTransitionTime ? was.lastTransitionTime : now;
  return { type: 'DisruptionTarget', status: 'True', lastTransitionTime: time, reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };
}

function deleteOptions(req: FastifyRequest): DeleteOptions {
  const body = (req.body ?? {}) as Record<string, unknown>;
  // The delete handler decodes its body as DeleteOptions, the one kind its scheme knows: a Pod
  // or Service sent instead is a 400, and deletes nothing.
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const kind = body.kind ?? 'DeleteOptions';
    if (kind !== 'DeleteOptions') {
      const version = typeof body.apiVersion === 'string' && body.apiVersion ? body.apiVersion : 'v1';
      throw errors.badRequest(`no kind ${JSON.stringify(String(kind))} is registered for version ${JSON.stringify(version)} in scheme "k8s.io/apimachinery/pkg/apis/meta/internalversion/scheme/register.go:28"`);
    }
  }
  return deleteOptionsOf(body, req.query as Record<string, unknown>);
}

/** DeleteOptions from a body (a DELETE's, or an Eviction's deleteOptions) and the query. */
function deleteOptionsOf(body: Record<string, unknown>, q: Record<string, unknown>): DeleteOptions {
  if (typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('DeleteOptions must be an object');
  const options: DeleteOptions = {};
  const grace = body.gracePeriodSeconds ?? (q.gracePeriodSeconds !== undefined ? Number(q.gracePeriodSeconds) : undefined);
  if (grace !== undefined) {
    if (typeof grace !== 'number' || !Number.isInteger(grace)) throw errors.badRequest('gracePeriodSeconds must be an integer');
    options.gracePeriodSeconds = grace;
  }
  if (body.preconditions && typeof body.preconditions === 'object') options.preconditions = body.preconditions as DeleteOptions['preconditions'];
  // ValidateDeleteOptions: the deprecated orphanDependents or a propagation policy, not both.
  const policy = body.propagationPolicy ?? q.propagationPolicy;
  const orphan = body.orphanDependents ?? q.orphanDependents;
  if (policy !== undefined) {
    const problems: FieldError[] = [];
    if (orphan !== undefined) problems.push(invalid(FieldPath.of('propagationPolicy'), String(policy), 'orphanDependents and deletionPropagation cannot be both set'));
    if (policy !== 'Orphan' && policy !== 'Background' && policy !== 'Foreground') problems.push(notSupported(FieldPath.of('propagationPolicy'), String(policy), ['Foreground', 'Background', 'Orphan', 'nil']));
    if (problems.length) throw errors.invalid('DeleteOptions', 'meta.k8s.io', '', problems);
    options.propagationPolicy = policy as string;
  }
  return options;
}

/** DELETE on a collection: every matching object, each its own command (and event). */
async function deleteCollection(req: FastifyRequest, reply: FastifyReply, path: ResourcePath, deps: ResourceDeps, options: DeleteOptions): Promise<unknown> {
  const { info } = path;
  const q = req.query as Record<string, unknown>;
  const list = await listObjects(deps.ledger, info, path.namespace, { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector });
  const ctx = commandContext(req, deps.actorOf);
  const commandFor = (obj: KubeObject): Command => ({ ...ctx, op: 'delete', kind: info.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name!, options });
  const listOf = (items: KubeObject[]) => ({ kind: `${info.kind}List`, apiVersion: info.apiVersion, metadata: { resourceVersion: String(deps.ledger.committedRv) }, items });
  reply.type('application/json');
  if (ctx.dryRun) {
    // All the deletes previewed together, as one write of them would go: one table impact for
    // the collection (what `X-Netledger-Preview` says for every other dry-run write).
    const present = list.items.filter((o) => deps.ledger.state.get(info.kind, o.metadata.namespace ?? '', o.metadata.name!));
    const outcome = previewCommands(deps.ledger, present.map(commandFor));
    reply.header('X-Netledger-Preview', JSON.stringify(outcome.impact));
    return listOf(present);
  }
  const deleted: KubeObject[] = [];
  for (const obj of list.items) {
    try {
      const d = await deps.ledger.submit(commandFor(obj));
      // The registry's DeleteCollection answers the objects as it listed them.
      deleted.push(obj);
      deps.onWrite?.(d.object);
    } catch (e) {
      if (toStatus(e).code !== 404) throw e;
    }
  }
  return listOf(deleted);
}

export { filterFromQuery, sendStatus, KIND_INFO, type KindInfo };

/** Pod subresources the API server hands to the pod's kubelet; the verbs each takes are the ones
 * discovery lists (domain/schemas/resources.ts). pods/proxy dials the pod itself (api/proxy.ts). */
const KUBELET_SUBRESOURCES = new Set(['log', 'exec', 'attach', 'portforward']);
/** The verb a request on one named object is. */
const VERB_OF_METHOD: Readonly<Record<string, Verb>> = { GET: 'get', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/**
 * pods/log, exec, attach and portforward: kube-apiserver connects to the kubelet of the
 * pod's node. netledger runs no kubelet and no container runtime, so it answers why, instead of a
 * 404 that reads as if the pod were missing: 400 for a pod on no node (as LogLocation), 503 otherwise.
 */
function throwNoKubelet(req: FastifyRequest, path: ResourcePath, deps: ResourceDeps): never {
  const verbs = resourceForKind('', 'Pod')!.subresources.find((s) => s.name === path.subresource)!.verbs;
  if (!verbs.includes(VERB_OF_METHOD[req.method]!)) throw errors.methodNotAllowed();
  const pod = deps.ledger.state.get('Pod', path.namespace ?? '', path.name!) as Pod | undefined;
  if (!pod) throw errors.notFound('pods', '', path.name!);
  const node = pod.spec?.nodeName;
  if (!node) throw errors.badRequest(`pod ${path.name} does not have a host assigned`);
  throw errors.unavailable(`pods/${path.subresource} is served by the kubelet of node "${node}", and netledger, a network control plane, runs no kubelet or container runtime`);
}
