// WatchDispatch hands each committed event to the watches of its kind, and to a watch that
// requires one spec.nodeName (a Node's metadata.name) only when the pod is or was on that node
// (a binding reaches both sides), in rv order; a watch that throws neither stops the others nor loses them their events.

import { afterAll, describe, expect, it } from 'vitest';
import { WatchDispatch, type WatchTarget } from '../../api/watch-dispatch.js';
import type { LogEvent } from '../../domain/events.js';
import { Ledger } from '../../store/ledger.js';
import { create, ctx, node, pod, podReady, remove } from '../support/commands.js';
import { removeDir, tempDir } from '../support/server.js';

/** The ledger hands batches to watches once the writes' answers are out (a macrotask later). */
const fannedOut = () => new Promise((resolve) => setImmediate(resolve));

describe('WatchDispatch', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  it('routes pod and node events to the watches of their node, every event of a kind to its unindexed watches, in rv order', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ledger = await Ledger.open({ dataDir: dir });
    const dispatch = new WatchDispatch(ledger);
    const seen = new Map<string, string[]>();
    const target = (name: string, kind: string, trigger?: string): WatchTarget => {
      seen.set(name, []);
      return { kind, trigger, onEvent: (e: LogEvent) => seen.get(name)!.push(`${e.rv} ${e.type} ${e.kind} ${e.name}`) };
    };
    const thrower: WatchTarget = {
      kind: 'Pod',
      onEvent: () => {
        throw new Error('a broken watch');
      },
    };
    const n1 = target('n1', 'Pod', 'n1');
    const n2 = target('n2', 'Pod', 'n2');
    const allPods = target('pods', 'Pod');
    const nodes = target('nodes', 'Node');
    const kubeletNode = target('node n2', 'Node', 'n2');
    const gone = target('gone', 'Pod', 'n1');
    try {
      await ledger.submit({ ...ctx(), op: 'configure', config: ledger.state.config });
      for (const t of [thrower, n1, n2, allPods, nodes, kubeletNode, gone]) dispatch.add(t);
      dispatch.remove(gone);
      await ledger.submit(create('Node', '', node('n1', '192.168.9.11')));
      await ledger.submit(create('Node', '', node('n2', '192.168.9.12')));
      await ledger.submit(create('Pod', 'default', pod('a', 'n1', { app: 'a' })));
      await ledger.submit(create('Pod', 'default', pod('b', 'n2', { app: 'b' })));
      const pending = pod('c', '', { app: 'c' });
      delete (pending.spec as { nodeName?: string }).nodeName;
      await ledger.submit(create('Pod', 'default', pending));
      await ledger.submit({ ...ctx(), op: 'bind', kind: 'Pod', namespace: 'default', name: 'c', node: 'n2' });
      await ledger.submit(podReady('default', 'a', true));
      await ledger.submit(remove('Pod', 'default', 'b', 0));
      await fannedOut();

      const podEvents = seen.get('pods')!;
      const rvOf = (name: string, type: string) => podEvents.find((l) => l.endsWith(`Pod ${name}`) && l.includes(` ${type} `))!.split(' ')[0];
      expect(seen.get('n1')).toEqual(podEvents.filter((l) => / Pod a$/.test(l)));
      expect(seen.get('n2')).toEqual(podEvents.filter((l) => / Pod [bc]$/.test(l) && !(l.endsWith('Pod c') && l.includes(' ADDED '))));
      expect(podEvents.filter((l) => l.endsWith('Pod c'))).toEqual([`${rvOf('c', 'ADDED')} ADDED Pod c`, `${rvOf('c', 'MODIFIED')} MODIFIED Pod c`]);
      expect(seen.get('n2')!.some((l) => l.endsWith('DELETED Pod b'))).toBe(true);
      expect(seen.get('nodes')!.map((l) => l.split(' ').slice(1).join(' '))).toEqual(['ADDED Node n1', 'ADDED Node n2']);
      expect(seen.get('node n2')!.map((l) => l.split(' ').slice(1).join(' '))).toEqual(['ADDED Node n2']);
      expect(seen.get('gone')).toEqual([]);
      for (const lines of seen.values()) {
        const rvs = lines.map((l) => Number(l.split(' ')[0]));
        expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
      }
    } finally {
      dispatch.close();
      await ledger.close();
    }
  });

  it('brackets each target batch, and hands every watch of a batch one line and one answer per event, and one joined write', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ledger = await Ledger.open({ dataDir: dir });
    const dispatch = new WatchDispatch(ledger);
    const calls: string[] = [];
    const lines: unknown[] = [];
    let made = 0;
    const joined: Buffer[] = [];
    const watch = (name: string, trigger?: string): WatchTarget => {
      let mine: Buffer[] = [];
      return {
        kind: 'Node',
        trigger,
        batchStart: () => calls.push(`${name} start`),
        batchEnd: () => {
          calls.push(`${name} end`);
          joined.push(dispatch.joined('same selectors', mine));
          mine = [];
        },
        onEvent: (e) => {
          calls.push(`${name} ${e.name}`);
          const line = dispatch.line('ADDED', e.object);
          lines.push(line);
          mine.push(line);
          dispatch.once(e, 'answer', () => made++);
        },
      };
    };
    try {
      await ledger.submit({ ...ctx(), op: 'configure', config: ledger.state.config });
      dispatch.add(watch('a'));
      dispatch.add(watch('b'));
      dispatch.add(watch('n9', 'n9'));
      // Two nodes in one batch: submitted together, committed together.
      await Promise.all([ledger.submit(create('Node', '', node('n1', '192.168.9.11'))), ledger.submit(create('Node', '', node('n2', '192.168.9.12')))]);
      await fannedOut();
      expect(calls).toEqual(['a start', 'a n1', 'b start', 'b n1', 'a n2', 'b n2', 'a end', 'b end']);
      expect(lines).toHaveLength(4);
      expect(lines[0]).toBe(lines[1]); // n1's line, encoded once
      expect(lines[2]).toBe(lines[3]);
      expect(String(lines[0])).toBe(`{"type":"ADDED","object":${JSON.stringify(ledger.state.get('Node', '', 'n1'))}}\n`);
      expect(made).toBe(2);
      // Both watches' batch, joined once for the two.
      expect(joined).toHaveLength(2);
      expect(joined[0]).toBe(joined[1]);
      expect(String(joined[0])).toBe(String(lines[0]) + String(lines[2]));
      // Outside a dispatch nothing is shared.
      const n1 = ledger.state.get('Node', '', 'n1')!;
      expect(dispatch.line('ADDED', n1)).not.toBe(dispatch.line('ADDED', n1));
    } finally {
      dispatch.close();
      await ledger.close();
    }
  });
});
