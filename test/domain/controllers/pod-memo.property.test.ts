// The endpoints controllers keep what they derive from each pod for its Service, with the pod
// object (domain/memo.ts podMemo). Over random histories, what they compute for every Service
// must equal what they compute from fresh copies of the same objects (no memo can hit those),
// including with the nodes' zones changed under the kept endpoints.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../domain/commands.js';
import { DEFAULT_CONFIG } from '../../../domain/config.js';
import { desiredEndpoints, desiredEndpointSlices } from '../../../domain/controllers/index.js';
import { StatusError } from '../../../domain/errors.js';
import type { Node, Pod, Service } from '../../../domain/objects.js';
import { ZONE_LABEL } from '../../../domain/objects.js';
import { ClusterState } from '../../../domain/state.js';
import { ProjectionEngine } from '../../../projections/engine.js';
import { PROJECTIONS } from '../../../projections/index.js';
import { executeAndProject } from '../../../store/project.js';
import { ctx } from '../../support/commands.js';
import { commandFor, NODES, step } from '../../support/random-history.js';

const fresh = <T>(v: T): T => structuredClone(v);

function zoned(nodes: ReadonlyMap<string, Node>, zone: (name: string) => string): Map<string, Node> {
  return new Map([...nodes].map(([k, n]) => [k, { ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, [ZONE_LABEL]: zone(k) } } }]));
}

/** Another Service over the same pods: other port names, not-ready addresses published or not. */
function variant(svc: Service): Service {
  const spec = { ...svc.spec!, publishNotReadyAddresses: !svc.spec!.publishNotReadyAddresses };
  if (spec.ports) spec.ports = spec.ports.map((p) => ({ ...p, name: `${p.name ?? ''}x` }));
  return { ...svc, spec };
}

function compare(state: ClusterState): void {
  const services = [...(state.services.values() as Iterable<Service>)].filter((s) => s.spec?.selector && Object.keys(s.spec.selector).length);
  // Each Service, then a variant of it, then the Service again: a pod's results are kept for the
  // last Service that asked, and must never be another's.
  for (const svc of services.flatMap((s) => [s, variant(s), s])) {
    const pods = state.podsMatching(svc.metadata.namespace!, svc.spec!.selector!) as Pod[];
    expect(desiredEndpoints(svc, pods, { now: 'T' })).toEqual(desiredEndpoints(fresh(svc), pods.map(fresh), { now: 'T' }));
    for (const nodes of [state.nodes, zoned(state.nodes, (n) => `z-${n}`), zoned(state.nodes, () => 'one')]) {
      const opts = { nodes, missingNodes: 'keep' as const };
      expect(desiredEndpointSlices(svc, pods, opts)).toEqual(desiredEndpointSlices(fresh(svc), pods.map(fresh), { ...opts, nodes: fresh(nodes) }));
    }
  }
}

describe('the endpoints controllers memo what each pod gives its Service', () => {
  it('and compute for every Service what fresh copies of the same objects give', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40, size: 'large' }), (steps) => {
        const state = new ClusterState();
        const engine = new ProjectionEngine(PROJECTIONS);
        const run = (cmd: Command) => executeAndProject(state, engine, cmd);
        run({ ...ctx('system:netledger'), op: 'configure', config: DEFAULT_CONFIG });
        for (const s of NODES.map((_, i) => ({ t: 'node' as const, i }))) run(commandFor(s));
        for (const s of steps) {
          try {
            run(commandFor(s));
          } catch (e) {
            if (!(e instanceof StatusError)) throw e;
          }
          compare(state);
        }
      }),
      { numRuns: 60 },
    );
  });
});
