// The node stream's wire format as the agent reads it: lines split across chunks, strict parsing.

import { describe, expect, it } from 'vitest';
import { Backoff } from '../../agent/stream/backoff.js';
import { streamPath } from '../../agent/stream/client.js';
import { LineSplitter, parseStreamLine, StreamFormatError } from '../../agent/stream/messages.js';

describe('LineSplitter', () => {
  it('joins a line cut across chunks (even inside a UTF-8 character) and splits many lines in one chunk', () => {
    const s = new LineSplitter();
    const text = Buffer.from('{"type":"BOOKMARK","resourceVersion":"7"}\n{"a":"é"}\n{"type"');
    const cut = text.indexOf(Buffer.from('é')) + 1; // inside the two-byte é
    expect(s.push(text.subarray(0, 10))).toEqual([]);
    expect(s.push(text.subarray(10, cut))).toEqual(['{"type":"BOOKMARK","resourceVersion":"7"}']);
    expect(s.push(text.subarray(cut))).toEqual(['{"a":"é"}']);
    expect(s.pending).toBe('{"type"');
    expect(s.push(':"x"}\n\n')).toEqual(['{"type":"x"}']);
  });
});

describe('parseStreamLine', () => {
  it('reads SNAPSHOT, DELTA, BOOKMARK and ERROR lines as API.md writes them', () => {
    expect(
      parseStreamLine('{"type":"SNAPSHOT","resourceVersion":"12","tables":{"dns":{"digest":"sha256:00","entries":[{"key":"a./A","value":{"ttl":5,"records":["10.96.0.1"]}}]}}}'),
    ).toEqual({ type: 'SNAPSHOT', rv: 12, tables: { dns: { digest: 'sha256:00', entries: [{ key: 'a./A', value: { ttl: 5, records: ['10.96.0.1'] } }] } } });
    expect(
      parseStreamLine('{"type":"DELTA","resourceVersion":"13","changes":[{"table":"iptables","op":"upsert","key":"nat/KUBE-SVC-X","value":["-A KUBE-SVC-X -j KUBE-SEP-Y"]},{"table":"routes","op":"delete","key":"route/10.244.2.0/24"}]}'),
    ).toEqual({
      type: 'DELTA',
      rv: 13,
      changes: [
        { table: 'iptables', op: 'upsert', key: 'nat/KUBE-SVC-X', value: ['-A KUBE-SVC-X -j KUBE-SEP-Y'] },
        { table: 'routes', op: 'delete', key: 'route/10.244.2.0/24' },
      ],
    });
    expect(parseStreamLine('{"type":"BOOKMARK","resourceVersion":"99"}')).toEqual({ type: 'BOOKMARK', rv: 99 });
    expect(parseStreamLine('{"type":"ERROR","status":{"kind":"Status","code":410,"reason":"Expired"}}')).toEqual({
      type: 'ERROR',
      status: { kind: 'Status', code: 410, reason: 'Expired' },
    });
  });

  it('refuses what it cannot apply safely', () => {
    for (const bad of [
      'not json',
      '{"type":"DELTA","resourceVersion":13,"changes":[]}', // rv must be a decimal string
      '{"type":"DELTA","resourceVersion":"13","changes":[{"table":"nftables","op":"upsert","key":"k","value":1}]}',
      '{"type":"DELTA","resourceVersion":"13","changes":[{"table":"dns","op":"upsert","key":"k"}]}',
      '{"type":"DELTA","resourceVersion":"13","changes":[{"table":"dns","op":"replace","key":"k","value":1}]}',
      '{"type":"SNAPSHOT","resourceVersion":"1","tables":{"dns":{}}}',
      '{"type":"ADDED","resourceVersion":"1"}',
    ]) {
      expect(() => parseStreamLine(bad), bad).toThrow(StreamFormatError);
    }
  });
});

describe('stream URL and backoff', () => {
  it('asks for the node, the tables and the rv to resume from', () => {
    expect(streamPath('node-1', ['dns', 'iptables'], 42)).toBe('/apis/netledger.io/v1/nodes/node-1/tables?watch=true&resourceVersion=42&tables=dns%2Ciptables');
    expect(streamPath('node-1', ['routes'], undefined)).toBe('/apis/netledger.io/v1/nodes/node-1/tables?watch=true&tables=routes');
  });

  it('doubles from 0.5 s to a 30 s cap and starts over after a reset', () => {
    const b = new Backoff(500, 30_000, () => 0.5); // no jitter
    expect(Array.from({ length: 9 }, () => b.next())).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    b.reset();
    expect(b.next()).toBe(500);
    const jittered = new Backoff(500, 30_000, () => 0);
    expect(jittered.next()).toBe(400);
  });
});
