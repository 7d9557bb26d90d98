// Where the CLI talks to and as whom: --server, else $NETLEDGER_SERVER, else the current
// context's cluster in a kubeconfig ($KUBECONFIG's first file, else ~/.kube/config), else
// http://127.0.0.1:6443 (netledger serve's default). The bearer token: --token, else
// $NETLEDGER_TOKEN, else the kubeconfig user's token when the server is the kubeconfig's.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
export const DEFAULT_SERVER = 'http://127.0.0.1:6443';
export function kubeconfigPath(env = process.env) {
    const first = env.KUBECONFIG?.split(delimiter).find(Boolean);
    return first ?? join(env.HOME ?? homedir(), '.kube', 'config');
}
/** The current context's server and token, when the file exists and names them. */
export function fromKubeconfig(path) {
    if (!existsSync(path))
        return {};
    let doc;
    try {
        doc = (parse(readFileSync(path, 'utf8')) ?? {});
    }
    catch (e) {
        throw new Error(`cannot read kubeconfig ${path}: ${e.message}`);
    }
    const ctx = doc.contexts?.find((c) => c.name === doc['current-context'])?.context;
    if (!ctx)
        return {};
    const server = doc.clusters?.find((c) => c.name === ctx.cluster)?.cluster?.server;
    const token = doc.users?.find((u) => u.name === ctx.user)?.user?.token;
    return { ...(server ? { server } : {}), ...(token ? { token } : {}) };
}
export function resolveConnection(flags, env = process.env) {
    const namedServer = flags.server ?? (env.NETLEDGER_SERVER || undefined);
    const namedToken = flags.token ?? (env.NETLEDGER_TOKEN || undefined);
    let kube = {};
    if (!(namedServer && namedToken)) {
        try {
            kube = fromKubeconfig(kubeconfigPath(env));
        }
        catch (e) {
            // A broken kubeconfig matters only when it is where the server comes from.
            if (!namedServer)
                throw e;
        }
    }
    const trim = (url) => url.replace(/\/+$/, '');
    const server = trim(namedServer ?? kube.server ?? DEFAULT_SERVER);
    // The kubeconfig user's token belongs to the kubeconfig's cluster: it is never sent to a server
    // named by --server or $NETLEDGER_SERVER (a bearer token is as good as a password).
    const kubeToken = kube.token && kube.server && trim(kube.server) === server ? kube.token : undefined;
    const token = namedToken ?? kubeToken;
    return { server, ...(token ? { token } : {}) };
}
//# sourceMappingURL=connection.js.map