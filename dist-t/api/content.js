// Body parsing for every media type kube-apiserver accepts on writes (JSON, YAML, protobuf). Parse failures become
// 400 BadRequest Status objects (JSON) naming what could not be decoded.
import YAML from 'yaml';
import { errors } from '../domain/errors.js';
import { decodeKubernetesProtobuf, PROTOBUF_MEDIA_TYPE } from './protobuf/index.js';
import { duplicateFields } from './duplicate-fields.js';
export const BODY_LIMIT = 3 * 1024 * 1024;
/** A body that could not be decoded, kept for whoever reads it: its error, once the request is
 * known to be for something that takes a body. */
export class UndecodableBody {
    error;
    constructor(error) {
        this.error = error;
    }
}
export const PATCH_TYPES = {
    'application/json-patch+json': 'json',
    'application/merge-patch+json': 'merge',
    'application/strategic-merge-patch+json': 'strategic',
    'application/apply-patch+yaml': 'apply',
};
/** What a create or a replace takes: a whole object, never a patch (kube-apiserver's serializers). */
const OBJECT_MEDIA_TYPES = new Set(['application/json', 'application/yaml', PROTOBUF_MEDIA_TYPE]);
/** 415 unless the request's body is a whole object (POST, PUT); without a body, nothing to check. */
export function checkObjectMediaType(req) {
    const media = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (media && !OBJECT_MEDIA_TYPES.has(media)) {
        throw errors.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
    }
}
/** The repeated keys of each parsed JSON body (by its parsed value), for the strict checks. */
const DUPLICATES = new WeakMap();
/** The paths of the keys a JSON body repeated (JSON.parse kept the last of each). */
export function duplicateFieldsOf(body) {
    return typeof body === 'object' && body !== null ? (DUPLICATES.get(body) ?? []) : [];
}
function parseJson(body) {
    if (body.trim() === '')
        return undefined;
    try {
        const value = JSON.parse(body);
        if (typeof value === 'object' && value !== null) {
            const repeated = duplicateFields(body);
            if (repeated.length)
                DUPLICATES.set(value, repeated);
        }
        return value;
    }
    catch (e) {
        throw errors.badRequest(`the body of the request could not be decoded as JSON: ${e.message}`);
    }
}
/**
 * kube-apiserver reads YAML through sigs.k8s.io/yaml, which resolves scalars as go-yaml v2 does:
 * YAML 1.1 (`yes`/`on` are booleans, `010` is octal 8, `1_000` is 1000), except that times and
 * sexagesimal numbers stay strings. So a label `a: yes` is refused (a boolean where a string
 * belongs), as there, instead of stored as "yes".
 */
const YAML_1_1 = {
    version: '1.1',
    customTags: (tags) => tags.filter((t) => typeof t === 'string' || (t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp')),
};
function parseYaml(body) {
    if (body.trim() === '')
        return undefined;
    try {
        const docs = YAML.parseAllDocuments(body, YAML_1_1);
        if (docs.length !== 1)
            throw new Error(`expected one document, got ${docs.length}`);
        const doc = docs[0];
        if (doc.errors.length)
            throw doc.errors[0];
        return doc.toJSON();
    }
    catch (e) {
        throw errors.badRequest(`the body of the request could not be decoded as YAML: ${e.message}`);
    }
}
export function registerContentTypes(app) {
    app.removeAllContentTypeParsers();
    const json = (_req, body, done) => {
        try {
            done(null, parseJson(body));
        }
        catch (e) {
            done(e);
        }
    };
    const yaml = (_req, body, done) => {
        try {
            done(null, parseYaml(body));
        }
        catch (e) {
            done(e);
        }
    };
    for (const type of ['application/json', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json']) {
        app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: BODY_LIMIT }, json);
    }
    for (const type of ['application/yaml', 'application/apply-patch+yaml']) {
        app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: BODY_LIMIT }, yaml);
    }
    // kubectl's typed clients (create namespace, create service …) write protobuf; it decodes to
    // the same JSON shape, so everything after the parser is unchanged. Responses stay JSON.
    app.addContentTypeParser(PROTOBUF_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (req, body, done) => {
        // A path nothing serves is 404 whatever its body (`kubectl auth can-i` posts a
        // SelfSubjectAccessReview, a kind with no decoder here): the not-found handler answers it.
        if (req.is404)
            return done(null, undefined);
        try {
            done(null, decodeKubernetesProtobuf(body));
        }
        catch (e) {
            // Under a served prefix the resource may still be unknown (`kubectl create configmap`):
            // the handler resolves the path (404) before it reads the body, which then throws this.
            done(null, new UndecodableBody(e));
        }
    });
    // The agent status report and previews are JSON too; plain text is not a Kubernetes body.
}
//# sourceMappingURL=content.js.map