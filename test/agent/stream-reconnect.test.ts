// The stream client's recovery against a scripted server: a dropped connection resumes from the
// last applied rv; ERROR 410 makes the next request ask for a SNAPSHOT (no resourceVersion).

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentLogger } from '../../agent/log.js';
import { Backoff } from '../../agent/stream/backoff.js';
import { NodeStreamClient } from '../../agent/stream/client.js';
import { errors } from '../../domain/errors.js';
import type { StreamMessage } from '../../agent/stream/messages.js';

const log = agentLogger('test');
log.level = 'silent';

/** A client resuming from what it last applied (first `from`), recording each message as
 * `TYPE rv`, or `ERROR code`. */
function recordingClient(server: string, from?: number): { client: NodeStreamClient; seen: string[] } {
  let applied = from;
  const seen: string[] = [];
  const client = new NodeStreamClient({
    server,
    node: 'n1',
    tables: ['dns'],
    resumeFrom: () => applied,
    backoff: new Backoff(10, 50, () => 0.5),
    log,
    onMessage: async (msg: StreamMessage) => {
      seen.push(msg.type === 'ERROR' ? `ERROR ${msg.status.code}` : `${msg.type} ${msg.rv}`);
      if (msg.type !== 'ERROR') applied = msg.rv;
    },
  });
  return { client, seen };
}

describe('NodeStreamClient reconnects', () => {
  let server: http.Server;
  let base = '';
  const requests: (string | null)[] = [];
  // Each connection's script: lines to write, then whether to end the response.
  const scripts: string[][] = [
    ['{"type":"SNAPSHOT","resourceVersion":"5","tables":{"dns":{"entries":[]}}}', '{"type":"DELTA","resourceVersion":"7","changes":[]}'],
    ['{"type":"DELTA","resourceVersion":"9","changes":[]}', '{"type":"ERROR","status":{"kind":"Status","code":410,"reason":"Expired"}}'],
    ['{"type":"SNAPSHOT","resourceVersion":"12","tables":{"dns":{"entries":[]}}}'],
  ];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      requests.push(url.searchParams.get('resourceVersion'));
      const script = scripts[requests.length - 1];
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      if (!script) return; // stay open
      // Split a line across two writes to exercise reassembly.
      const text = script.join('\n') + '\n';
      res.write(text.slice(0, 17));
      setTimeout(() => res.end(text.slice(17)), 10);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('resumes from the applied rv after a drop, and starts over with a SNAPSHOT after 410', async () => {
    const { client, seen } = recordingClient(base);
    client.start();
    const deadline = Date.now() + 5_000;
    while (requests.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await client.stop();
    expect(seen).toEqual(['SNAPSHOT 5', 'DELTA 7', 'DELTA 9', 'ERROR 410', 'SNAPSHOT 12']);
    expect(requests).toEqual([null, '7', null, '12']);
    expect(client.connects).toBe(4);
  });
});

describe('NodeStreamClient and an rv the server never had', () => {
  it('starts over with a SNAPSHOT after 504 ResourceVersionTooLarge (a state from another server)', async () => {
    const requests: (string | null)[] = [];
    const server = http.createServer((req, res) => {
      const rv = new URL(req.url!, 'http://x').searchParams.get('resourceVersion');
      requests.push(rv);
      if (rv !== null) {
        // What the server answers for a resourceVersion beyond its log (api/wait-rv.ts).
        const status = errors.timeout('Too large resource version: 900, current: 12', [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], 1).status;
        res.writeHead(504, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify(status));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write('{"type":"SNAPSHOT","resourceVersion":"12","tables":{"dns":{"entries":[]}}}\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { client, seen } = recordingClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 900);
    try {
      client.start();
      const deadline = Date.now() + 5_000;
      while (seen.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    } finally {
      await client.stop();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    expect(requests).toEqual(['900', null]);
    expect(seen).toEqual(['SNAPSHOT 12']);
  });
});
