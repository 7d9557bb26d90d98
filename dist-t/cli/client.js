// HTTP for the CLI, with the errors people need: an unreachable server says so and where; a
// Status error reads as kubectl prints it ("Error from server (NotFound): …").
export class CliError extends Error {
    exitCode;
    constructor(message, exitCode = 1) {
        super(message);
        this.exitCode = exitCode;
    }
}
/** kubectl's rendering of a Status: 422 shows the message alone, others "Error from server (Reason): message". */
export function statusMessage(s, httpCode) {
    const reason = s.reason || `${httpCode}`;
    if (reason === 'Invalid' && s.message)
        return `The ${s.message}`;
    return `Error from server (${reason}): ${s.message ?? `the server responded with status ${httpCode}`}`;
}
export class Client {
    conn;
    constructor(conn) {
        this.conn = conn;
    }
    async request(path, init = {}) {
        const url = this.conn.server + path;
        const headers = { accept: init.accept ?? 'application/json', ...(init.headers ?? {}) };
        if (this.conn.token)
            headers.authorization = `Bearer ${this.conn.token}`;
        let res;
        try {
            res = await fetch(url, { ...init, headers });
        }
        catch (e) {
            const cause = e.cause;
            const hint = /^https?:\/\//.test(this.conn.server) ? '' : ' (--server takes a URL: http://HOST:PORT or https://HOST:PORT)';
            throw new CliError(`cannot reach netledger at ${this.conn.server || '""'}: ${cause?.message ?? e.message}${hint}`);
        }
        const type = res.headers.get('content-type') ?? '';
        if (res.status >= 400) {
            const text = await res.text();
            let status;
            try {
                status = type.includes('json') ? JSON.parse(text) : undefined;
            }
            catch {
                status = undefined;
            }
            // JSON that is no Status still says what went wrong (fastify's 503 while the server shuts
            // down); anything else is not netledger (or not at that path).
            if (!status || (status.kind !== 'Status' && typeof status.message !== 'string'))
                throw new CliError(this.notNetledger(res, path));
            throw new CliError(statusMessage(status.kind === 'Status' ? status : { message: status.message }, res.status));
        }
        const wanted = init.accept ?? 'application/json';
        if (!type.startsWith(wanted.split(';')[0]))
            throw new CliError(this.notNetledger(res, path));
        return res;
    }
    notNetledger(res, path) {
        return `the server at ${this.conn.server} answered ${path.split('?')[0]} with HTTP ${res.status} (${res.headers.get('content-type') || 'no content type'}), not as netledger does: is --server a netledger server?`;
    }
    async json(path, init) {
        const res = await this.request(path, init);
        return (await res.json());
    }
    /** The body and the response headers (the events list says where the retention floor is). */
    async jsonWithHeaders(path) {
        const res = await this.request(path);
        return { body: (await res.json()), headers: res.headers };
    }
    async text(path) {
        const res = await this.request(path, { accept: 'text/plain' });
        return res.text();
    }
    /** Follows `metadata.continue` until the list ends or `max` items are in hand; `headers` are the first page's. */
    /** Every page's items, up to `max`; `more` when the server had more than were returned. */
    async pages(path, max = Infinity) {
        const items = [];
        let cont;
        let meta = { resourceVersion: '' };
        let headers;
        do {
            const sep = path.includes('?') ? '&' : '?';
            const res = await this.jsonWithHeaders(cont ? `${path}${sep}continue=${encodeURIComponent(cont)}` : path);
            const page = res.body;
            headers ??= res.headers;
            if (!meta.resourceVersion)
                meta = { resourceVersion: page.metadata.resourceVersion };
            items.push(...page.items);
            cont = page.metadata.continue;
        } while (cont && items.length < max);
        return { items: items.slice(0, max), metadata: meta, headers, more: items.length > max || cont !== undefined };
    }
}
//# sourceMappingURL=client.js.map