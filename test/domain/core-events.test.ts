// core/v1 Events in the domain: legacyValidateEvent's rules for v1 requests, path-segment names,
// create-on-update, and a namespace's deletion taking its events.

import { beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../domain/commands.js';
import { DEFAULT_CONFIG } from '../../domain/config.js';
import { StatusError } from '../../domain/errors.js';
import { execute } from '../../domain/execute.js';
import type { KubeObject } from '../../domain/objects.js';
import { ClusterState } from '../../domain/state.js';
import { create, ctx, remove, update } from '../support/commands.js';

let state: ClusterState;
const run = (cmd: Command) => execute(state, cmd).events;
const fails = (cmd: Command): StatusError => {
  const rv = state.rv;
  try {
    execute(state, cmd);
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    expect(state.rv).toBe(rv);
    return e as StatusError;
  }
  throw new Error('expected the command to fail');
};
const causes = (e: StatusError) => e.status.details?.causes?.map((c) => `${c.field}: ${c.message}`);

/** What client-go's event recorder creates: a classic event (no eventTime). */
function classic(name: string, involved: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Event', metadata: { name }, involvedObject: involved, reason: 'Pulled', message: 'pulled', type: 'Normal',
    source: { component: 'kubelet' }, firstTimestamp: '2026-12-01T12:00:00Z', lastTimestamp: '2026-12-01T12:00:00Z', count: 1, ...extra,
  } as KubeObject;
}

beforeEach(() => {
  state = new ClusterState();
  run({ ...ctx('system:netledger'), op: 'configure', config: DEFAULT_CONFIG });
});

describe('core/v1 Event validation (legacyValidateEvent, v1)', () => {
  it('a classic event lives in its object\'s namespace; one about a cluster-scoped object in default', () => {
    expect(run(create('Event', 'web', classic('p.1', { kind: 'Pod', namespace: 'web', name: 'p' }))).map((e) => `${e.type} ${e.kind}`)).toEqual(['ADDED Namespace', 'ADDED Event']);
    run(create('Event', 'default', classic('n.1', { kind: 'Node', name: 'n1' })));
    const err = fails(create('Event', 'kube-system', classic('n.2', { kind: 'Node', name: 'n1' })));
    expect([err.status.code, err.status.message]).toEqual([422, 'Event "n.2" is invalid: involvedObject.namespace: Invalid value: "": does not match event.namespace']);
    expect(causes(fails(create('Event', 'other', classic('p.2', { kind: 'Pod', namespace: 'web', name: 'p' }))))).toEqual(['involvedObject.namespace: Invalid value: "web": does not match event.namespace']);
  });

  it('an event with eventTime names its reporting controller and instance, action and reason, within their limits', () => {
    const ev = classic('x.1', { kind: 'Node', name: 'n1' }, { eventTime: '2026-12-01T12:00:00.000000Z', reason: '', reportingComponent: 'bad name!', action: 'a'.repeat(129) });
    expect(causes(fails(create('Event', 'kube-system', ev)))).toEqual([
      'reportingComponent: Invalid value: "bad name!": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')',
      'reportingInstance: Required value',
      'action: Invalid value: "": can have at most 128 characters',
      'reason: Required value',
    ]);
    const ok = classic('x.2', { kind: 'Node', name: 'n1' }, { eventTime: '2026-12-01T12:00:00.000000Z', reportingComponent: 'kubelet', reportingInstance: 'kubelet-n1', action: 'Pulling' });
    expect(run(create('Event', 'kube-system', ok)).find((e) => e.kind === 'Event')!.object).toMatchObject({ eventTime: '2026-12-01T12:00:00.000000Z', reportingComponent: 'kubelet' });
  });

  it('names need only be path segments; the metadata checks run after the event\'s own', () => {
    run(create('Event', 'default', classic('Pod_Web.17F3A', { kind: 'Node', name: 'n1' })));
    expect(causes(fails(create('Event', 'default', classic('..', { kind: 'Node', name: 'n1' }))))).toEqual(["metadata.name: Invalid value: \"..\": may not be '..'"]);
    expect(causes(fails(create('Event', 'default', classic('a%b', { kind: 'Node', name: 'n1' }))))).toEqual(["metadata.name: Invalid value: \"a%b\": may not contain '%'"]);
    // The event's own rule fails first, alone.
    expect(causes(fails(create('Event', 'other', classic('..', { kind: 'Pod', namespace: 'web', name: 'p' }))))).toEqual(['involvedObject.namespace: Invalid value: "web": does not match event.namespace']);
  });
});

describe('core/v1 Event storage', () => {
  it('a PUT of a missing event creates it; an update keeps it valid; times are stored as Go encodes them', () => {
    const put = run(update('Event', 'default', 'n.1', classic('n.1', { kind: 'Node', name: 'n1' }, { firstTimestamp: '2026-12-01T13:00:00.123+01:00' })));
    expect(put.map((e) => `${e.type} ${e.kind}`)).toEqual(['ADDED Namespace', 'ADDED Event']);
    expect((put[1]!.object as any).firstTimestamp).toBe('2026-12-01T12:00:00Z');
    const again = { ...(state.get('Event', 'default', 'n.1') as any), count: 2, lastTimestamp: '2026-12-01T12:05:00Z' };
    expect((run(update('Event', 'default', 'n.1', again))[0]!.object as any).count).toBe(2);
    const moved = { ...(state.get('Event', 'default', 'n.1') as any), involvedObject: { kind: 'Pod', namespace: 'web', name: 'p' } };
    expect(fails(update('Event', 'default', 'n.1', moved)).status.code).toBe(422);
  });

  it('a MicroTime needs exactly six fraction digits, a Time any RFC 3339 form (400 otherwise, as decoding fails)', () => {
    const micro = classic('m.1', { kind: 'Node', name: 'n1' }, { eventTime: '2026-12-01T12:00:00.123Z', reportingComponent: 'k', reportingInstance: 'i', action: 'a' });
    expect(fails(create('Event', 'default', micro)).status).toMatchObject({
      code: 400,
      message: 'Event in version "v1" cannot be handled as a Event: parsing time "2026-12-01T12:00:00.123Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse ".123Z" as ".000000"',
    });
    const bad = classic('t.1', { kind: 'Node', name: 'n1' }, { lastTimestamp: 'yesterday' });
    expect(fails(create('Event', 'default', bad)).status.message).toBe('Event in version "v1" cannot be handled as a Event: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"');
  });

  it('deleting a namespace deletes its events with it', () => {
    run(create('Event', 'web', classic('p.1', { kind: 'Pod', namespace: 'web', name: 'p' })));
    expect(run(remove('Namespace', '', 'web')).map((e) => `${e.type} ${e.kind}`)).toEqual(['MODIFIED Namespace', 'DELETED Event', 'DELETED Namespace']);
  });
});
