// The real kubectl v1.32 against netledger, unchanged: every command here is one a user types,
// and the expected output is upstream's (reference §1.2, §4). The tests build on each other in
// order (apply → get → patch → replace → delete), like a session at a terminal.

import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { api } from '../support/server.js';
import { cells, HAS_KUBECTL, kubectlSuite } from './kubectl-harness.js';
import { documents, NODE, pod, service } from './manifests.js';

describe.skipIf(!HAS_KUBECTL)('kubectl v1.32 against netledger', () => {
  const t = kubectlSuite('netledger-kubectl-');
  const getPod = async (name: string) => (await api(t.s.url, 'GET', `/api/v1/namespaces/default/pods/${name}`)).json;

  it('version: the dispatcher picks 1.32 from the server minor', async () => {
    const r = await t.k.run(['version']);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.includes('Version:'))).toEqual([
      'Client Version: v1.32.4-dispatcher',
      'Kustomize Version: v5.5.0',
      expect.stringMatching(/^Server Version: v1\.32\.\d+/),
    ]);
  });

  it('apply -f a multi-document file, validated against /openapi/v3 (strict)', async () => {
    const r = await t.k.run(['apply', '-f', t.file('cluster.yaml', documents(NODE, pod(), service()))]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('node/node-1 created\npod/web-1 created\nservice/web created\n');
    expect(r.code).toBe(0);
  });

  it('get pods, and -o wide', async () => {
    const r = await t.k.run(['get', 'pods']);
    expect(r.code).toBe(0);
    const rows = cells(r.stdout);
    expect(rows[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(rows.slice(1).map((c) => c.slice(0, 4))).toEqual([['web-1', '0/1', 'Pending', '0']]);
    expect(rows[1]![4]).toMatch(/^\d+s$/);

    const ip = (await getPod('web-1')).status.podIP;
    expect(ip).toMatch(/^10\.244\.0\.\d+$/);
    const wide = cells((await t.k.run(['get', 'pods', '-o', 'wide'])).stdout);
    expect(wide[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(wide[1]!.slice(5)).toEqual([ip, 'node-1', '<none>', '<none>']);
  });

  it('get svc and get nodes', async () => {
    const svc = (await api(t.s.url, 'GET', '/api/v1/namespaces/default/services/web')).json;
    const rows = cells((await t.k.run(['get', 'svc'])).stdout);
    expect(rows[0]).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    // The API server's own Service, there from the start as in every cluster (server/bootstrap.ts).
    expect(rows[1]!.slice(0, 5)).toEqual(['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP']);
    expect(rows[2]!.slice(0, 5)).toEqual(['web', 'ClusterIP', svc.spec.clusterIP, '<none>', '80/TCP']);

    const nodes = cells((await t.k.run(['get', 'nodes'])).stdout);
    expect(nodes[0]).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    expect([...nodes[1]!.slice(0, 3), nodes[1]![4]]).toEqual(['node-1', 'Ready', '<none>', 'v1.32.4']);
  });

  it('get -o yaml and -o json', async () => {
    const y = await t.k.run(['get', 'pod', 'web-1', '-o', 'yaml']);
    const obj = YAML.parse(y.stdout);
    expect([obj.apiVersion, obj.kind, obj.metadata.name, obj.spec.containers[0].image]).toEqual(['v1', 'Pod', 'web-1', 'nginx:1.27']);
    expect(obj.metadata.resourceVersion).toMatch(/^\d+$/);
    // kubectl wraps a list as the client-side `kind: List` (api-concepts §Collections).
    const j = JSON.parse((await t.k.run(['get', 'svc', '-o', 'json'])).stdout);
    expect(j.kind).toBe('List');
    expect(j.items.map((i: { kind: string; metadata: { name: string } }) => `${i.kind}/${i.metadata.name}`)).toEqual(['Service/kubernetes', 'Service/web']);
  });

  it('re-apply of a changed file patches (strategic, $setElementOrder) and prints configured', async () => {
    const r = await t.k.run(['apply', '-f', t.file('cluster-2.yaml', documents(NODE, pod({ image: 'nginx:1.28', tier: false }), service({ https: true })))]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('node/node-1 unchanged\npod/web-1 configured\nservice/web configured\n');
    const p = await getPod('web-1');
    expect(p.metadata.labels).toEqual({ app: 'web' });
    expect(p.spec.containers.map((c: { name: string; image: string }) => [c.name, c.image])).toEqual([['c', 'nginx:1.28']]);
    expect(p.spec.containers[0].ports).toEqual([{ containerPort: 80, name: 'http', protocol: 'TCP' }]);
    const svc = (await api(t.s.url, 'GET', '/api/v1/namespaces/default/services/web')).json;
    expect(svc.spec.ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }]);

    const again = await t.k.run(['apply', '-f', join(t.dir, 'cluster-2.yaml')]);
    expect(again.stdout).toBe('node/node-1 unchanged\npod/web-1 unchanged\nservice/web unchanged\n');
  });

  it('label and annotate (merge patches)', async () => {
    expect((await t.k.run(['label', 'pod', 'web-1', 'tier=back'])).stdout).toBe('pod/web-1 labeled\n');
    expect((await t.k.run(['annotate', 'pod', 'web-1', 'team=net'])).stdout).toBe('pod/web-1 annotated\n');
    const p = await getPod('web-1');
    expect(p.metadata.labels).toEqual({ app: 'web', tier: 'back' });
    expect(p.metadata.annotations.team).toBe('net');
    expect((await t.k.run(['label', 'pod', 'web-1', 'tier-'])).stdout).toBe('pod/web-1 unlabeled\n');
    expect((await getPod('web-1')).metadata.labels).toEqual({ app: 'web' });
  });

  it('patch: strategic (default), --type merge, --type json, and a no-op', async () => {
    const smp = await t.k.run(['patch', 'pod', 'web-1', '-p', '{"spec":{"containers":[{"name":"c","image":"nginx:1.29"}]}}']);
    expect(smp.stdout).toBe('pod/web-1 patched\n');
    let p = await getPod('web-1');
    // Merged by the container's name: the ports of container c survive.
    expect(p.spec.containers.map((c: { name: string; image: string; ports: unknown }) => [c.name, c.image, c.ports])).toEqual([
      ['c', 'nginx:1.29', [{ containerPort: 80, name: 'http', protocol: 'TCP' }]],
    ]);
    expect((await t.k.run(['patch', 'pod', 'web-1', '--type', 'merge', '-p', '{"metadata":{"labels":{"tier":"mid"}}}'])).stdout).toBe('pod/web-1 patched\n');
    const json = await t.k.run(['patch', 'pod', 'web-1', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.30"}]']);
    expect(json.stdout).toBe('pod/web-1 patched\n');
    p = await getPod('web-1');
    expect([p.metadata.labels.tier, p.spec.containers[0].image]).toEqual(['mid', 'nginx:1.30']);
    const noop = await t.k.run(['patch', 'pod', 'web-1', '--type', 'merge', '-p', '{"metadata":{"labels":{"tier":"mid"}}}']);
    expect(noop.stdout).toBe('pod/web-1 patched (no change)\n');
    expect((await getPod('web-1')).metadata.resourceVersion).toBe(p.metadata.resourceVersion);
  });

  it('replace -f: PUT with the live resourceVersion, then Conflict with a stale one', async () => {
    const live = await t.k.run(['get', 'pod', 'web-1', '-o', 'yaml']);
    const path = t.file('live.yaml', live.stdout.replace('image: nginx:1.30', 'image: nginx:1.31'));
    const r = await t.k.run(['replace', '-f', path]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('pod/web-1 replaced\n');
    expect((await getPod('web-1')).spec.containers[0].image).toBe('nginx:1.31');
    const stale = await t.k.run(['replace', '-f', path]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toBe(
      `Error from server (Conflict): error when replacing "${path}": Operation cannot be fulfilled on pods "web-1": the object has been modified; please apply your changes to the latest version and try again\n`,
    );
  });

  it('apply --server-side creates, then re-applies', async () => {
    const path = t.file('ssa.yaml', pod({ name: 'ssa-1' }));
    expect((await t.k.run(['apply', '--server-side', '-f', path])).stdout).toBe('pod/ssa-1 serverside-applied\n');
    t.file('ssa.yaml', pod({ name: 'ssa-1', image: 'nginx:1.28' }));
    const again = await t.k.run(['apply', '--server-side', '-f', path]);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe('pod/ssa-1 serverside-applied\n');
    expect((await getPod('ssa-1')).spec.containers[0].image).toBe('nginx:1.28');
  });

  it('get -w prints the change made meanwhile', async () => {
    const w = t.k.start(['get', 'pods', '-w']);
    try {
      await w.waitFor(/^web-1\s+0\/1\s+Pending/m);
      const res = await api(
        t.s.url,
        'PATCH',
        '/api/v1/namespaces/default/pods/web-1/status',
        { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'c', ready: true, restartCount: 0, image: 'nginx:1.31', imageID: '', started: true, state: { running: { startedAt: '2026-01-01T00:00:00Z' } } }] } },
        { 'content-type': 'application/merge-patch+json' },
      );
      expect(res.status).toBe(200);
      const out = await w.waitFor(/^web-1\s+1\/1\s+Running\s+0\s+\d+s$/m);
      expect(out.split('\n')[0]!.trim().split(/\s+/)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    } finally {
      await w.stop();
    }
  });

  it('get all, get endpoints,endpointslices, api-resources', async () => {
    const all = (await t.k.run(['get', 'all'])).stdout;
    const svc = (await api(t.s.url, 'GET', '/api/v1/namespaces/default/services/web')).json;
    const rows = cells(all);
    expect(rows.map((r) => r[0])).toEqual(['NAME', 'pod/ssa-1', 'pod/web-1', 'NAME', 'service/kubernetes', 'service/web']);
    expect(rows[5]!.slice(0, 5)).toEqual(['service/web', 'ClusterIP', svc.spec.clusterIP, '<none>', '443/TCP']);

    const eps = cells((await t.k.run(['get', 'endpoints,endpointslices'])).stdout);
    expect(eps[0]).toEqual(['NAME', 'ENDPOINTS', 'AGE']);
    expect(eps[1]!.slice(0, 2)).toEqual(['endpoints/web', `${(await getPod('web-1')).status.podIP}:8443`]);
    expect(eps[2]).toEqual(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
    expect(eps[3]![0]).toMatch(/^endpointslice\.discovery\.k8s\.io\/web-[a-z0-9]{5}$/);

    const res = cells((await t.k.run(['api-resources'])).stdout);
    expect(res[0]).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    expect(res).toContainEqual(['pods', 'po', 'v1', 'true', 'Pod']);
    expect(res).toContainEqual(['services', 'svc', 'v1', 'true', 'Service']);
    expect(res).toContainEqual(['nodes', 'no', 'v1', 'false', 'Node']);
  });

  it('explain pods.spec.containers reads the OpenAPI v3 schemas', async () => {
    const r = await t.k.run(['explain', 'pods.spec.containers']);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['KIND:       Pod', 'VERSION:    v1', '', 'FIELD: containers <[]Container>']);
    expect(r.stdout).toMatch(/^ {2}image\t<string>$/m);
  });

  it('errors: NotFound, AlreadyExists, Invalid (422), strict decoding (400 on a create, 422 on a patch)', async () => {
    const missing = await t.k.run(['get', 'pods', 'nope']);
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([1, '', 'Error from server (NotFound): pods "nope" not found\n']);
    const dup = t.file('dup.yaml', pod({ name: 'ssa-1' }));
    expect((await t.k.run(['create', '-f', dup])).stderr).toBe(`Error from server (AlreadyExists): error when creating "${dup}": pods "ssa-1" already exists\n`);
    const bad = t.file('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers: []\n');
    const invalid = await t.k.run(['apply', '-f', bad]);
    expect([invalid.code, invalid.stderr]).toEqual([1, 'The Pod "bad" is invalid: spec.containers: Required value\n']);
    const unknown = t.file('unknown.yaml', pod({ name: 'odd' }).replace('    image:', '    bogus: 1\n    image:'));
    expect((await t.k.run(['apply', '-f', unknown])).stderr).toBe(
      `Error from server (BadRequest): error when creating "${unknown}": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].bogus"\n`,
    );
    // Re-applied with an unknown field, the strategic merge patch fails as upstream's does: a 422
    // without kind or name, which kubectl words as "The request is invalid".
    expect((await t.k.run(['apply', '-f', t.file('odd2.yaml', pod({ name: 'odd2' }))])).code).toBe(0);
    const reapplied = await t.k.run(['apply', '-f', t.file('odd2.yaml', pod({ name: 'odd2' }).replace('    image:', '    bogus: 1\n    image:'))]);
    expect(reapplied.code).toBe(1);
    expect(reapplied.stderr).toMatch(/^The request is invalid: patch: Invalid value: "map\[metadata:map\[annotations:map\[kubectl\.kubernetes\.io\/last-applied-configuration:/);
    expect(reapplied.stderr).toMatch(/ spec:map\[\$setElementOrder\/containers:\[map\[name:\w+\]\] containers:\[map\[bogus:1 name:\w+\]\]\]\]": strict decoding error: unknown field "spec\.containers\[0\]\.bogus"\n$/);
    expect((await t.k.run(['delete', 'pod', 'odd2'])).code).toBe(0);
  });

  it('delete with the default grace returns at once; --grace-period=2 waits for the removal', async () => {
    const quick = await t.k.run(['delete', 'pod', 'ssa-1']);
    expect([quick.code, quick.stdout]).toEqual([0, 'pod "ssa-1" deleted\n']);
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods/ssa-1')).status).toBe(404);

    const started = Date.now();
    const del = t.k.run(['delete', 'pod', 'web-1', '--grace-period=2']);
    // Meanwhile the pod is terminating: still there, with its deletionTimestamp.
    let terminating: { metadata: { deletionTimestamp?: string; deletionGracePeriodSeconds?: number } } | undefined;
    while (!terminating && Date.now() - started < 5000) {
      const p = await getPod('web-1');
      if (p?.metadata?.deletionTimestamp) terminating = p;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(terminating?.metadata.deletionGracePeriodSeconds).toBe(2);
    const r = await del;
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'pod "web-1" deleted\n', '']);
    expect(Date.now() - started).toBeGreaterThan(900);
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods/web-1')).status).toBe(404);
    const none = await t.k.run(['get', 'pods']);
    expect([none.stdout, none.stderr]).toEqual(['', 'No resources found in default namespace.\n']);
  });
});
