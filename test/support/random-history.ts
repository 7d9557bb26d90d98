// Random histories of Node/Pod/Service/Endpoints changes for property tests: the steps
// (fast-check), the command each one is, and a real ledger that has gone through them. Shared by
// the projection property (incremental == from scratch) and the store's history properties
// (history == time travel; restored rvs).

import fc from 'fast-check';
import type { Command } from '../../domain/commands.js';
import { DEFAULT_CONFIG } from '../../domain/config.js';
import { StatusError } from '../../domain/errors.js';
import { Ledger } from '../../store/ledger.js';
import { create, ctx, node, pod, podReady, remove, service, update } from './commands.js';
import { removeDir, tempDir } from './server.js';

export const NODES = ['n1', 'n2', 'n3'];
/** Not `default`: a step deletes it (the namespace controller's reactions are in the history too). */
export const NS = 'shop';
const APPS = ['web', 'db'];
/** Services: one per app, and `all`, which selects every pod, so one pod's records (its PTR
 * under endpoint names) are claimed by two services' units at once. */
const SERVICES: { name: string; selector: Record<string, string> }[] = [...APPS.map((app) => ({ name: app, selector: { app } })), { name: 'all', selector: { tier: 'all' } }];

// Weighted towards pods and their readiness: ready endpoints need a pod created on an existing
// node and made ready before it is deleted, and with even weights a history seldom got there.
export const step = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('node' as const), i: fc.nat(2) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('delnode' as const), i: fc.nat(2) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('pod' as const), i: fc.nat(5), n: fc.nat(2), app: fc.nat(1) }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('ready' as const), i: fc.nat(5), ready: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constant('delpod' as const), i: fc.nat(5), grace: fc.boolean() }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constant('svc' as const),
      svc: fc.nat(SERVICES.length - 1),
      type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
      etp: fc.constantFrom('Cluster', 'Local'),
      affinity: fc.boolean(),
      headless: fc.boolean(),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('delsvc' as const), svc: fc.nat(SERVICES.length - 1) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('manual' as const), ips: fc.array(fc.nat(3), { maxLength: 3 }) }), weight: 1 },
  // Everything in the namespace goes, by the namespace controller; later steps bring it back.
  { arbitrary: fc.record({ t: fc.constant('delns' as const) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('config' as const), pods: fc.constantFrom('disabled', 'insecure', 'verified'), network: fc.constantFrom('vxlan', 'host-gw') }), weight: 1 },
);

export type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

export function commandFor(s: Step): Command {
  switch (s.t) {
    case 'node':
      return create('Node', '', node(NODES[s.i]!, `192.168.77.${11 + s.i}`));
    case 'delnode':
      return remove('Node', '', NODES[s.i]!);
    case 'pod':
      return create('Pod', NS, pod(`p${s.i}`, NODES[s.n]!, { app: APPS[s.app]!, tier: 'all' }));
    case 'ready':
      return podReady(NS, `p${s.i}`, s.ready);
    case 'delpod':
      return remove('Pod', NS, `p${s.i}`, s.grace ? 30 : undefined);
    case 'svc': {
      const spec: Record<string, unknown> = { type: s.headless ? 'ClusterIP' : s.type };
      if (s.headless) spec.clusterIP = 'None';
      else if (s.type !== 'ClusterIP') spec.externalTrafficPolicy = s.etp;
      if (s.affinity && !s.headless) spec.sessionAffinity = 'ClientIP';
      const { name, selector } = SERVICES[s.svc]!;
      return update('Service', NS, name, service(name, selector, spec));
    }
    case 'delsvc':
      return remove('Service', NS, SERVICES[s.svc]!.name);
    case 'manual': {
      // A selector-less service with user-written Endpoints (mirrored into a slice).
      return update('Endpoints', NS, 'ext', {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: 'ext' },
        subsets: s.ips.length ? [{ addresses: [...new Set(s.ips)].map((i) => ({ ip: `10.1.0.${i + 1}` })), ports: [{ port: 443, name: 'https' }] }] : [],
      });
    }
    case 'delns':
      return remove('Namespace', '', NS);
    case 'config':
      return { ...ctx('system:netledger'), op: 'configure', config: { ...DEFAULT_CONFIG, dnsPods: s.pods, podNetwork: s.network } };
  }
}

/**
 * A ledger in a fresh directory that has gone through the settings, a selector-less Service
 * `ext`, the nodes, then `steps` (commands the domain refuses are skipped), handed to `check`;
 * closed and removed afterwards.
 */
export async function withRandomHistory(steps: readonly Step[], check: (ledger: Ledger) => Promise<void>): Promise<void> {
  const dir = tempDir();
  const ledger = await Ledger.open({ dataDir: dir });
  try {
    const run = async (cmd: Command) => {
      try {
        await ledger.submit(cmd);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    };
    await run({ ...ctx('system:netledger'), op: 'configure', config: DEFAULT_CONFIG });
    await run(create('Service', NS, service('ext', undefined, { ports: [{ name: 'https', port: 443, targetPort: 443 }] })));
    for (const i of NODES.keys()) await run(commandFor({ t: 'node', i }));
    for (const s of steps) await run(commandFor(s));
    await check(ledger);
  } finally {
    await ledger.close();
    removeDir(dir);
  }
}
