// HTTP for the CLI, with the errors people need: an unreachable server says so and where; a
// Status error reads as kubectl prints it ("Error from server (NotFound): …").

import type { Connection } from './connection.js';

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

interface StatusLike {
  kind?: string;
  reason?: string;
  message?: string;
  code?: number;
}

/** kubectl's rendering of a Status: 422 shows the message alone, others "Error from server (Reason): message". */
export function statusMessage(s: StatusLike, httpCode: number): string {
  const reason = s.reason || `${httpCode}`;
  if (reason === 'Invalid' && s.message) return `The ${s.message}`;
  return `Error from server (${reason}): ${s.message ?? `the server responded with status ${httpCode}`}`;
}

export class Client {
  constructor(readonly conn: Connection) {}

  private async request(path: string, init: RequestInit & { accept?: string } = {}): Promise<Response> {
    const url = this.conn.server + path;
    const headers: Record<string, string> = { accept: init.accept ?? 'application/json', ...((init.headers as Record<string, string>) ?? {}) };
    if (this.conn.token) headers.authorization = `Bearer ${this.conn.token}`;
    let res: Response;
    try {
      res = await fetch(url, { ...init, headers });
    } catch (e) {
      const cause = (e as { cause?: { message?: string; code?: string } }).cause;
      const hint = /^https?:\/\//.test(this.conn.server) ? '' : ' (--server takes a URL: http://HOST:PORT or https://HOST:PORT)';
      throw new CliError(`cannot reach netledger at ${this.conn.server || '""'}: ${cause?.message ?? (e as Error).message}${hint}`);
    }
    const type = res.headers.get('content-type') ?? '';
    if (res.status >= 400) {
      const text = await res.text();
      let status: StatusLike | undefined;
      try {
        status = type.includes('json') ? (JSON.parse(text) as StatusLike) : undefined;
      } catch {
        status = undefined;
      }
      // JSON that is no Status still says what went wrong (fastify's 503 while the server shuts
      // down); anything else is not netledger (or not at that path).
      if (!status || (status.kind !== 'Status' && typeof status.message !== 'string')) throw new CliError(this.notNetledger(res, path));
      throw new CliError(statusMessage(status.kind === 'Status' ? status : { message: status.message }, res.status));
    }
    const wanted = init.accept ?? 'application/json';
    if (!type.startsWith(wanted.split(';')[0]!)) throw new CliError(this.notNetledger(res, path));
    return res;
  }

  private notNetledger(res: Response, path: string): string {
    return `the server at ${this.conn.server} answered ${path.split('?')[0]} with HTTP ${res.status} (${res.headers.get('content-type') || 'no content type'}), not as netledger does: is --server a netledger server?`;
  }

  async json<T = any>(path: string, init?: RequestInit): Promise<T> {
    const res = await this.request(path, init);
    return (await res.json()) as T;
  }

  /** The body and the response headers (the events list says where the retention floor is). */
  async jsonWithHeaders<T = any>(path: string): Promise<{ body: T; headers: Headers }> {
    const res = await this.request(path);
    return { body: (await res.json()) as T, headers: res.headers };
  }

  async text(path: string): Promise<string> {
    const res = await this.request(path, { accept: 'text/plain' });
    return res.text();
  }

  /**
   * Follows a list's pages until it ends or holds `max` items; a finite `max` is sent as each
   * page's `limit`, so the list is cut where the server cut it and `continue` (when `more`) is the
   * token of the rest. `from` is a token to start from. `headers` are the first page's. A
   * `resourceVersion` in the path goes with the first page only: the token pins the rest (a list
   * refuses both, as Kubernetes does).
   */
  async pages<T>(path: string, max = Infinity, from?: string): Promise<{ items: T[]; metadata: { resourceVersion: string }; headers?: Headers; more: boolean; continue?: string }> {
    const items: T[] = [];
    let cont = from;
    let meta: { resourceVersion: string } = { resourceVersion: '' };
    let headers: Headers | undefined;
    do {
      const q = new URLSearchParams();
      if (cont) q.set('continue', cont);
      if (max !== Infinity) q.set('limit', String(max - items.length));
      const base = cont ? withoutParam(path, 'resourceVersion') : path;
      const sep = base.includes('?') ? '&' : '?';
      const res = await this.jsonWithHeaders<{ items: T[]; metadata: { resourceVersion: string; continue?: string } }>(q.size ? `${base}${sep}${q}` : base);
      const page = res.body;
      headers ??= res.headers;
      if (!meta.resourceVersion) meta = { resourceVersion: page.metadata.resourceVersion };
      items.push(...page.items);
      cont = page.metadata.continue;
    } while (cont && items.length < max);
    return { items: items.slice(0, max), metadata: meta, headers, more: items.length > max || cont !== undefined, continue: cont };
  }
}

/** The path with one query parameter taken out. */
function withoutParam(path: string, name: string): string {
  const [p, query] = path.split('?', 2) as [string, string | undefined];
  if (query === undefined) return path;
  const q = new URLSearchParams(query);
  q.delete(name);
  return q.size ? `${p}?${q}` : p;
}
