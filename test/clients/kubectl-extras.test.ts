// More of what people type at kubectl v1.32: table options that read rows[].object (-A,
// --show-labels, --sort-by), paging (--chunk-size), field selectors, wait, diff and server dry
// run, edit, cordon, delete by label. Each one exercises a server behaviour kubectl depends on.

import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.js';
import { cells, HAS_KUBECTL, kubectlSuite } from './kubectl-harness.js';
import { documents, NODE, pod, service } from './manifests.js';

describe.skipIf(!HAS_KUBECTL)('kubectl v1.32: more commands', () => {
  const t = kubectlSuite('netledger-kubectl-');
  const getPod = async (name: string) => (await api(t.s.url, 'GET', `/api/v1/namespaces/default/pods/${name}`)).json;
  beforeAll(async () => {
    const r = await t.k.run(['create', '-f', t.file('all.yaml', documents(NODE, pod({ name: 'web-2' }), pod({ name: 'web-1', tier: false }), service()))]);
    expect(r.stdout).toBe('node/node-1 created\npod/web-2 created\npod/web-1 created\nservice/web created\n');
  });

  it('-A, --show-labels, -L and --sort-by take their cells from the rows’ objects', async () => {
    const all = cells((await t.k.run(['get', 'pods', '-A'])).stdout);
    expect(all.map((r) => r.slice(0, 2))).toEqual([['NAMESPACE', 'NAME'], ['default', 'web-1'], ['default', 'web-2']]);
    const labels = cells((await t.k.run(['get', 'pods', '--show-labels', '-L', 'tier'])).stdout);
    expect(labels[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'TIER', 'LABELS']);
    expect(labels.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([['web-1', 'app=web'], ['web-2', 'app=web,tier=front']]);
    // --sort-by asks for includeObject=Object and sorts on the embedded pods.
    const sorted = cells((await t.k.run(['get', 'pods', '--sort-by=.metadata.labels.tier'])).stdout);
    expect(sorted.slice(1).map((r) => r[0])).toEqual(['web-1', 'web-2']);
    const byName = cells((await t.k.run(['get', 'pods', '--sort-by=.metadata.name', '-o', 'custom-columns=N:.metadata.name,NODE:.spec.nodeName'])).stdout);
    expect(byName).toEqual([['N', 'NODE'], ['web-1', 'node-1'], ['web-2', 'node-1']]);
  });

  it('describe pod shows what the default admission plugins set: priority and the 300 s tolerations', async () => {
    const r = await t.k.run(['describe', 'pod', 'web-2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Priority:\s+0$/m);
    expect(r.stdout).toMatch(/^Tolerations:\s+node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s$/m);
    expect(r.stdout).toMatch(/^\s+node\.kubernetes\.io\/unreachable:NoExecute op=Exists for 300s$/m);
  });

  it('--chunk-size pages with limit/continue; wide tables for services and nodes', async () => {
    const paged = cells((await t.k.run(['get', 'pods', '--chunk-size=1'])).stdout);
    expect(paged.map((r) => r[0])).toEqual(['NAME', 'web-1', 'web-2']);
    const svc = cells((await t.k.run(['get', 'svc', '-o', 'wide'])).stdout);
    expect(svc[0]).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    expect([svc[1]![0], svc[1]!.at(-1)]).toEqual(['kubernetes', '<none>']);
    expect([svc[2]![0], svc[2]!.at(-1)]).toEqual(['web', 'app=web']);
    const nodes = cells((await t.k.run(['get', 'nodes', '-o', 'wide'])).stdout);
    expect(nodes[0]).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']);
    expect(nodes[1]!.slice(5)).toEqual(['192.168.56.11', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });

  it('label and field selectors, including the upstream error for an unknown field', async () => {
    expect((await t.k.run(['get', 'pods', '-l', 'app in (web),tier!=front', '-o', 'name'])).stdout).toBe('pod/web-1\n');
    expect((await t.k.run(['get', 'pods', '--field-selector', 'spec.nodeName=node-1,metadata.name!=web-1', '-o', 'name'])).stdout).toBe('pod/web-2\n');
    const bad = await t.k.run(['get', 'endpoints', '--field-selector', 'foo.bar=x']);
    expect(bad.stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=endpoints" that match label selector "", field selector "foo.bar=x": "foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    );
    // Services have their own field labels since 1.31: spec.type and spec.clusterIP.
    const badSvc = await t.k.run(['get', 'svc', '--field-selector', 'foo.bar=x']);
    expect(badSvc.stderr).toBe('Error from server (BadRequest): Unable to find "/v1, Resource=services" that match label selector "", field selector "foo.bar=x": field label not supported: foo.bar\n');
    const clusterIPs = await t.k.run(['get', 'svc', '-A', '--field-selector', 'spec.type=ClusterIP,spec.clusterIP!=None', '-o', 'name']);
    expect(clusterIPs.stderr).toBe('');
    expect(clusterIPs.stdout).toContain('service/kubernetes\n');
  });

  it('wait --for=condition=Ready follows a watch until the status changes', async () => {
    const wait = t.k.run(['wait', '--for=condition=Ready', 'pod/web-1', '--timeout=20s']);
    await new Promise((r) => setTimeout(r, 500));
    const res = await api(t.s.url, 'PATCH', '/api/v1/namespaces/default/pods/web-1/status', { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }, { 'content-type': 'application/merge-patch+json' });
    expect(res.status).toBe(200);
    expect((await wait).stdout).toBe('pod/web-1 condition met\n');
  });

  it('diff and apply --dry-run=server change nothing', async () => {
    const before = (await getPod('web-2')).metadata.resourceVersion;
    const changed = t.file('changed.yaml', pod({ name: 'web-2', image: 'nginx:1.28' }));
    const diff = await t.k.run(['diff', '-f', changed]);
    expect(diff.code).toBe(1); // 1 = differences found
    expect(diff.stdout).toMatch(/^-  - image: nginx:1\.27$/m);
    expect(diff.stdout).toMatch(/^\+  - image: nginx:1\.28$/m);
    expect((await t.k.run(['apply', '--dry-run=server', '-f', changed])).stdout).toBe('pod/web-2 configured (server dry run)\n');
    const after = await getPod('web-2');
    expect([after.metadata.resourceVersion, after.spec.containers[0].image]).toEqual([before, 'nginx:1.27']);
  });

  it('apply of an exported object and then of the original file (the last-applied uid is dropped, not refused)', async () => {
    const file = t.file('rt.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: rt\nspec:\n  selector: {app: rt}\n  ports: [{port: 80}]\n');
    expect((await t.k.run(['apply', '-f', file])).code).toBe(0);
    const live = t.file('rt-live.yaml', (await t.k.run(['get', 'svc', 'rt', '-o', 'yaml'])).stdout);
    expect((await t.k.run(['apply', '-f', live])).code).toBe(0);
    const again = await t.k.run(['apply', '-f', file]);
    expect([again.code, again.stdout, again.stderr]).toEqual([0, 'service/rt configured\n', '']);
    const ports = (await api(t.s.url, 'GET', '/api/v1/namespaces/default/services/rt')).json.spec.ports;
    expect(ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect((await t.k.run(['delete', 'svc', 'rt'])).code).toBe(0);
  });

  it('logs and exec say that no kubelet serves them (not a 404 that reads as a missing pod)', async () => {
    const logs = await t.k.run(['logs', 'web-1']);
    expect([logs.code, logs.stderr.trim()]).toEqual([
      1,
      'Error from server (ServiceUnavailable): pods/log is served by the kubelet of node "node-1", and netledger, a network control plane, runs no kubelet or container runtime',
    ]);
    const exec = await t.k.run(['exec', 'web-1', '--', 'ls']);
    expect([exec.code, exec.stderr]).toEqual([1, expect.stringContaining('Error from server (ServiceUnavailable): pods/exec is served by the kubelet of node "node-1"')]);
    expect((await t.k.run(['logs', 'nope'])).stderr).toContain('pods "nope" not found');
  });

  it('edit: GET, the editor, then a patch', async () => {
    const editor = t.file('editor.sh', '#!/bin/sh\nsed -i "s/image: nginx:1.27/image: nginx:1.99/" "$1"\n');
    chmodSync(editor, 0o755);
    const r = await t.k.runWithEnv(['edit', 'pod', 'web-2'], { EDITOR: editor });
    expect([r.stdout, r.stderr]).toEqual(['pod/web-2 edited\n', '']);
    expect((await getPod('web-2')).spec.containers[0].image).toBe('nginx:1.99');
  });

  it('cordon and uncordon patch the node; the table shows SchedulingDisabled', async () => {
    expect((await t.k.run(['cordon', 'node-1'])).stdout).toBe('node/node-1 cordoned\n');
    expect(cells((await t.k.run(['get', 'nodes'])).stdout)[1]![1]).toBe('Ready,SchedulingDisabled');
    expect((await t.k.run(['uncordon', 'node-1'])).stdout).toBe('node/node-1 uncordoned\n');
    expect((await api(t.s.url, 'GET', '/api/v1/nodes/node-1')).json.spec.unschedulable).toBeUndefined();
  });

  it('patch --subresource=status writes the status and labels it sends, never the spec', async () => {
    const image = (await getPod('web-1')).spec.containers[0].image;
    const patch = JSON.stringify({ metadata: { labels: { reported: 'yes' } }, spec: { containers: [{ name: 'c', image: 'changed' }] }, status: { message: 'reported by a test' } });
    const r = await t.k.run(['patch', 'pod', 'web-1', '--subresource=status', '--type=strategic', '-p', patch]);
    expect([r.code, r.stdout]).toEqual([0, 'pod/web-1 patched\n']);
    const after = await getPod('web-1');
    expect(after.metadata.labels).toEqual({ app: 'web', reported: 'yes' });
    expect(after.status.message).toBe('reported by a test');
    expect(after.spec.containers[0].image).toBe(image);
    const kubectlPatch = after.metadata.managedFields.find((m: any) => m.manager === 'kubectl-patch' && m.subresource === 'status');
    expect(kubectlPatch).toMatchObject({ subresource: 'status', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:reported': {} } }, 'f:status': { 'f:message': {} } } });
  });

  it('delete -l deletes each match; delete -f removes what a file describes', async () => {
    expect((await t.k.run(['delete', 'pods', '-l', 'app=web'])).stdout).toBe('pod "web-1" deleted\npod "web-2" deleted\n');
    const r = await t.k.run(['delete', '-f', join(t.dir, 'all.yaml'), '--ignore-not-found']);
    expect(r.stdout).toBe('node "node-1" deleted\nservice "web" deleted\n');
    // What is left is the API server's own Service, which no file described.
    const left = await t.k.run(['get', 'all']);
    expect(left.stderr).toBe('');
    expect(cells(left.stdout).map((r) => r[0])).toEqual(['NAME', 'service/kubernetes']);
  });
});
