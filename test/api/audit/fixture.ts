// The story the audit tests ask questions about: three nodes, a Service `web`, pods whose IPs
// and readiness arrive through the status subresource, and actors from bearer tokens
// (--token-auth-file) and Impersonate-User.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api } from '../../support/server.js';

export const TOKENS = {
  admin: 'admin-token-0001',
  alice: 'alice-token-0002',
  bob: 'bob-token-0003',
};

/** A --token-auth-file (token,user,uid[,groups]) in dir; returns its path. */
export function writeTokenFile(dir: string): string {
  const path = join(dir, 'tokens.csv');
  writeFileSync(path, [`${TOKENS.admin},admin,uid-admin,"system:masters"`, `${TOKENS.alice},alice,uid-alice`, `${TOKENS.bob},bob,uid-bob`].join('\n') + '\n');
  return path;
}

export const as = (token: string, impersonate?: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  ...(impersonate ? { 'impersonate-user': impersonate } : {}),
});

async function ok(res: Promise<{ status: number; json: any; text: string }>) {
  const r = await res;
  if (r.status >= 300) throw new Error(`fixture request failed: ${r.status} ${r.text}`);
  return r.json;
}

export async function createNode(url: string, name: string, ip: string, token = TOKENS.admin) {
  return ok(api(url, 'POST', '/api/v1/nodes', { metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: ip }] } }, as(token)));
}

export async function createPod(url: string, name: string, node: string, token: string) {
  return ok(
    api(url, 'POST', '/api/v1/namespaces/default/pods', {
      metadata: { name, labels: { app: 'web' } },
      spec: { nodeName: node, containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 8080, name: 'http' }] }] },
    }, as(token)),
  );
}

/** What the kubelet reports: the pod's IP and Ready, written through the status subresource. */
export async function reportPodStatus(url: string, name: string, podIP: string, node: string) {
  const pod = await ok(api(url, 'GET', `/api/v1/namespaces/default/pods/${name}`, undefined, as(TOKENS.admin)));
  pod.status = { ...pod.status, phase: 'Running', podIP, podIPs: [{ ip: podIP }], conditions: [{ type: 'Ready', status: 'True' }] };
  return ok(api(url, 'PUT', `/api/v1/namespaces/default/pods/${name}/status`, pod, as(TOKENS.admin, `system:node:${node}`)));
}

export interface Story {
  /** rv of the kubelet's report (impersonated system:node:node-3) that made web-1 ready at 10.244.2.7. */
  web1Ready: number;
  /** rv after web-1 (10.244.2.7 on node-3) became ready, before bob's changes. */
  beforeBob: number;
  /** rv of bob's pod status report that made web-2 ready. */
  bobReady: number;
  /** rv of bob's edit of the Service (a second port). */
  bobServiceEdit: number;
  /** rv of alice's creation of the Service. */
  serviceCreated: number;
}

export async function buildStory(url: string): Promise<Story> {
  await createNode(url, 'node-1', '192.168.56.11');
  await createNode(url, 'node-2', '192.168.56.12');
  await createNode(url, 'node-3', '192.168.56.13');
  const svc = await ok(
    api(url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } }, as(TOKENS.alice)),
  );
  await createPod(url, 'web-1', 'node-3', TOKENS.alice);
  const web1 = await reportPodStatus(url, 'web-1', '10.244.2.7', 'node-3');
  const beforeBob = Number((await ok(api(url, 'GET', '/api/v1/namespaces/default/pods', undefined, as(TOKENS.admin)))).metadata.resourceVersion);
  await createPod(url, 'web-2', 'node-1', TOKENS.bob);
  const ready = await reportPodStatus(url, 'web-2', '10.244.0.5', 'node-1');
  const edited = await ok(
    api(url, 'PATCH', '/api/v1/namespaces/default/services/web', { spec: { ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'alt', port: 8080, targetPort: 'http' }] } }, {
      ...as(TOKENS.bob),
      'content-type': 'application/merge-patch+json',
    }),
  );
  return { web1Ready: Number(web1.metadata.resourceVersion), beforeBob, bobReady: Number(ready.metadata.resourceVersion), bobServiceEdit: Number(edited.metadata.resourceVersion), serviceCreated: Number(svc.metadata.resourceVersion) };
}
