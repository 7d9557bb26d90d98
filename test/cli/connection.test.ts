// Where the CLI connects: --server, $NETLEDGER_SERVER, the kubeconfig's current context, the
// default; and how --since reads.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER, kubeconfigPath, resolveConnection } from '../../cli/connection.js';
import { parseSince } from '../../cli/since.js';
import { removeDir, tempDir } from '../support/server.js';

describe('CLI connection', () => {
  const home = tempDir();
  mkdirSync(join(home, '.kube'));
  writeFileSync(
    join(home, '.kube', 'config'),
    'apiVersion: v1\ncurrent-context: b\ncontexts:\n- name: a\n  context: {cluster: a, user: u}\n- name: b\n  context: {cluster: b, user: u}\nclusters:\n- name: a\n  cluster: {server: "https://a:6443"}\n- name: b\n  cluster: {server: "http://b:6443/"}\nusers:\n- name: u\n  user: {token: tok}\n',
  );

  it('prefers the flag, then $NETLEDGER_SERVER, then the kubeconfig, then the default', () => {
    const env = { HOME: home };
    // The kubeconfig user's token goes to the kubeconfig's server only, never to one named elsewhere.
    expect(resolveConnection({ server: 'http://flag:1' }, { ...env, NETLEDGER_SERVER: 'http://env:2' })).toEqual({ server: 'http://flag:1' });
    expect(resolveConnection({}, { ...env, NETLEDGER_SERVER: 'http://env:2' })).toEqual({ server: 'http://env:2' });
    expect(resolveConnection({ server: 'http://b:6443' }, env)).toEqual({ server: 'http://b:6443', token: 'tok' });
    expect(resolveConnection({}, env)).toEqual({ server: 'http://b:6443', token: 'tok' });
    expect(resolveConnection({ server: 'http://flag:1', token: 't3' }, env)).toEqual({ server: 'http://flag:1', token: 't3' });
    expect(resolveConnection({ token: 't2' }, { HOME: '/nonexistent' })).toEqual({ server: DEFAULT_SERVER, token: 't2' });
    expect(kubeconfigPath({ HOME: home, KUBECONFIG: `/x/one:/x/two` })).toBe('/x/one');
  });

  it('reads --since as an rv, a duration or a time', () => {
    const now = Date.parse('2024-05-01T12:00:00.000Z');
    expect(parseSince('120', now)).toEqual({ rv: 120 });
    expect(parseSince('1h30m', now)).toEqual({ time: '2024-05-01T10:30:00.000Z' });
    expect(parseSince('2024-05-01T11:00:00Z', now)).toEqual({ time: '2024-05-01T11:00:00.000Z' });
    expect(() => parseSince('yesterday', now)).toThrow(/--since yesterday/);
    // RFC 3339 only: Date.parse would read these as dates in 2001.
    for (const text of ['1.5', ' 5', 'March 7', '2024-05-01']) expect(() => parseSince(text, now)).toThrow(/RFC 3339/);
    expect(parseSince('2024-05-01T11:00:00.5+02:00', now)).toEqual({ time: '2024-05-01T09:00:00.500Z' });
  });

  it('a broken kubeconfig does not stop a command that names its server', () => {
    const broken = tempDir();
    writeFileSync(join(broken, 'config'), 'clusters: [unclosed');
    expect(resolveConnection({ server: 'http://flag:1' }, { KUBECONFIG: join(broken, 'config') })).toEqual({ server: 'http://flag:1' });
    expect(() => resolveConnection({}, { KUBECONFIG: join(broken, 'config') })).toThrow(/cannot read kubeconfig/);
    removeDir(broken);
  });

  afterAll(() => removeDir(home));
});
