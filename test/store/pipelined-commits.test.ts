// The appender decides the next batch while the previous one is written on the writer thread.
// Two promises follow from that and are checked here on a real database: a reader released by
// `settled()` never sees a write that is not yet durable, and when a batch fails nothing decided
// after it reaches the disk (no rv gap, no acknowledgement of a lost write).

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../store/ledger.js';
import { create, ctx, pod } from '../support/commands.js';
import { removeDir, tempDir } from '../support/server.js';

async function openConfigured(dir: string): Promise<Ledger> {
  const ledger = await Ledger.open({ dataDir: dir });
  if (ledger.committedRv === 0) await ledger.submit({ ...ctx(), op: 'configure', config: ledger.state.config });
  return ledger;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const pods = (from: number, n: number) => Array.from({ length: n }, (_, i) => create('Pod', `ns-${(from + i) % 7}`, pod(`p-${from + i}`, '', { app: `a${from + i}` })));

describe('pipelined commits', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  it('releases readers only when the live state is durable, while batches overlap', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ledger = await openConfigured(dir);
    let sawAhead = false;
    const seen: [number, number][] = [];
    let done = false;
    const reader = (async () => {
      for (let i = 0; i < 20_000 && !done; i++) {
        if (ledger.state.rv > ledger.committedRv) sawAhead = true;
        await ledger.settled();
        seen.push([ledger.state.rv, ledger.committedRv]);
        await tick();
      }
    })();
    const decisions = [];
    for (let wave = 0; wave < 20; wave++) {
      decisions.push(...pods(wave * 100, 100).map((c) => ledger.submit(c)));
      await tick();
    }
    const results = await Promise.all(decisions);
    done = true;
    await reader;
    // Without overlap this test would prove nothing: some batch was decided ahead of the disk.
    expect(sawAhead).toBe(true);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter(([state, durable]) => state !== durable)).toEqual([]);
    const rvs = results.flatMap((d) => d.events.map((e) => e.rv)).sort((a, b) => a - b);
    await ledger.close();
    const db = new Database(join(dir, 'netledger.db'), { readonly: true });
    const stored = (db.prepare('select rv from events order by rv').all() as { rv: number }[]).map((r) => r.rv);
    db.close();
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    expect(stored.slice(-rvs.length)).toEqual(rvs);
  });

  it('answers a batch that writes nothing only once the batches before it are durable', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ledger = await openConfigured(dir);
    const first = pods(5000, 16); // one batch (MIN_SPLIT), written on the writer thread
    const written = Promise.all(first.map((c) => ledger.submit(c)));
    await tick(); // the 16 are decided and on their way to the writer
    expect(ledger.state.rv).toBeGreaterThan(ledger.committedRv);
    const lastRv = ledger.state.rv;
    // A second create of one of them: rejected (409) from state the disk does not hold yet.
    const duplicate = ledger.submit(first[0]!).then(
      () => 'accepted',
      (e: { status?: { code?: number } }) => ({ code: e.status?.code, committedRv: ledger.committedRv }),
    );
    const answer = (await duplicate) as { code: number; committedRv: number };
    expect(answer.code).toBe(409);
    expect(answer.committedRv).toBeGreaterThanOrEqual(lastRv);
    await written;
    await ledger.close();
  });

  it('after a failed batch writes nothing decided later and acknowledges none of it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    let ledger = await openConfigured(dir);
    await Promise.all(pods(0, 10).map((c) => ledger.submit(c)));
    const head = ledger.committedRv;
    // A row in the way: the batch that reaches this rv fails on the events primary key.
    const blocker = head + 150;
    ledger.store.sql
      .prepare("insert into events (rv, time, actor, kind, namespace, name, uid, type, object) values (?, '', 'test', 'Pod', 'x', 'x', 'x', 'ADDED', '{}')")
      .run(blocker);
    // Outcomes are taken as they come: a rejection may arrive before the last wave is sent.
    const submitted: Promise<{ rvs?: number[]; error?: unknown }>[] = [];
    for (let wave = 0; wave < 24; wave++) {
      submitted.push(...pods(10 + wave * 25, 25).map((c) => ledger.submit(c).then((d) => ({ rvs: d.events.map((e) => e.rv) }), (error: unknown) => ({ error }))));
      await tick();
    }
    const outcomes = await Promise.all(submitted);
    const acked = outcomes.flatMap((o) => o.rvs ?? []);
    expect(outcomes.some((o) => o.error !== undefined)).toBe(true);
    expect(ledger.broken).toBeDefined();
    expect(acked.length).toBeGreaterThan(0);
    expect(Math.max(...acked)).toBeLessThan(blocker);
    await ledger.close();
    const db = new Database(join(dir, 'netledger.db'));
    const stored = (db.prepare('select rv from events order by rv').all() as { rv: number }[]).map((r) => r.rv);
    // Dense up to the last acknowledged write, then only the blocker: nothing decided after the
    // failed batch was written.
    const last = Math.max(...acked);
    expect(stored).toEqual([...Array.from({ length: last }, (_, i) => i + 1), blocker]);
    db.prepare('delete from events where rv = ?').run(blocker);
    db.close();
    // The log reopens at the last durable write and goes on densely from there.
    ledger = await Ledger.open({ dataDir: dir });
    expect(ledger.committedRv).toBe(last);
    const more = await ledger.submit(pods(2000, 1)[0]!);
    expect(more.events[0]!.rv).toBe(last + 1);
    await ledger.close();
  });
});
