// Who a write is recorded as: a bearer token from --token-auth-file, Impersonate-User, or
// system:anonymous; and who may impersonate once authentication is on.

import { afterAll, describe, expect, it } from 'vitest';
import { api, removeDir, suiteServer, tempDir } from '../support/server.js';
import { ON_POSTGRES } from '../support/postgres.js';
import { as, TOKENS, writeTokenFile } from './audit/fixture.js';

const pod = (name: string) => ({ metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

describe('with --token-auth-file', () => {
  const dir = tempDir();
  const s = suiteServer(['--token-auth-file', writeTokenFile(dir)]);
  afterAll(() => removeDir(dir));

  it('an anonymous caller may not impersonate: 403, and nothing is written', async () => {
    const before = s.ledger.committedRv;
    const r = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', pod('forged'), { 'impersonate-user': 'dave' });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });
    expect(r.json.message).toBe('users "dave" is forbidden: User "system:anonymous" cannot impersonate resource "users" in API group "" at the cluster scope');
    expect(s.ledger.committedRv).toBe(before);
  });

  it('a bad token is 401; a known one is the actor, or the user it impersonates', async () => {
    expect((await api(s.url, 'POST', '/api/v1/namespaces/default/pods', pod('nobody'), as('no-such-token'))).status).toBe(401);
    const a = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', pod('by-alice'), as(TOKENS.alice));
    const b = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', pod('as-erin'), as(TOKENS.bob, 'erin'));
    const anon = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', pod('anon'));
    const actorAt = async (rv: string) => (await s.ledger.store.event(Number(rv)))?.actor;
    expect(await actorAt(a.json.metadata.resourceVersion)).toBe('alice');
    expect(await actorAt(b.json.metadata.resourceVersion)).toBe('erin');
    expect(await actorAt(anon.json.metadata.resourceVersion)).toBe('system:anonymous');
  });

  it('an impersonated write keeps who impersonated, in the log, the events list and the causes of the entries it made', async () => {
    const n = await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.9.1' }] } }, as(TOKENS.bob, 'erin'));
    const rv = Number(n.json.metadata.resourceVersion);
    expect(await s.ledger.store.event(rv)).toMatchObject({ actor: 'erin', impersonatedBy: 'bob' });
    const items = (await api(s.url, 'GET', `/apis/netledger.io/v1/events?since=${rv - 1}&until=${rv}`, undefined, as(TOKENS.alice))).json.items;
    expect(items).toEqual([expect.objectContaining({ actor: 'erin', impersonatedBy: 'bob', kind: 'Node', name: 'n1' })]);
    const routes = await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/n1/tables/routes', undefined, as(TOKENS.alice));
    const causes = routes.json.entries.map((e: any) => e.cause).filter((c: any) => c?.resourceVersion === String(rv));
    expect(causes.length).toBeGreaterThan(0);
    for (const c of causes) expect(c).toMatchObject({ actor: 'erin', impersonatedBy: 'bob' });
    const table = await api(s.url, 'GET', `/apis/netledger.io/v1/events?since=${rv - 1}&until=${rv}`, undefined, { ...as(TOKENS.alice), accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    expect(table.json.rows[0].cells[2]).toBe('erin (impersonated by bob)');
    // `actor=bob` names what bob did as himself and as erin; `actor=erin` what was done as erin.
    const byBob = (await api(s.url, 'GET', '/apis/netledger.io/v1/events?actor=bob', undefined, as(TOKENS.alice))).json.items;
    expect(byBob.map((e: any) => [e.kind, e.name, e.actor])).toEqual([
      ['Pod', 'as-erin', 'erin'],
      ['Node', 'n1', 'erin'],
    ]);
    // Each half walks its own index in rv order, with no sort of every matching row (SQLite's plan;
    // PostgreSQL's planner chooses by the tables' size, and this one is tiny).
    for (const [column, index] of ON_POSTGRES ? [] : [['actor', 'events_by_actor'], ['impersonated_by', 'events_by_impersonator']]) {
      const plan = s.ledger.store.sql.prepare(`EXPLAIN QUERY PLAN SELECT * FROM events WHERE rv > 0 AND rv <= 1000 AND ${column} = 'bob' ORDER BY rv LIMIT 10`).all() as { detail: string }[];
      const text = plan.map((r) => r.detail).join('\n');
      expect(text).toContain(index);
      expect(text).not.toContain('TEMP B-TREE');
    }
    expect((await api(s.url, 'GET', '/apis/netledger.io/v1/events?actor=erin', undefined, as(TOKENS.alice))).json.items.map((e: any) => e.name)).toEqual(['as-erin', 'n1']);
    // Without impersonation the field is absent, not null.
    const plain = (await api(s.url, 'GET', '/apis/netledger.io/v1/events?kind=Pod&name=by-alice', undefined, as(TOKENS.alice))).json.items[0];
    expect(plain.actor).toBe('alice');
    expect('impersonatedBy' in plain).toBe(false);
  });
});

describe('without a token file', () => {
  const s = suiteServer();

  it('Impersonate-User names the actor (every caller is anonymous there)', async () => {
    const r = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', pod('by-carol'), { 'impersonate-user': 'carol' });
    expect(r.status).toBe(201);
    expect(await s.ledger.store.event(Number(r.json.metadata.resourceVersion))).toMatchObject({ actor: 'carol', impersonatedBy: 'system:anonymous' });
  });

  it('a group to act as without a user to act as is refused, and nothing is written', async () => {
    const before = s.ledger.committedRv;
    const r = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', pod('by-group'), { 'impersonate-group': 'system:masters' });
    expect([r.status, r.json.kind, r.json.reason, r.json.message]).toEqual([500, 'Status', 'InternalError', 'requested impersonate-group: system:masters without impersonating a user']);
    expect(s.ledger.committedRv).toBe(before);
  });
});
