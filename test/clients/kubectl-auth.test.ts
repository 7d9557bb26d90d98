// kubectl auth can-i / whoami against netledger: its typed clients post the self reviews as
// protobuf; netledger authenticates (token file, impersonation) and allows everything, as
// kube-apiserver with --authorization-mode=AlwaysAllow answers them.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api } from '../support/server.js';
import { cells, HAS_KUBECTL, kubectlSuite } from './kubectl-harness.js';

describe.skipIf(!HAS_KUBECTL)('kubectl auth against netledger', () => {
  const t = kubectlSuite('netledger-kubectl-auth-', (dir) => {
    const tokens = join(dir, 'tokens.csv');
    writeFileSync(tokens, 'tok-ann,ann,u1,"ops,dev"\n');
    return ['--token-auth-file', tokens];
  });

  it('can-i answers yes for a resource and for a non-resource URL; --list shows every rule', async () => {
    const pods = await t.k.run(['auth', 'can-i', 'delete', 'pods', '-n', 'shop']);
    expect(pods).toMatchObject({ code: 0, stdout: 'yes\n' });
    expect((await t.k.run(['auth', 'can-i', 'get', '/healthz'])).stdout).toBe('yes\n');
    const list = cells((await t.k.run(['auth', 'can-i', '--list'])).stdout);
    expect(list[0]).toEqual(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']);
    expect(list[1]).toEqual(['*.*', '[]', '[]', '[*]']);
  });

  it('whoami names the anonymous caller', async () => {
    expect(cells((await t.k.run(['auth', 'whoami'])).stdout)).toEqual([
      ['ATTRIBUTE', 'VALUE'],
      ['Username', 'system:anonymous'],
      ['Groups', '[system:unauthenticated]'],
    ]);
  });

  it('a token user has the token file groups; an impersonated one those asked for (JSON bodies, over HTTP)', async () => {
    const r = await api(t.s.url, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }, { authorization: 'Bearer tok-ann' });
    expect(r.status).toBe(201);
    expect(r.json.status.userInfo).toEqual({ username: 'ann', groups: ['ops', 'dev', 'system:authenticated'] });
    // Impersonating (kubectl --as alice --as-group devs): that user, those groups, authenticated.
    const as = await api(t.s.url, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {}, { authorization: 'Bearer tok-ann', 'impersonate-user': 'alice', 'impersonate-group': 'devs' });
    expect(as.json).toMatchObject({ kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', status: { userInfo: { username: 'alice', groups: ['devs', 'system:authenticated'] } } });
    // A review must ask about exactly one kind of attribute.
    const bad = await api(t.s.url, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { spec: {} });
    expect(bad.json).toMatchObject({ code: 422, reason: 'Invalid' });
  });
});
