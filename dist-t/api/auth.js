// Who is asking: kube-apiserver's static token file (--token-auth-file: CSV of
// token,user,uid[,"group1,group2"]), then Impersonate-User, else system:anonymous. The actor is
// recorded on every event, so blame can name the person; an impersonating caller is recorded
// beside it, as kube-apiserver's audit log keeps both users.
import { readFileSync } from 'node:fs';
import { errors } from '../domain/errors.js';
import { sendStatus } from './status.js';
export function loadTokenFile(path) {
    const users = new Map();
    for (const [i, raw] of readFileSync(path, 'utf8').split('\n').entries()) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const fields = parseCsvLine(line);
        if (fields.length < 3)
            throw new Error(`${path}:${i + 1}: expected token,user,uid[,groups]`);
        users.set(fields[0], { name: fields[1], uid: fields[2], groups: fields[3] ? fields[3].split(',').filter(Boolean) : [] });
    }
    return users;
}
function parseCsvLine(line) {
    const out = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
            if (ch === '"' && line[i + 1] === '"') {
                cur += '"';
                i++;
            }
            else if (ch === '"')
                quoted = false;
            else
                cur += ch;
        }
        else if (ch === '"')
            quoted = true;
        else if (ch === ',') {
            out.push(cur);
            cur = '';
        }
        else
            cur += ch;
    }
    out.push(cur);
    return out;
}
const ACTOR = Symbol('actor');
const IMPERSONATED_BY = Symbol('impersonatedBy');
const GROUPS = Symbol('groups');
const ANONYMOUS = 'system:anonymous';
export function registerAuth(app, tokens) {
    app.addHook('onRequest', async (req, reply) => {
        let user = ANONYMOUS;
        let groups = ['system:unauthenticated'];
        const auth = req.headers.authorization;
        if (auth?.startsWith('Bearer ') && tokens) {
            const found = tokens.get(auth.slice(7).trim());
            if (!found)
                return sendStatus(reply, errors.unauthorized('Unauthorized').status);
            user = found.name;
            groups = [...found.groups, 'system:authenticated'];
        }
        const impersonate = req.headers['impersonate-user'];
        if (!impersonate) {
            // The impersonation filter: a group, uid or extra to act as, with no user to act as, is
            // refused (kube-apiserver answers 500 "… without impersonating a user"), never ignored.
            const partial = Object.keys(req.headers).filter((h) => h === 'impersonate-group' || h === 'impersonate-uid' || h.startsWith('impersonate-extra-'));
            if (partial.length)
                return sendStatus(reply, errors.internal(`requested ${partial.map((h) => `${h}: ${String(req.headers[h])}`).join(', ')} without impersonating a user`).status);
        }
        if (typeof impersonate === 'string' && impersonate) {
            // With authentication on, acting as someone else takes a user who is someone: anonymous
            // callers would otherwise put any name on the events blame shows. (There is no RBAC, so
            // any authenticated user may impersonate; without a token file there are only anonymous
            // callers, and Impersonate-User is how they name themselves.)
            if (tokens && user === ANONYMOUS) {
                return sendStatus(reply, errors.forbidden(`users ${JSON.stringify(impersonate)} is forbidden: User "${ANONYMOUS}" cannot impersonate resource "users" in API group "" at the cluster scope`).status);
            }
            req[IMPERSONATED_BY] = user;
            user = impersonate;
            // Impersonate-Group (kubectl --as-group), and every named user is authenticated.
            const asGroups = req.headers['impersonate-group'];
            groups = [...(Array.isArray(asGroups) ? asGroups : asGroups ? [asGroups] : []), 'system:authenticated'];
        }
        req[ACTOR] = user;
        req[GROUPS] = groups;
    });
}
/** The user who sent Impersonate-User (the token's, or system:anonymous), when the request did. */
export function impersonatedByOf(req) {
    return req[IMPERSONATED_BY];
}
/** The caller's groups: the token file's (plus system:authenticated), Impersonate-Group's, or
 * system:unauthenticated for anonymous callers, as kube-apiserver's authenticators give them. */
export function groupsOf(req) {
    return req[GROUPS] ?? ['system:unauthenticated'];
}
export function actorOf(req) {
    return req[ACTOR] ?? ANONYMOUS;
}
//# sourceMappingURL=auth.js.map