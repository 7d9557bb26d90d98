// The endpoints controllers keep what they derive from each pod for its Service, with the pod
// object (domain/memo.ts podMemo). A differential property over random histories: every command
// run once on a state whose stored objects are frozen (any in-place write throws), the memo
// hitting wherever objects are unchanged, and once on a state whose objects are all replaced by
// fresh copies before each command (no memo can hit) must write the same log. The histories start
// from a hinted topology-mode Auto Service over ready pods in two zones, and add nodes moving
// between zones or changing CPU, PreferClose and Auto switched on and off, and pods with hostnames
// to random-history's steps, so kept endpoints meet changed zones and hints. (Keying the memo on
// the pod alone fails it, as do dropping its zone check and allocating hints on kept endpoints.)

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../domain/commands.js';
import { DEFAULT_CONFIG } from '../../../domain/config.js';
import { StatusError } from '../../../domain/errors.js';
import type { LogEvent } from '../../../domain/events.js';
import { STORED_KINDS } from '../../../domain/kinds.js';
import { ZONE_LABEL, type KubeObject } from '../../../domain/objects.js';
import { ClusterState } from '../../../domain/state.js';
import { ProjectionEngine } from '../../../projections/engine.js';
import { PROJECTIONS } from '../../../projections/index.js';
import { executeAndProject } from '../../../store/project.js';
import { create, ctx, pod } from '../../support/commands.js';
import { commandFor, NODES, NS, step, type Step } from '../../support/random-history.js';

const patch = (kind: 'Node' | 'Service', namespace: string, name: string, body: unknown, subresource?: 'status'): Command => ({
  ...ctx(),
  op: 'patch',
  kind,
  namespace,
  name,
  patchType: 'merge',
  patch: body,
  ...(subresource ? { subresource } : {}),
});

const extra = fc.oneof(
  fc.record({ t: fc.constant('zone' as const), i: fc.nat(NODES.length - 1), zone: fc.constantFrom('a', 'b', null) }),
  fc.record({ t: fc.constant('cpu' as const), i: fc.nat(NODES.length - 1), cpu: fc.constantFrom('4', '8') }),
  fc.record({ t: fc.constant('routing' as const), svc: fc.constantFrom('web', 'db', 'all'), mode: fc.constantFrom('PreferClose', 'Auto', null) }),
  fc.record({ t: fc.constant('hostpod' as const), i: fc.nat(2), n: fc.nat(NODES.length - 1) }),
);
type Extra = typeof extra extends fc.Arbitrary<infer T> ? T : never;

function commandOf(s: Step | Extra): Command {
  switch (s.t) {
    case 'zone':
      return patch('Node', '', NODES[s.i]!, { metadata: { labels: { [ZONE_LABEL]: s.zone } } });
    case 'cpu':
      // Ready, with allocatable CPU: the zones' shares, which topology-mode Auto allocates hints from.
      return patch('Node', '', NODES[s.i]!, { status: { allocatable: { cpu: s.cpu }, conditions: [{ type: 'Ready', status: 'True' }] } }, 'status');
    case 'routing':
      return patch('Service', NS, s.svc, {
        metadata: { annotations: { 'service.kubernetes.io/topology-mode': s.mode === 'Auto' ? 'Auto' : null } },
        spec: { trafficDistribution: s.mode === 'PreferClose' ? 'PreferClose' : null },
      });
    case 'hostpod': {
      const p = pod(`h${s.i}`, NODES[s.n]!, { app: 'web', tier: 'all' });
      p.spec = { ...p.spec, hostname: `h${s.i}`, subdomain: 'web' };
      return create('Pod', NS, p);
    }
    default:
      return commandFor(s);
  }
}

function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
}

function run(cmds: readonly Command[], mode: 'frozen' | 'fresh'): LogEvent[] {
  const state = new ClusterState();
  const engine = new ProjectionEngine(PROJECTIONS);
  const log: LogEvent[] = [];
  for (const cmd of cmds) {
    for (const kind of STORED_KINDS) {
      for (const obj of state.list(kind) as KubeObject[]) {
        if (mode === 'frozen') deepFreeze(obj);
        else state.setObject(kind, obj.metadata.namespace ?? '', obj.metadata.name!, structuredClone(obj));
      }
    }
    try {
      executeAndProject(state, engine, structuredClone(cmd), (ev) => log.push(structuredClone(ev)));
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
  return log;
}

describe('the endpoints controllers memo what each pod gives its Service', () => {
  it('and write the same log as when no memo can hit, never changing a stored object', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: step, weight: 3 }, { arbitrary: extra, weight: 2 }), { minLength: 1, maxLength: 40, size: 'large' }), (steps) => {
        const cmds: Command[] = [{ ...ctx('system:netledger'), op: 'configure', config: DEFAULT_CONFIG }];
        // The nodes start ready in two zones with half the CPU each (n1 and n3 in a, n2 in b):
        // an Auto Service with four ready endpoints or more gets hints until a step moves a node
        // or its CPU.
        for (const i of NODES.keys()) {
          cmds.push(commandFor({ t: 'node', i }));
          cmds.push(commandOf({ t: 'zone', i, zone: i % 2 ? 'b' : 'a' }), commandOf({ t: 'cpu', i, cpu: i % 2 ? '8' : '4' }));
        }
        // Service web with topology-mode Auto over six ready pods: hinted from the start.
        cmds.push(commandFor({ t: 'svc', svc: 0, type: 'ClusterIP', etp: 'Cluster', affinity: false, headless: false }));
        cmds.push(commandOf({ t: 'routing', svc: 'web', mode: 'Auto' }));
        for (let i = 0; i < 6; i++) cmds.push(commandFor({ t: 'pod', i, n: i % NODES.length, app: 0 }), commandFor({ t: 'ready', i, ready: true }));
        for (const s of steps) cmds.push(commandOf(s));
        expect(JSON.stringify(run(cmds, 'frozen'))).toBe(JSON.stringify(run(cmds, 'fresh')));
      }),
      { numRuns: 60 },
    );
  });
});
