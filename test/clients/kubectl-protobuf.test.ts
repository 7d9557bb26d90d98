// kubectl v1.32's typed-client generators (`create namespace`, `create service …`) write
// `application/vnd.kubernetes.protobuf`. First the real request bodies are captured with a
// throwaway HTTP server and must decode to exactly what the same command prints with
// `--dry-run=client -o json`; then the commands run unchanged against netledger.

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from '../../api/protobuf/index.js';
import { api, removeDir, startTestServer, tempDir, type TestServer } from '../support/server.js';
import { cat, envelope, int, map, msg, objectMeta, str } from '../api/protobuf/encoder.js';
import { cells, HAS_KUBECTL, Kubectl } from './kubectl-harness.js';

const GENERATORS = [
  ['create', 'namespace', 'x'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:8080'],
  ['create', 'service', 'nodeport', 'np', '--tcp=80:8080'],
  ['create', 'service', 'loadbalancer', 'lb', '--tcp=5678:8080'],
  ['create', 'service', 'externalname', 'en', '--external-name=bar.com'],
  ['create', 'service', 'clusterip', 'hl', '--clusterip=None'],
];

interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Answers /version (so the dispatcher picks 1.32) and echoes every POST back as 201 JSON. */
function captureServer(): Promise<{ server: Server; url: string; requests: Captured[] }> {
  const requests: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      if (req.url!.startsWith('/version')) return res.end(JSON.stringify({ major: '1', minor: '32', gitVersion: 'v1.32.4' }));
      if (req.method === 'POST') {
        res.statusCode = 201;
        return res.end(JSON.stringify(decodeKubernetesProtobuf(body)));
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests })),
  );
}

describe.skipIf(!HAS_KUBECTL)('kubectl v1.32 protobuf request bodies', () => {
  let dir: string;

  beforeAll(() => {
    dir = tempDir('netledger-kubectl-pb-');
  });
  afterAll(() => removeDir(dir));

  describe('captured from the real kubectl', () => {
    let cap: Awaited<ReturnType<typeof captureServer>>;
    let k: Kubectl;
    beforeAll(async () => {
      cap = await captureServer();
      k = new Kubectl(cap.url, dir);
    });
    afterAll(() => new Promise<void>((resolve) => cap.server.close(() => resolve())));

    for (const argv of GENERATORS) {
      it(`kubectl ${argv.join(' ')}: the protobuf body decodes to its --dry-run=client -o json`, async () => {
        const dry = await k.run([...argv, '--dry-run=client', '-o', 'json']);
        expect(dry.code).toBe(0);
        const before = cap.requests.length;
        const r = await k.run(argv);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const posts = cap.requests.slice(before).filter((q) => q.method === 'POST');
        expect(posts.length).toBe(1);
        const post = posts[0]!;
        // kubectl writes protobuf and accepts JSON back: the echo above answers JSON.
        expect(post.headers['content-type']).toBe('application/vnd.kubernetes.protobuf');
        expect(post.headers.accept).toBe('application/vnd.kubernetes.protobuf,application/json');
        expect(post.url).toMatch(/\?fieldManager=kubectl-create&fieldValidation=Strict$/);
        expect(JSON.stringify(decodeKubernetesProtobuf(post.body))).toBe(JSON.stringify(JSON.parse(dry.stdout)));
      });
    }
  });

  describe('against netledger', () => {
    let s: TestServer;
    let k: Kubectl;
    beforeAll(async () => {
      s = await startTestServer();
      k = new Kubectl(s.url, dir);
    });
    afterAll(async () => {
      await s.stop();
      removeDir(s.dataDir);
    });

    it('create namespace x, then get ns x', async () => {
      const r = await k.run(['create', 'namespace', 'x', '-v=8']);
      expect(r.stdout).toBe('namespace/x created\n');
      expect(r.stderr).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\?fieldManager=kubectl-create&fieldValidation=Strict/);
      expect(r.stderr).toContain('Content-Type: application/vnd.kubernetes.protobuf');
      expect(r.stderr).toMatch(/Response Status: 201 Created/);
      const rows = cells((await k.run(['get', 'ns', 'x'])).stdout);
      expect(rows[0]).toEqual(['NAME', 'STATUS', 'AGE']);
      expect(rows[1]!.slice(0, 2)).toEqual(['x', 'Active']);
    });

    it('create service clusterip web --tcp=80:8080, then get svc web -o json', async () => {
      expect((await k.run(['create', 'service', 'clusterip', 'web', '--tcp=80:8080'])).stdout).toBe('service/web created\n');
      const svc = JSON.parse((await k.run(['get', 'svc', 'web', '-o', 'json'])).stdout);
      expect(svc.metadata.labels).toEqual({ app: 'web' });
      expect(svc.spec).toMatchObject({
        ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }],
        selector: { app: 'web' },
        type: 'ClusterIP',
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
      });
      expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
      expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
    });

    it('create service nodeport np --tcp=80:8080 allocates a node port', async () => {
      expect((await k.run(['create', 'service', 'nodeport', 'np', '--tcp=80:8080'])).stdout).toBe('service/np created\n');
      const svc = JSON.parse((await k.run(['get', 'svc', 'np', '-o', 'json'])).stdout);
      expect(svc.spec).toMatchObject({ type: 'NodePort', selector: { app: 'np' }, externalTrafficPolicy: 'Cluster' });
      expect(svc.spec.ports).toHaveLength(1);
      expect(svc.spec.ports[0]).toMatchObject({ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 });
      expect(svc.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
      expect(svc.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    });

    it('the other service generators: loadbalancer, externalname, headless', async () => {
      for (const argv of GENERATORS.slice(3)) expect((await k.run(argv)).stdout).toBe(`service/${argv[3]} created\n`);
      const rows = cells((await k.run(['get', 'svc', 'en', 'hl', 'lb'])).stdout);
      expect(rows[0]).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
      expect(rows[1]!.slice(0, 5)).toEqual(['en', 'ExternalName', '<none>', 'bar.com', '<none>']);
      expect(rows[2]!.slice(0, 5)).toEqual(['hl', 'ClusterIP', 'None', '<none>', '<none>']);
      expect(rows[3]!.slice(0, 4)).toEqual(['lb', 'LoadBalancer', expect.stringMatching(/^10\./), '<pending>']);
      expect(rows[3]![4]).toMatch(/^5678:3\d{4}\/TCP$/);
    });

    it('a duplicate create is the usual 409 AlreadyExists', async () => {
      const r = await k.run(['create', 'namespace', 'x']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('Error from server (AlreadyExists): namespaces "x" already exists\n');
    });

    it('other kinds client-go typed clients post as protobuf: Pod and EndpointSlice (strict validation)', async () => {
      const post = (path: string, body: Uint8Array) =>
        fetch(`${s.url}${path}?fieldValidation=Strict`, { method: 'POST', headers: { 'content-type': 'application/vnd.kubernetes.protobuf' }, body });
      const container = msg(2, str(1, 'web'), str(2, 'nginx'), msg(6, str(1, ''), int(2, 0), int(3, 80), str(4, 'TCP'), str(5, '')), msg(8), str(14, 'IfNotPresent'));
      const pod = envelope('v1', 'Pod', cat(objectMeta('pb-pod', 'default', [map(11, { app: 'web' })]), msg(2, container, str(3, 'Always'), str(6, 'ClusterFirst')), msg(3)));
      const r1 = await post('/api/v1/namespaces/default/pods', pod);
      expect(r1.status).toBe(201);
      const created = await r1.json();
      expect(created.spec.containers[0]).toMatchObject({ name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] });
      expect(created.metadata.labels).toEqual({ app: 'web' });

      const slice = envelope(
        'discovery.k8s.io/v1',
        'EndpointSlice',
        cat(objectMeta('pb-slice', 'default', [map(11, { 'kubernetes.io/service-name': 'web' })]), str(4, 'IPv4'), msg(2, str(1, '10.244.0.9'), msg(2, int(1, true))), msg(3, str(1, '80-8080'), str(2, 'TCP'), int(3, 8080))),
      );
      const r2 = await post('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices', slice);
      expect(r2.status).toBe(201);
      const got = (await api(s.url, 'GET', '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/pb-slice')).json;
      expect([got.addressType, got.endpoints, got.ports]).toEqual(['IPv4', [{ addresses: ['10.244.0.9'], conditions: { ready: true } }], [{ name: '80-8080', protocol: 'TCP', port: 8080 }]]);
    });

    it('a malformed protobuf body is a 400 BadRequest Status naming the problem', async () => {
      const res = await fetch(`${s.url}/api/v1/namespaces`, {
        method: 'POST',
        headers: { 'content-type': 'application/vnd.kubernetes.protobuf' },
        body: Buffer.from('k8s\0\x0a\x7f', 'latin1'),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the body of the request could not be decoded as protobuf: runtime.Unknown: length 127 at byte 1 runs past the end of the message (0 bytes left)',
        reason: 'BadRequest',
        code: 400,
      });
      // JSON bodies are parsed as before.
      const json = await api(s.url, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'y' } });
      expect(json.status).toBe(201);
    });
  });
});
