// A throwaway HTTP server serving only the discovery and OpenAPI builders, so the real kubectl
// can be pointed at them (`kubectl --server http://127.0.0.1:PORT …`). Not the API layer.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AGGREGATED_DISCOVERY_V2, acceptsAggregatedDiscovery, aggregatedDiscovery, apiGroupList, apiResourceList, apiVersions, versionInfo,
} from '../../../api/discovery/index.js';
import { openApiDocument, openApiIndex } from '../../../api/openapi/index.js';

export const KUBECTL = '/usr/bin/kubectl';
export const haveKubectl = existsSync(KUBECTL);

export interface FakeServer {
  url: string;
  requests: { method: string; url: string; accept: string; userAgent: string }[];
  close(): Promise<void>;
}

export async function startDiscoveryServer(opts: { aggregated: boolean }): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const accept = String(req.headers.accept ?? '');
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '', accept, userAgent: String(req.headers['user-agent'] ?? '') });
    const send = (code: number, body: unknown, type = 'application/json') => {
      res.writeHead(code, { 'Content-Type': type });
      res.end(JSON.stringify(body));
    };
    const p = url.pathname;
    if (p === '/version') return send(200, versionInfo());
    if ((p === '/api' || p === '/apis') && opts.aggregated && acceptsAggregatedDiscovery(accept)) {
      return send(200, aggregatedDiscovery(p === '/api' ? 'api' : 'apis'), AGGREGATED_DISCOVERY_V2);
    }
    if (p === '/api') return send(200, apiVersions(url.host));
    if (p === '/apis') return send(200, apiGroupList());
    const gv = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(p);
    if (gv) {
      const list = gv[1] ? apiResourceList('', gv[1]) : apiResourceList(gv[2]!, gv[3]!);
      if (list) return send(200, list);
    }
    if (p === '/openapi/v3') return send(200, openApiIndex());
    if (p.startsWith('/openapi/v3/')) {
      const doc = openApiDocument(p.slice('/openapi/v3/'.length));
      if (doc) return send(200, doc);
    }
    send(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Run kubectl against `server` with a fresh discovery cache; resolves with its output and exit code. */
export function kubectl(server: FakeServer, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cache = mkdtempSync(join(tmpdir(), 'netledger-kubectl-'));
  return new Promise((resolve) => {
    execFile(
      KUBECTL,
      ['--server', server.url, '--cache-dir', cache, ...args],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cache, KUBECONFIG: join(cache, 'none') }, timeout: 60_000 },
      (err, stdout, stderr) => {
        rmSync(cache, { recursive: true, force: true });
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
