// The caller's own reviews, as kube-apiserver answers them (authorization.k8s.io/v1,
// authentication.k8s.io/v1): `kubectl auth can-i` (SelfSubjectAccessReview), `kubectl auth can-i
// --list` (SelfSubjectRulesReview) and `kubectl auth whoami` (SelfSubjectReview). netledger
// authenticates (token file, impersonation) but does not authorize, as kube-apiserver with
// --authorization-mode=AlwaysAllow: every access is allowed, and the rules say so.
import { errors } from '../domain/errors.js';
import { actorOf, groupsOf } from './auth.js';
import { checkObjectMediaType } from './content.js';
/** The body as the review kind it must be: a JSON object, kind and apiVersion absent or right. */
function review(req, kind, apiVersion) {
    checkObjectMediaType(req);
    const body = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body))
        throw errors.badRequest(`the body must be a ${kind}`);
    if ((body.kind !== undefined && body.kind !== kind) || (body.apiVersion !== undefined && body.apiVersion !== apiVersion)) {
        throw errors.badRequest(`the body is a ${String(body.apiVersion)}, Kind=${String(body.kind)}, not a ${apiVersion}, Kind=${kind}`);
    }
    return body;
}
function created(reply, kind, apiVersion, fields) {
    reply.code(201).type('application/json');
    return { kind, apiVersion, metadata: { creationTimestamp: null }, ...fields };
}
export async function selfReviewRoutes(app) {
    const authz = 'authorization.k8s.io/v1';
    app.post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', async (req, reply) => {
        const body = review(req, 'SelfSubjectAccessReview', authz);
        const spec = (body.spec ?? {});
        if (!spec.resourceAttributes === !spec.nonResourceAttributes) {
            throw errors.invalid('SelfSubjectAccessReview', 'authorization.k8s.io', '', [
                { type: 'FieldValueInvalid', field: 'spec.resourceAttributes', message: 'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified' },
            ]);
        }
        return created(reply, 'SelfSubjectAccessReview', authz, { spec, status: { allowed: true } });
    });
    app.post('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', async (req, reply) => {
        const body = review(req, 'SelfSubjectRulesReview', authz);
        return created(reply, 'SelfSubjectRulesReview', authz, {
            spec: body.spec ?? {},
            // AlwaysAllow's RulesFor: everything, complete.
            status: {
                resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
                nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
                incomplete: false,
            },
        });
    });
    app.post('/apis/authentication.k8s.io/v1/selfsubjectreviews', async (req, reply) => {
        review(req, 'SelfSubjectReview', 'authentication.k8s.io/v1');
        return created(reply, 'SelfSubjectReview', 'authentication.k8s.io/v1', { status: { userInfo: { username: actorOf(req), groups: groupsOf(req) } } });
    });
}
//# sourceMappingURL=self-reviews.js.map