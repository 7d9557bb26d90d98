// kubectl sends a bearer token only over TLS (over plain http it drops it: every write would be
// system:anonymous). With --tls-cert-file/--tls-private-key-file, as kube-apiserver's secure
// port, the real kubectl authenticates with --token and its writes carry the token's user.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTool, titled } from '../support/host.js';
import { removeDir, startTestServer, tempDir, type TestServer } from '../support/server.js';
import { TOKENS, writeTokenFile } from '../api/audit/fixture.js';
import { HAS_KUBECTL, Kubectl } from './kubectl-harness.js';

const skip = HAS_KUBECTL ? missingTool(['openssl']) : '/usr/bin/kubectl is missing';

describe.skipIf(skip !== undefined)(titled('kubectl over TLS with bearer tokens', skip), () => {
  let s: TestServer;
  let dir: string;
  let k: Kubectl;
  let tls: string[];
  const actorOf = async (name: string) => (await s.ledger.eventsSince(0)).filter((e) => e.kind === 'Namespace' && e.name === name).map((e) => e.actor);

  beforeAll(async () => {
    dir = tempDir('netledger-tls-');
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=netledger', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1'], { stdio: 'ignore' });
    s = await startTestServer(['--token-auth-file', writeTokenFile(dir), '--tls-cert-file', cert, '--tls-private-key-file', key]);
    tls = ['--certificate-authority', cert];
    k = new Kubectl(s.url, dir);
  });
  afterAll(async () => {
    await s?.stop();
    removeDir(s.dataDir);
    removeDir(dir);
  });

  it('serves https', () => {
    expect(s.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('a --token write is recorded as the token\'s user; --as with a token as the user it names', async () => {
    const a = await k.run([...tls, '--token', TOKENS.alice, 'create', 'namespace', 'team-a']);
    expect(a.stderr).toBe('');
    expect(a.stdout).toBe('namespace/team-a created\n');
    const b = await k.run([...tls, '--token', TOKENS.bob, '--as', 'erin', 'create', 'namespace', 'team-b']);
    expect(b.stdout).toBe('namespace/team-b created\n');
    expect(await actorOf('team-a')).toEqual(['alice']);
    expect(await actorOf('team-b')).toEqual(['erin']);
  });

  it('a wrong token is refused (401), and nothing is written', async () => {
    const before = s.ledger.committedRv;
    const r = await k.run([...tls, '--token', 'not-a-token', 'create', 'namespace', 'team-x']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('You must be logged in to the server');
    expect(s.ledger.committedRv).toBe(before);
  });
});
