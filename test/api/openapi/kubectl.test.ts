// The real /usr/bin/kubectl (Cloud SDK dispatcher → bundled kubectl 1.32) against the
// discovery and OpenAPI builders, served by a throwaway HTTP server.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { haveKubectl, kubectl, startDiscoveryServer, type FakeServer } from '../discovery/discovery-server.js';

describe.skipIf(!haveKubectl)('kubectl against the generated documents (needs /usr/bin/kubectl)', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startDiscoveryServer({ aggregated: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  test('the dispatcher runs kubectl 1.32 for minor "32" and shows our gitVersion', async () => {
    const r = await kubectl(server, ['version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Server Version: v1.32.4-netledger');
    // The dispatched client identifies itself on its own requests.
    const before = server.requests.length;
    await kubectl(server, ['explain', 'pods']);
    const agents = server.requests.slice(before).map((q) => q.userAgent).filter((ua) => ua.startsWith('kubectl/'));
    expect(agents.length).toBeGreaterThan(0);
    for (const ua of agents) expect(ua).toMatch(/^kubectl\/v1\.32\./);
  });

  test('kubectl explain pods.spec.containers.ports prints upstream field descriptions', async () => {
    const r = await kubectl(server, ['explain', 'pods.spec.containers.ports']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KIND:       Pod\nVERSION:    v1\n');
    expect(r.stdout).toContain('FIELD: ports <[]ContainerPort>');
    expect(r.stdout).toContain('containerPort\t<integer> -required-');
    expect(r.stdout).toContain("    Number of port to expose on the pod's IP address. This must be a valid port\n    number, 0 < x < 65536.");
    expect(r.stdout).toContain('    Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".');
  });

  test('kubectl explain svc.spec.ports resolves the short name and int-or-string', async () => {
    const r = await kubectl(server, ['explain', 'svc.spec.ports']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KIND:       Service');
    expect(r.stdout).toContain('port\t<integer> -required-\n    The port that will be exposed by this service.');
    expect(r.stdout).toContain('targetPort\t<IntOrString>');
  });

  test('kubectl explain lists the values of enum fields (the Go +enum types), sorted', async () => {
    const type = await kubectl(server, ['explain', 'svc.spec.type']);
    expect(type.code).toBe(0);
    expect(type.stdout).toContain('FIELD: type <string>\nENUM:\n    ClusterIP\n    ExternalName\n    LoadBalancer\n    NodePort\n');
    expect((await kubectl(server, ['explain', 'po.spec.containers.ports.protocol'])).stdout).toContain('ENUM:\n    SCTP\n    TCP\n    UDP\n');
    expect((await kubectl(server, ['explain', 'no.spec.taints.effect'])).stdout).toContain('ENUM:\n    NoExecute\n    NoSchedule\n    PreferNoSchedule\n');
    expect((await kubectl(server, ['explain', 'endpointslices.addressType'])).stdout).toContain('ENUM:\n    FQDN\n    IPv4\n    IPv6\n');
  });

  test('kubectl explain for the discovery group, the resources limits map and metadata', async () => {
    const slices = await kubectl(server, ['explain', 'endpointslices.endpoints.conditions']);
    expect(slices.code).toBe(0);
    expect(slices.stdout).toContain('GROUP:      discovery.k8s.io\nKIND:       EndpointSlice');
    expect(slices.stdout).toContain('ready\t<boolean>');
    const limits = await kubectl(server, ['explain', 'po.spec.containers.resources']);
    expect(limits.stdout).toContain('limits\t<map[string]Quantity>');
    const meta = await kubectl(server, ['explain', 'no.metadata.creationTimestamp']);
    expect(meta.stdout).toContain('FIELD: creationTimestamp <string>');
  });

  test('kubectl apply --validate=strict finds fieldValidation in OpenAPI v3 and never falls back to v2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netledger-apply-'));
    try {
      const file = join(dir, 'pod.yaml');
      writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-1\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n');
      const before = server.requests.length;
      const r = await kubectl(server, ['apply', '--validate=strict', '--dry-run=client', '-f', file]);
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('pod/web-1 created (dry run)');
      const urls = server.requests.slice(before).map((q) => q.url);
      expect(urls.some((u) => u.startsWith('/openapi/v3/api/v1?hash='))).toBe(true);
      expect(urls.some((u) => u.startsWith('/openapi/v2'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!haveKubectl)('kubectl with aggregated discovery (needs /usr/bin/kubectl)', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startDiscoveryServer({ aggregated: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  test('api-resources comes from /api and /apis alone', async () => {
    const r = await kubectl(server, ['api-resources', '--no-headers']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/));
    expect(rows).toContainEqual(['pods', 'po', 'v1', 'true', 'Pod']);
    expect(rows).toContainEqual(['services', 'svc', 'v1', 'true', 'Service']);
    expect(rows).toContainEqual(['endpoints', 'ep', 'v1', 'true', 'Endpoints']);
    expect(rows).toContainEqual(['nodes', 'no', 'v1', 'false', 'Node']);
    expect(rows).toContainEqual(['namespaces', 'ns', 'v1', 'false', 'Namespace']);
    expect(rows).toContainEqual(['endpointslices', 'discovery.k8s.io/v1', 'true', 'EndpointSlice']);
    const urls = server.requests.map((q) => q.url.split('?')[0]);
    expect(urls).toContain('/api');
    expect(urls).toContain('/apis');
    expect(urls).not.toContain('/api/v1');
    expect(urls).not.toContain('/apis/discovery.k8s.io/v1');
  });
});
