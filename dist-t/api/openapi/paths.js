// OpenAPI `paths` for the generic resources of one group version, named and shaped like
// kube-apiserver's: operationIds (`patchCoreV1NamespacedPod`), `x-kubernetes-action`,
// `x-kubernetes-group-version-kind`, and the query parameters each verb accepts. kubectl's
// `--validate=strict` looks for the PATCH operation of a GVK declaring `fieldValidation`
// (cli-runtime query_param_verifier_v3.go), so every patch lists it.
import { KIND_INFO } from '../../domain/kinds.js';
import { COMPONENT_REF } from './components.js';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
function query(name, description, type = 'string') {
    return { name, in: 'query', description, schema: { type, uniqueItems: true } };
}
const P = {
    allowWatchBookmarks: query('allowWatchBookmarks', 'allowWatchBookmarks requests watch events with type "BOOKMARK". Servers that do not implement bookmarks may ignore this flag and bookmarks are sent at the server\'s discretion.', 'boolean'),
    continue: query('continue', 'The continue option should be set when retrieving more results from the server. Since this value is server defined, clients may only use the continue value from a previous query result with identical query parameters (except for the value of continue).'),
    dryRun: query('dryRun', 'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed'),
    fieldManager: query('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.'),
    fieldSelector: query('fieldSelector', 'A selector to restrict the list of returned objects by their fields. Defaults to everything.'),
    fieldValidation: query('fieldValidation', 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object.'),
    force: query('force', 'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.', 'boolean'),
    gracePeriodSeconds: query('gracePeriodSeconds', 'The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately.', 'integer'),
    ignoreStoreReadError: query('ignoreStoreReadErrorWithClusterBreakingPotential', 'if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error.', 'boolean'),
    labelSelector: query('labelSelector', 'A selector to restrict the list of returned objects by their labels. Defaults to everything.'),
    limit: query('limit', 'limit is a maximum number of responses to return for a list call. If more items exist, the server will set the `continue` field on the list metadata to a value that can be used with the same initial query to retrieve the next set of results.', 'integer'),
    orphanDependents: query('orphanDependents', 'Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7. Should the dependent objects be orphaned.', 'boolean'),
    propagationPolicy: query('propagationPolicy', "Whether and how garbage collection will be performed. Acceptable values are: 'Orphan' - orphan the dependents; 'Background' - allow the garbage collector to delete the dependents in the background; 'Foreground' - a cascading policy that deletes all dependents in the foreground."),
    resourceVersion: query('resourceVersion', 'resourceVersion sets a constraint on what resource versions a request may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details. Defaults to unset'),
    resourceVersionMatch: query('resourceVersionMatch', 'resourceVersionMatch determines how resourceVersion is applied to list calls. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details. Defaults to unset'),
    sendInitialEvents: query('sendInitialEvents', '`sendInitialEvents=true` may be set together with `watch=true`. In that case, the watch stream will begin with synthetic events to produce the current state of objects in the collection.', 'boolean'),
    timeoutSeconds: query('timeoutSeconds', 'Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or inactivity.', 'integer'),
    watch: query('watch', 'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications. Specify resourceVersion.', 'boolean'),
    pretty: query('pretty', "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget)."),
};
const LIST_PARAMS = [P.allowWatchBookmarks, P.continue, P.fieldSelector, P.labelSelector, P.limit, P.resourceVersion, P.resourceVersionMatch, P.sendInitialEvents, P.timeoutSeconds, P.watch];
const WRITE_PARAMS = [P.dryRun, P.fieldManager, P.fieldValidation];
const PATCH_PARAMS = [...WRITE_PARAMS, P.force];
const DELETE_PARAMS = [P.dryRun, P.gracePeriodSeconds, P.ignoreStoreReadError, P.orphanDependents, P.propagationPolicy];
const DELETE_COLLECTION_PARAMS = [P.continue, P.dryRun, P.fieldSelector, P.gracePeriodSeconds, P.ignoreStoreReadError, P.labelSelector, P.limit, P.orphanDependents, P.propagationPolicy, P.resourceVersion, P.resourceVersionMatch, P.sendInitialEvents, P.timeoutSeconds];
const PATCH_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];
/** Pods and services answer DELETE with the deleted object (their storage's ReturnDeletedObject). */
function returnsDeletedObject(r) {
    const info = KIND_INFO[r.kind];
    return info?.group === r.group && info.returnsDeletedObject === true;
}
const schemaRef = (id) => ({ $ref: COMPONENT_REF + id });
function content(id, types = ['application/json']) {
    const out = {};
    for (const t of types)
        out[t] = { schema: schemaRef(id) };
    return out;
}
function responses(codes) {
    const out = {};
    for (const [code, [description, id]] of Object.entries(codes))
        out[code] = { description, content: content(id) };
    out['401'] = { description: 'Unauthorized' };
    return out;
}
/** A list answers JSON, or a watch stream of WatchEvents in the list's item kind. */
function listResponses(listId) {
    return {
        '200': { description: 'OK', content: content(listId, ['application/json', 'application/json;stream=watch']) },
        '401': { description: 'Unauthorized' },
    };
}
function pathParam(name, description) {
    return { name, in: 'path', description, required: true, schema: { type: 'string', uniqueItems: true } };
}
/** `core_v1` / `discovery_v1`, and the `CoreV1` / `DiscoveryV1` operationId infix. */
function groupNames(group, version) {
    const base = group ? group.split('.')[0] : 'core';
    const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
    return { tag: `${base}_${version}`, infix: `${cap(base)}${cap(version)}` };
}
function operation(r, tag, op) {
    const out = { tags: [tag], description: op.description, operationId: op.operationId };
    if (op.parameters.length)
        out.parameters = op.parameters;
    if (op.requestBody)
        out.requestBody = op.requestBody;
    out.responses = op.responses;
    out['x-kubernetes-action'] = op.action;
    out['x-kubernetes-group-version-kind'] = { group: r.group, kind: r.kind, version: r.version };
    return out;
}
/** The paths of one resource (and its status subresource), for the verbs it supports. */
export function resourcePaths(r) {
    if (!r.schema)
        return {};
    const { tag, infix } = groupNames(r.group, r.version);
    const prefix = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
    const kindId = r.schema;
    const listId = kindId.replace(/\.[^.]+$/, `.${r.listKind}`);
    const scope = r.namespaced ? 'Namespaced' : '';
    const nsParam = pathParam('namespace', 'object name and auth scope, such as for teams and projects');
    const nameParam = pathParam('name', `name of the ${r.kind}`);
    const collection = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.plural}` : `${prefix}/${r.plural}`;
    const can = (v) => r.verbs.includes(v);
    const body = (id) => ({ content: content(id, ['*/*']), required: true });
    const deleteBody = { content: content(`${META}.DeleteOptions`, ['*/*']) };
    const paths = {};
    const coll = {};
    if (can('list')) {
        coll.get = operation(r, tag, {
            action: 'list', verb: 'list', operationId: `list${infix}${scope}${r.kind}`,
            description: `list or watch objects of kind ${r.kind}`, parameters: LIST_PARAMS, responses: listResponses(listId),
        });
    }
    if (can('create')) {
        coll.post = operation(r, tag, {
            action: 'post', verb: 'create', operationId: `create${infix}${scope}${r.kind}`, description: `create ${article(r.kind)} ${r.kind}`,
            parameters: WRITE_PARAMS, requestBody: body(kindId),
            responses: responses({ '200': ['OK', kindId], '201': ['Created', kindId], '202': ['Accepted', kindId] }),
        });
    }
    if (can('deletecollection')) {
        coll.delete = operation(r, tag, {
            action: 'deletecollection', verb: 'deletecollection', operationId: `delete${infix}Collection${scope}${r.kind}`,
            description: `delete collection of ${r.kind}`, parameters: DELETE_COLLECTION_PARAMS, requestBody: deleteBody,
            responses: responses({ '200': ['OK', `${META}.Status`] }),
        });
    }
    if (Object.keys(coll).length)
        paths[collection] = { ...coll, parameters: r.namespaced ? [nsParam, P.pretty] : [P.pretty] };
    const item = {};
    if (can('get')) {
        item.get = operation(r, tag, {
            action: 'get', verb: 'get', operationId: `read${infix}${scope}${r.kind}`, description: `read the specified ${r.kind}`,
            parameters: [], responses: responses({ '200': ['OK', kindId] }),
        });
    }
    if (can('update')) {
        item.put = operation(r, tag, {
            action: 'put', verb: 'update', operationId: `replace${infix}${scope}${r.kind}`, description: `replace the specified ${r.kind}`,
            parameters: WRITE_PARAMS, requestBody: body(kindId), responses: responses({ '200': ['OK', kindId], '201': ['Created', kindId] }),
        });
    }
    if (can('patch')) {
        item.patch = operation(r, tag, {
            action: 'patch', verb: 'patch', operationId: `patch${infix}${scope}${r.kind}`, description: `partially update the specified ${r.kind}`,
            parameters: PATCH_PARAMS, requestBody: { content: patchContent(), required: true },
            responses: responses({ '200': ['OK', kindId], '201': ['Created', kindId] }),
        });
    }
    if (can('delete')) {
        const deleted = returnsDeletedObject(r) ? kindId : `${META}.Status`;
        item.delete = operation(r, tag, {
            action: 'delete', verb: 'delete', operationId: `delete${infix}${scope}${r.kind}`, description: `delete ${article(r.kind)} ${r.kind}`,
            parameters: DELETE_PARAMS, requestBody: deleteBody, responses: responses({ '200': ['OK', deleted], '202': ['Accepted', deleted] }),
        });
    }
    const itemParams = r.namespaced ? [nameParam, nsParam, P.pretty] : [nameParam, P.pretty];
    if (Object.keys(item).length)
        paths[`${collection}/{name}`] = { ...item, parameters: itemParams };
    for (const sub of r.subresources) {
        if (sub.name !== 'status')
            continue;
        const ops = {};
        const Sub = 'Status';
        if (sub.verbs.includes('get')) {
            ops.get = operation(r, tag, {
                action: 'get', verb: 'get', operationId: `read${infix}${scope}${r.kind}${Sub}`, description: `read status of the specified ${r.kind}`,
                parameters: [], responses: responses({ '200': ['OK', kindId] }),
            });
        }
        if (sub.verbs.includes('update')) {
            ops.put = operation(r, tag, {
                action: 'put', verb: 'update', operationId: `replace${infix}${scope}${r.kind}${Sub}`, description: `replace status of the specified ${r.kind}`,
                parameters: WRITE_PARAMS, requestBody: body(kindId), responses: responses({ '200': ['OK', kindId], '201': ['Created', kindId] }),
            });
        }
        if (sub.verbs.includes('patch')) {
            ops.patch = operation(r, tag, {
                action: 'patch', verb: 'patch', operationId: `patch${infix}${scope}${r.kind}${Sub}`, description: `partially update status of the specified ${r.kind}`,
                parameters: PATCH_PARAMS, requestBody: { content: patchContent(), required: true },
                responses: responses({ '200': ['OK', kindId], '201': ['Created', kindId] }),
            });
        }
        paths[`${collection}/{name}/status`] = { ...ops, parameters: itemParams };
    }
    // Upstream's cross-namespace list: GET /api/v1/pods.
    if (r.namespaced && can('list')) {
        paths[`${prefix}/${r.plural}`] = {
            get: operation(r, tag, {
                action: 'list', verb: 'list', operationId: `list${infix}${r.kind}ForAllNamespaces`,
                description: `list or watch objects of kind ${r.kind}`, parameters: [], responses: listResponses(listId),
            }),
            parameters: [...LIST_PARAMS, P.pretty],
        };
    }
    return paths;
}
function patchContent() {
    const out = {};
    for (const t of PATCH_TYPES)
        out[t] = { schema: schemaRef(`${META}.Patch`) };
    return out;
}
function article(kind) {
    return /^[AEIOU]/.test(kind) ? 'an' : 'a';
}
//# sourceMappingURL=paths.js.map