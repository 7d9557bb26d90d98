// A node's history tells the changes of that node's table: what it held before and after each
// rv, for every key whose value moved there, and nothing else. The oracle is time travel: the
// node's table read at every rv, one snapshot after the other, on a cluster where nodes override
// cluster entries (externalTrafficPolicy: Local) and hide them (each node's own flannel neighbour
// and FDB entry, which the cluster layer holds for every other node).

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../../support/server.js';

const s = suiteServer();
const NL = '/apis/netledger.io/v1/nodes';

async function ok(method: string, path: string, body?: unknown) {
  const r = await api(s.url, method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  return r.json;
}

async function setReady(name: string, ready: boolean) {
  const pod = await ok('GET', `/api/v1/namespaces/shop/pods/${name}`);
  pod.status = { ...pod.status, phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] };
  await ok('PUT', `/api/v1/namespaces/shop/pods/${name}/status`, pod);
}

interface Item {
  resourceVersion: string;
  key: string;
  op: string;
  value: unknown;
  previous: unknown;
}

/** The changes between consecutive snapshots of a node's table over (from, to]. */
async function snapshotChanges(node: string, table: string, from: number, to: number): Promise<Item[]> {
  const at = async (rv: number) => {
    const r = await api(s.url, 'GET', `${NL}/${node}/tables/${table}?resourceVersion=${rv}`);
    if (r.status === 404) return new Map<string, unknown>(); // the node did not exist yet
    return new Map<string, unknown>(r.json.entries.map((e: { key: string; value: unknown }) => [e.key, e.value]));
  };
  const out: Item[] = [];
  let before = await at(from);
  for (let rv = from + 1; rv <= to; rv++) {
    const after = await at(rv);
    const moved: Item[] = [];
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const [a, b] = [before.get(key), after.get(key)];
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      moved.push({ resourceVersion: String(rv), key, op: b === undefined ? 'delete' : 'upsert', value: b ?? null, previous: a ?? null });
    }
    out.push(...moved.sort((x, y) => (x.key < y.key ? -1 : 1)));
    before = after;
  }
  return out;
}

async function historyOf(node: string, table: string, since: number, limit?: number): Promise<Item[]> {
  const items: Item[] = [];
  let cont: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const q = `since=${since}${limit ? `&limit=${limit}` : ''}${cont ? `&continue=${cont}` : ''}`;
    const page = await ok('GET', `${NL}/${node}/tables/${table}/history?${q}`);
    items.push(...page.items.map(({ resourceVersion, key, op, value, previous }: Item) => ({ resourceVersion, key, op, value, previous })));
    cont = page.metadata.continue;
    if (!cont) break;
  }
  // Oldest first, keys sorted within an rv: the snapshots' order.
  return items.reverse().sort((x, y) => Number(x.resourceVersion) - Number(y.resourceVersion) || (x.key < y.key ? -1 : 1));
}

describe("a node's history is its table's changes", () => {
  const created = new Map<string, number>();
  let deletedN3 = 0;
  let end = 0;

  it('equals the differences between its table read at each rv, for overriding, hiding and plain nodes', async () => {
    for (const [i, name] of ['n1', 'n2', 'n3'].entries()) {
      const node = await ok('POST', '/api/v1/nodes', { metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: `192.168.88.${11 + i}` }] } });
      created.set(name, Number(node.metadata.resourceVersion));
    }
    for (const [name, node] of [['p1', 'n1'], ['p2', 'n2'], ['p3', 'n1'], ['p4', 'n3']]) {
      await ok('POST', '/api/v1/namespaces/shop/pods', {
        metadata: { name, labels: { app: 'web' } },
        spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
      });
      await setReady(name, true);
    }
    await ok('POST', '/api/v1/namespaces/shop/services', {
      metadata: { name: 'web' },
      spec: { type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
    await setReady('p1', false);
    await ok('DELETE', '/api/v1/namespaces/shop/pods/p2');
    await setReady('p1', true);
    await ok('DELETE', '/api/v1/nodes/n3');
    // The Node's own event (the pod GC's deletions of its pods follow it).
    const n3Events = (await ok('GET', '/apis/netledger.io/v1/events?kind=Node&name=n3')).items as { type: string; resourceVersion: string }[];
    deletedN3 = Number(n3Events.find((e) => e.type === 'DELETED')!.resourceVersion);
    // Changes after n3's deletion never reach it.
    await ok('POST', '/api/v1/namespaces/shop/services', { metadata: { name: 'late' }, spec: { selector: { app: 'web' }, ports: [{ port: 81, targetPort: 8080 }] } });
    end = s.ledger.committedRv;

    // The story moves both of n1's layers at one key in one rv (a Local service's chain on a node
    // hosting its endpoints): such a change is told once, however pages cut its two rows.
    const bothLayers = s.ledger.store.sql
      .prepare(`SELECT count(*) FROM table_changes c JOIN table_changes o ON o.table_name = c.table_name AND o.key = c.key AND o.rv = c.rv AND o.scope = 'n1' WHERE c.scope = ''`)
      .pluck()
      .get() as number;
    expect(bothLayers).toBeGreaterThan(0);
    for (const node of ['n1', 'n2', 'n3']) {
      // From the node's creation (the cluster entries it finds then are the cluster's earlier
      // changes, not told again) to its deletion, whose rv is checked below.
      const from = created.get(node)!;
      const to = node === 'n3' ? deletedN3 - 1 : end;
      for (const table of ['iptables', 'routes']) {
        const expected = await snapshotChanges(node, table, from, to);
        // n3, created last, sees no routes move before its deletion; every other pair does.
        if (node !== 'n3' || table !== 'routes') expect(expected.length, `${node} ${table}`).toBeGreaterThan(0);
        const told = (await historyOf(node, table, from)).filter((i) => Number(i.resourceVersion) <= to);
        expect(told, `${node} ${table}`).toEqual(expected);
        // Pages cut anywhere (between the two layers' rows of one rv too) tell the same.
        expect((await historyOf(node, table, from, 2)).filter((i) => Number(i.resourceVersion) <= to), `${node} ${table}, pages of 2`).toEqual(expected);
      }
    }
  });

  it("tells a deleted node's end as the removal of every entry of its own, and nothing after it", async () => {
    // The group that deletes a node ends with the pod GC's deletions, and changes of that group
    // carry the rv of the event that touched their unit first: up to the group's last event.
    const following = (await ok('GET', `/apis/netledger.io/v1/events?since=${deletedN3}&limit=100`)).items as { resourceVersion: string; cause: unknown }[];
    const firstOfNext = following.findIndex((e) => e.cause === null);
    const groupEnd = firstOfNext === 0 ? deletedN3 : Number(following[(firstOfNext < 0 ? following.length : firstOfNext) - 1]!.resourceVersion);
    expect(groupEnd).toBeGreaterThan(deletedN3); // the pod GC deleted p4
    const sqlite = s.ledger.store.sql;
    for (const table of ['iptables', 'routes']) {
      const after = await historyOf('n3', table, deletedN3 - 1);
      const before = await ok('GET', `${NL}/n3/tables/${table}?resourceVersion=${deletedN3 - 1}`);
      const held = new Map(before.entries.map((e: { key: string; value: unknown }) => [e.key, e.value]));
      for (const item of after) {
        expect(item, table).toMatchObject({ op: 'delete', value: null });
        expect(Number(item.resourceVersion), `${table} ${item.key}`).toBeGreaterThanOrEqual(deletedN3);
        expect(Number(item.resourceVersion), `${table} ${item.key}`).toBeLessThanOrEqual(groupEnd);
        expect(item.previous, `${table} ${item.key}`).toEqual(held.get(item.key));
      }
      // Its own entries (not tombstones) just before the deletion, read from the store: each one's
      // removal is told.
      const own = sqlite
        .prepare(
          `SELECT key FROM table_changes c WHERE table_name = ? AND scope = 'n3' AND rv < ? AND op = 'upsert' AND value != 'null'
             AND id = (SELECT max(id) FROM table_changes WHERE table_name = c.table_name AND scope = 'n3' AND key = c.key AND rv < ?)`,
        )
        .pluck()
        .all(table, deletedN3, deletedN3) as string[];
      expect(own.length, table).toBeGreaterThan(0);
      expect(after.map((i) => i.key).sort(), table).toEqual(own.sort());
    }
  });

  it('lists newest first, each item citing the layer that moved', async () => {
    const items = (await ok('GET', `${NL}/n1/tables/iptables/history`)).items as (Item & { scope: string })[];
    const rvs = items.map((i) => Number(i.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => b - a));
    // n1 hosts p1 and p3: its own overrides of the Local service's chains are node-scoped.
    expect(items.some((i) => i.scope === 'node')).toBe(true);
    expect(items.some((i) => i.scope === 'cluster')).toBe(true);
  });

  it('never names what did not reach the node: its own VTEP entries, the cluster rules it overrides', async () => {
    const n1 = await ok('GET', '/api/v1/nodes/n1');
    const cidr = n1.spec.podCIDR as string;
    // What every other node holds for n1: a neighbour and an FDB entry for its VTEP, a route to
    // its pods through flannel.1. n1 holds none of them (its own route goes to cni0).
    const n2Routes = (await ok('GET', `${NL}/n2/tables/routes`)).entries as { key: string; value: any }[];
    const forN1 = n2Routes.filter((e) => e.value.dst === '192.168.88.11' || e.value.dst === cidr.split('/')[0] || e.value.dst === cidr);
    expect(forN1.map((e) => e.key.split('/')[0]).sort()).toEqual(['fdb', 'neigh', 'route']);
    const history = (await ok('GET', `${NL}/n1/tables/routes/history`)).items as Item[];
    for (const e of forN1.filter((x) => !x.key.startsWith('route/'))) expect(history.map((i) => i.key)).not.toContain(e.key);
    const ownRoute = history.filter((i) => i.key === `route/${cidr}`);
    expect(ownRoute.length).toBeGreaterThan(0);
    for (const i of ownRoute) expect(i.value).toMatchObject({ dev: 'cni0' });
    // The Service's rules that n1 overrides (it hosts local endpoints) moved on the cluster layer
    // when p2 on n2 went away; n1's history tells only its own view of those keys.
    const n1Iptables = (await ok('GET', `${NL}/n1/tables/iptables/history`)).items as (Item & { scope: string })[];
    const n1Table = new Map(((await ok('GET', `${NL}/n1/tables/iptables`)).entries as { key: string; value: unknown }[]).map((e) => [e.key, e.value]));
    const newest = new Map<string, unknown>();
    for (const i of n1Iptables) if (!newest.has(i.key)) newest.set(i.key, i.value);
    expect(newest.size).toBeGreaterThan(0);
    for (const [key, value] of newest) expect(value, key).toEqual(n1Table.get(key) ?? null);
  });

  it('a continue token pages only the list it came from, and its fields are checked', async () => {
    const first = await ok('GET', `${NL}/n1/tables/iptables/history?limit=2`);
    const token = first.metadata.continue as string;
    expect(token).toBeTruthy();
    const next = await api(s.url, 'GET', `${NL}/n1/tables/iptables/history?limit=2&continue=${token}`);
    expect(next.status).toBe(200);
    // Another node's, another table's, or another key's history: 400, nothing read.
    for (const other of [`${NL}/n2/tables/iptables/history`, `${NL}/n1/tables/dns/history`, `${NL}/n1/tables/iptables/history?key=KUBE-SERVICES`]) {
      const r = await api(s.url, 'GET', `${other}${other.includes('?') ? '&' : '?'}continue=${token}`);
      expect(r.status, other).toBe(400);
      expect(r.json.message).toContain('invalid continue token: it continues n1 iptables, not');
    }
    // A token edited to name an rv past the head, or a row id that is no number.
    const fields = JSON.parse(Buffer.from(token, 'base64url').toString());
    const forged = (patch: object) => Buffer.from(JSON.stringify({ ...fields, ...patch })).toString('base64url');
    const ahead = await api(s.url, 'GET', `${NL}/n1/tables/iptables/history?continue=${forged({ until: s.ledger.committedRv + 1000 })}`);
    expect(ahead.status).toBe(400);
    expect(ahead.json.message).toContain(`is not a resourceVersion up to ${s.ledger.committedRv}`);
    expect((await api(s.url, 'GET', `${NL}/n1/tables/iptables/history?continue=${forged({ before: 'x' })}`)).status).toBe(400);
  });

  it('blame of a key the table no longer holds says when it last changed, and where to look', async () => {
    const removed = ((await ok('GET', `${NL}/n1/tables/iptables/history`)).items as Item[]).find((i) => i.op === 'delete' && i.key.startsWith('nat/KUBE-SEP-'))!;
    expect(removed).toBeDefined();
    const chain = removed.key.slice('nat/'.length);
    const r = await api(s.url, 'GET', `${NL}/n1/tables/iptables/blame?key=${chain}`);
    expect(r.status).toBe(404);
    expect(r.json.message).toBe(
      `tables.netledger.io "n1/iptables/${chain}" not found at resourceVersion ${s.ledger.committedRv}; its last change up to then was at resourceVersion ${removed.resourceVersion} (${removed.key}): \`netledger history n1 iptables ${chain}\` tells its story`,
    );
    const never = await api(s.url, 'GET', `${NL}/n1/tables/iptables/blame?key=KUBE-SEP-NOPE`);
    expect(never.json.message).toBe('tables.netledger.io "n1/iptables/KUBE-SEP-NOPE" not found: no such key in its history');
  });
});
