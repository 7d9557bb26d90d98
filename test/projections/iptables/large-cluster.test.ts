// kube-proxy's large-cluster mode (reference §2.14; proxier.go appendServiceCommentLocked):
// above 1000 endpoints summed over all service ports of a family, KUBE-SEP rules and the
// KUBE-SVC/SVL -> SEP jump and affinity rules lose their `-m comment --comment`. Verbatim lines
// from upstream TestSyncProxyRulesLargeClusterMode, then the count's semantics, then the
// incremental projection across the threshold (both ways) against from-scratch builds and a
// replay of the log.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../domain/commands.js';
import { DEFAULT_CONFIG } from '../../../domain/config.js';
import { StatusError } from '../../../domain/errors.js';
import type { LogEvent } from '../../../domain/events.js';
import type { KubeObject } from '../../../domain/objects.js';
import { ClusterState } from '../../../domain/state.js';
import { ProjectionEngine } from '../../../projections/engine.js';
import { PROJECTIONS } from '../../../projections/index.js';
import { endpointChainName, iptablesProjection, portProtoHash, renderIptablesRestore } from '../../../projections/iptables/index.js';
import { largeClusterOfView } from '../../../projections/iptables/large-cluster.js';
import { CLUSTER, TABLE_NAMES, type ClusterView, type DerivedInputs, type Projection } from '../../../projections/model.js';
import type { TableChange } from '../../../projections/tables.js';
import { executeAndProject, LogReplay } from '../../../store/project.js';
import { create, ctx, node as nodeObj, remove, service as serviceObj, update } from '../../support/commands.js';
import { goldenConfig, TEST_NODE } from './fixtures.js';
import { chainText, computeAll } from './helpers.js';
import { node, nodeTable, service, slice, type EpSpec, type ViewInput } from './view.js';

/** countEndpointsAndComments of upstream proxier_test.go: the DNAT line of `match`, the DNAT
 * lines, and how many of them carry a comment. */
function countEndpointsAndComments(restore: string, match: string): [string, number, number] {
  let matched = '';
  let n = 0;
  let comments = 0;
  for (const line of restore.split('\n')) {
    if (line.startsWith('-A KUBE-SEP-') && line.includes('-j DNAT')) {
      n++;
      if (line.includes('--comment')) comments++;
      if (line.includes(match)) matched = line;
    }
  }
  return [matched, n, comments];
}

const render = (input: ViewInput, family: 'ipv4' | 'ipv6' = 'ipv4') =>
  renderIptablesRestore(nodeTable(computeAll(input), family === 'ipv4' ? 'iptables' : 'ip6tables', TEST_NODE), family);

/** `n` endpoints 10.<b>.<i%256>.<i/256>, as the upstream test builds them. */
const many = (b: number, n: number, extra: Partial<EpSpec> = {}): EpSpec[] =>
  Array.from({ length: n }, (_, i) => ({ ip: `10.${b}.${i % 256}.${Math.floor(i / 256)}`, ...extra }));
const port = (name: string, p: number) => [{ name, port: p, protocol: 'TCP' as const }];

describe('TestSyncProxyRulesLargeClusterMode (upstream, verbatim lines)', () => {
  const services = [
    service('ns1', 'svc1', { type: 'ClusterIP', clusterIP: '172.30.0.41', ports: port('p80', 80) }),
    service('ns2', 'svc2', { type: 'ClusterIP', clusterIP: '172.30.0.42', ports: port('p8080', 8080) }),
    service('ns3', 'svc3', { type: 'ClusterIP', clusterIP: '172.30.0.43', ports: port('p8081', 8081) }),
  ];
  // largeClusterEndpointsThreshold/2-1 = 499 endpoints each: 998 in all.
  const slices = [slice('ns1', 'svc1', 1, many(0, 499), port('p80', 80)), slice('ns2', 'svc2', 1, many(1, 499), port('p8080', 8080))];
  const svc3Slice = slice('ns3', 'svc3', 1, [{ ip: '203.0.113.4' }, { ip: '203.0.113.8' }, { ip: '203.0.113.12' }], port('p8081', 8081));

  it('keeps the comments with 998 endpoints', () => {
    const [first, n, comments] = countEndpointsAndComments(render({ config: goldenConfig, services, slices }), '10.0.0.0');
    expect(first).toBe('-A KUBE-SEP-DKGQUZGBKLTPAR56 -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.0.0.0:80');
    expect(n).toBe(998);
    expect(comments).toBe(998);
  });

  it('drops them from every endpoint rule with 1001 (the full sync after crossing)', () => {
    const text = render({ config: goldenConfig, services, slices: [...slices, svc3Slice] });
    expect(countEndpointsAndComments(text, '203.0.113.4')).toEqual([
      '-A KUBE-SEP-RUVVH7YV3PHQBDOS -m tcp -p tcp -j DNAT --to-destination 203.0.113.4:8081',
      1001,
      0,
    ]);
    expect(countEndpointsAndComments(text, '10.0.0.0')[0]).toBe('-A KUBE-SEP-DKGQUZGBKLTPAR56 -m tcp -p tcp -j DNAT --to-destination 10.0.0.0:80');
    // Only the endpoint rules lose them (DERIVED from appendServiceCommentLocked's callers).
    const svc3 = `KUBE-SVC-${portProtoHash('ns3/svc3:p8081', 'tcp')}`;
    const sep = (ip: string) => endpointChainName('ns3/svc3:p8081', 'tcp', `${ip}:8081`);
    expect(sep('203.0.113.4')).toBe('KUBE-SEP-RUVVH7YV3PHQBDOS');
    expect(chainText(text, 'nat', svc3)).toBe(
      `-A ${svc3} -m comment --comment "ns3/svc3:p8081 cluster IP" -m tcp -p tcp -d 172.30.0.43 --dport 8081 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
-A ${svc3} -m statistic --mode random --probability 0.3333333333 -j ${sep('203.0.113.12')}
-A ${svc3} -m statistic --mode random --probability 0.5000000000 -j ${sep('203.0.113.4')}
-A ${svc3} -j ${sep('203.0.113.8')}
`,
    );
    expect(chainText(text, 'nat', 'KUBE-SEP-RUVVH7YV3PHQBDOS')).toBe(
      '-A KUBE-SEP-RUVVH7YV3PHQBDOS -s 203.0.113.4 -j KUBE-MARK-MASQ\n-A KUBE-SEP-RUVVH7YV3PHQBDOS -m tcp -p tcp -j DNAT --to-destination 203.0.113.4:8081\n',
    );
    expect(chainText(text, 'nat', 'KUBE-SERVICES')).toContain(
      `-A KUBE-SERVICES -m comment --comment "ns3/svc3:p8081 cluster IP" -m tcp -p tcp -d 172.30.0.43 --dport 8081 -j ${svc3}\n`,
    );
  });

  it('writes svc4 (added in large-cluster mode) without comments', () => {
    const svc4 = service('ns4', 'svc4', { type: 'ClusterIP', clusterIP: '172.30.0.44', ports: port('p8082', 8082) });
    const text = render({
      config: goldenConfig,
      services: [...services, svc4],
      slices: [...slices, svc3Slice, slice('ns4', 'svc4', 1, [{ ip: '10.4.0.1' }], port('p8082', 8082))],
    });
    expect(countEndpointsAndComments(text, '10.4.0.1')[0]).toBe('-A KUBE-SEP-SU5STNODRYEWJAUF -m tcp -p tcp -j DNAT --to-destination 10.4.0.1:8082');
  });

  it('drops the comment from affinity rules too (DERIVED)', () => {
    const sticky = service('ns3', 'svc3', { clusterIP: '172.30.0.43', sessionAffinity: 'ClientIP', ports: port('p8081', 8081) });
    const text = render({ config: goldenConfig, services: [services[0]!, services[1]!, sticky], slices: [...slices, svc3Slice] });
    const svc3 = `KUBE-SVC-${portProtoHash('ns3/svc3:p8081', 'tcp')}`;
    const sep = 'KUBE-SEP-RUVVH7YV3PHQBDOS';
    expect(chainText(text, 'nat', svc3)).toContain(`-A ${svc3} -m recent --name ${sep} --rcheck --seconds 10800 --reap -j ${sep}\n`);
    expect(chainText(text, 'nat', sep)).toBe(
      `-A ${sep} -s 203.0.113.4 -j KUBE-MARK-MASQ\n-A ${sep} -m recent --name ${sep} --set -m tcp -p tcp -j DNAT --to-destination 203.0.113.4:8081\n`,
    );
  });
});

describe('what counts towards the threshold', () => {
  const comments = (input: ViewInput, family: 'ipv4' | 'ipv6' = 'ipv4') => countEndpointsAndComments(render(input, family), '')[2];
  const svc = (ports: { name: string; port: number; protocol: 'TCP' | 'UDP' }[], spec: object = {}) =>
    service('ns', 'big', { clusterIP: '172.30.1.1', ports, ...spec });

  it('is strictly more than 1000', () => {
    const at = (n: number) => comments({ services: [svc(port('p', 80))], slices: [slice('ns', 'big', 1, many(0, n), port('p', 80))] });
    expect(at(1000)).toBe(1000);
    expect(at(1001)).toBe(0);
  });

  it('sums over service ports: 501 addresses on two ports are 1002 endpoints', () => {
    const ports = [...port('a', 80), ...port('b', 81)];
    expect(comments({ services: [svc(ports)], slices: [slice('ns', 'big', 1, many(0, 501), ports)] })).toBe(0);
    expect(comments({ services: [svc(ports)], slices: [slice('ns', 'big', 1, many(0, 500), ports)] })).toBe(1000);
  });

  it('counts endpoints whatever their conditions, and an IP:port listed by two slices once', () => {
    const notReady = many(0, 1001, { ready: false, serving: false });
    // No usable endpoint: REJECT, no SEP chains, but the mode is on (seen on another service).
    const other = service('ns', 'small', { clusterIP: '172.30.1.2', ports: port('p', 80) });
    const text = render({ services: [svc(port('p', 80)), other], slices: [slice('ns', 'big', 1, notReady, port('p', 80)), slice('ns', 'small', 1, [{ ip: '10.9.0.1' }], port('p', 80))] });
    expect(countEndpointsAndComments(text, '10.9.0.1')[0]).toMatch(/^-A KUBE-SEP-\w+ -m tcp -p tcp -j DNAT/);
    const twice = [slice('ns', 'big', 1, many(0, 600), port('p', 80)), slice('ns', 'big', 2, many(0, 600), port('p', 80))];
    expect(comments({ services: [svc(port('p', 80))], slices: twice })).toBe(600);
  });

  it('ignores slice ports the Service does not have, headless Services, and the other family', () => {
    const slices = [slice('ns', 'big', 1, many(0, 1001), port('other', 80))];
    const small = service('ns', 'small', { clusterIP: '172.30.1.2', ports: port('p', 80) });
    const smallSlice = slice('ns', 'small', 1, [{ ip: '10.9.0.1' }], port('p', 80));
    expect(comments({ services: [svc(port('p', 80)), small], slices: [...slices, smallSlice] })).toBe(1);
    const headless = service('ns', 'big', { clusterIP: 'None', ports: port('p', 80) });
    expect(comments({ services: [headless, small], slices: [slice('ns', 'big', 1, many(0, 1001), port('p', 80)), smallSlice] })).toBe(1);
    // 1001 IPv6 endpoints: ip6tables is in large-cluster mode, iptables is not.
    const dual = svc(port('p', 80), { clusterIPs: ['172.30.1.1', 'fd00:172::1'], ipFamilies: ['IPv4', 'IPv6'] });
    const v6 = Array.from({ length: 1001 }, (_, i) => ({ ip: `fd00:10::${(i + 1).toString(16)}` }));
    const input = { services: [dual], slices: [slice('ns', 'big', 1, v6, port('p', 80), 'IPv6'), slice('ns', 'big', 2, [{ ip: '10.0.0.1' }], port('p', 80))] };
    expect(comments(input, 'ipv6')).toBe(0);
    expect(comments(input, 'ipv4')).toBe(1);
  });
});

// ---- incremental, through the real domain and engine ----

const PORTS = [
  { name: 'http', port: 80, targetPort: 8080 },
  { name: 'https', port: 443, targetPort: 8443 },
];
const NODES = ['n1', 'n2'];

/** Endpoints of selector-less Service `name`: `n` addresses (each counts twice: two ports). */
function endpoints(name: string, n: number, opts: { ready?: boolean; node?: string } = {}): KubeObject {
  const base = name.charCodeAt(0);
  const addresses = Array.from({ length: n }, (_, i) => ({ ip: `10.${base}.${i >> 8}.${i & 255}`, ...(opts.node ? { nodeName: opts.node } : {}) }));
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name },
    subsets: n ? [{ [opts.ready === false ? 'notReadyAddresses' : 'addresses']: addresses, ports: [{ name: 'http', port: 8080 }, { name: 'https', port: 8443 }] }] : [],
  } as KubeObject;
}
const svcSpec = (spec: Record<string, unknown> = {}) => serviceObj('x', undefined, { ports: PORTS, ...spec }).spec as Record<string, unknown>;
const putService = (name: string, spec: Record<string, unknown> = {}) => update('Service', 'default', name, { ...serviceObj(name, undefined), spec: svcSpec(spec) });

/** The live engine, with the iptables units each event recomputes recorded. */
class World {
  readonly state = new ClusterState();
  readonly log: LogEvent[] = [];
  recomputed: string[] = [];
  changes: TableChange[] = [];
  readonly engine: ProjectionEngine;

  constructor() {
    const spy: Projection = {
      ...iptablesProjection,
      compute: (unit: string, view: ClusterView, inputs?: DerivedInputs) => {
        this.recomputed.push(unit);
        return iptablesProjection.compute(unit, view, inputs);
      },
    };
    this.engine = new ProjectionEngine(PROJECTIONS.map((p) => (p === iptablesProjection ? spy : p)));
    this.run({ ...ctx('system:netledger'), op: 'configure', config: DEFAULT_CONFIG });
    for (const [i, n] of NODES.entries()) this.run(create('Node', '', nodeObj(n, `192.168.77.${11 + i}`)));
  }

  run(cmd: Command): void {
    this.recomputed = [];
    this.changes = [];
    this.changes = executeAndProject(this.state, this.engine, cmd, (ev) => this.log.push(ev)).changes;
  }

  /** Digests of every table on every node, live vs from scratch; iptables entries vs the
   * projection's own compute (no engine, no derived inputs: the view-scanning fallback). */
  check(): void {
    const scratch = new ProjectionEngine(PROJECTIONS);
    scratch.build(this.state, this.state.rv);
    expect(digests(this.engine)).toEqual(digests(scratch));
    const reference = new Map<string, string>();
    for (const unit of iptablesProjection.allUnits(this.state)) {
      for (const c of iptablesProjection.compute(unit, this.state)) reference.set(`${c.table}/${c.scope}/${c.key}`, JSON.stringify(c.value));
    }
    const live = new Map<string, string>();
    for (const t of ['iptables', 'ip6tables'] as const) {
      const set = this.engine.tables[t];
      for (const [key, e] of set.clusterEntries()) live.set(`${t}//${key}`, e.encoded);
      for (const n of set.nodesWithOverrides()) for (const [key, e] of set.nodeOverrides(n)!) live.set(`${t}/${n}/${key}`, e.encoded);
    }
    expect([...live].sort()).toEqual([...reference].sort());
  }

  replay(): void {
    const state = new ClusterState();
    const engine = new ProjectionEngine(PROJECTIONS);
    const replay = new LogReplay(state, engine);
    for (const ev of JSON.parse(JSON.stringify(this.log)) as LogEvent[]) replay.apply(ev);
    replay.end();
    expect(digests(engine)).toEqual(digests(this.engine));
  }

  /** The DNAT rules of a node's IPv4 restore text: how many, and how many with a comment. */
  dnat(nodeName = 'n1'): [number, number] {
    const set = this.engine.tables.iptables;
    const entries = new Map<string, unknown>();
    for (const [k, e] of set.clusterEntries()) entries.set(k, e.value);
    for (const [k, e] of set.nodeOverrides(nodeName) ?? []) {
      if (e.value === null) entries.delete(k);
      else entries.set(k, e.value);
    }
    const [, n, comments] = countEndpointsAndComments(renderIptablesRestore(entries, 'ipv4'), '');
    return [n, comments];
  }

  iptablesUnits(): string[] {
    return [...new Set(this.recomputed)].sort();
  }
}

function digests(engine: ProjectionEngine): string[] {
  const out: string[] = [];
  for (const t of TABLE_NAMES) for (const n of [...NODES, 'not-a-node']) out.push(`${t}/${n}=${engine.tables[t].digest(n)}`);
  return out;
}

describe('large-cluster mode, incrementally', () => {
  it('recomputes the services with endpoints once when the count crosses 1000, either way, and only the changed one otherwise', () => {
    const w = new World();
    w.run(putService('a', { sessionAffinity: 'ClientIP' }));
    w.run(putService('b'));
    w.run(putService('c', { internalTrafficPolicy: 'Local' }));
    w.run(putService('d'));
    w.run(update('Endpoints', 'default', 'a', endpoints('a', 250)));
    w.run(update('Endpoints', 'default', 'b', endpoints('b', 250)));
    w.check();
    expect(w.dnat()).toEqual([1000, 1000]); // exactly 1000: not large

    // 1000 -> 1002: flips on. a, b and c are recomputed (d has no endpoints); every entry
    // written is cluster-scoped, or c's own override on the node hosting its endpoint.
    w.run(update('Endpoints', 'default', 'c', endpoints('c', 1, { node: 'n1' })));
    expect(w.iptablesUnits()).toEqual(['svc:default/a', 'svc:default/b', 'svc:default/c']);
    const flipUp = w.changes.filter((c) => c.table === 'iptables');
    expect(new Set(flipUp.map((c) => c.scope))).toEqual(new Set([CLUSTER, 'n1']));
    expect(flipUp.filter((c) => c.key.startsWith('nat/KUBE-SEP-')).length).toBe(1002); // a's and b's rewritten, c's new
    w.check();
    expect(w.dnat()).toEqual([1002, 0]);
    expect(w.dnat('n2')).toEqual([1000, 0]); // c's endpoint is local to n1 only

    // 1002 -> 1004: no flip, one unit, only a's chains.
    w.run(update('Endpoints', 'default', 'a', endpoints('a', 251)));
    expect(w.iptablesUnits()).toEqual(['svc:default/a']);
    const aChains = ['http', 'https'].map((p) => `nat/KUBE-SVC-${portProtoHash(`default/a:${p}`, 'tcp')}`);
    const written = w.changes.filter((c) => c.table === 'iptables').map((c) => c.key);
    expect(written.filter((k) => !k.startsWith('nat/KUBE-SEP-')).sort()).toEqual(aChains.sort());
    expect(written.filter((k) => k.startsWith('nat/KUBE-SEP-'))).toHaveLength(2); // the new address, two ports
    w.check();

    // 1004 -> 1002 -> 1000: the second step flips off.
    w.run(update('Endpoints', 'default', 'c', endpoints('c', 0)));
    expect(w.iptablesUnits()).toEqual(['svc:default/c']);
    w.run(update('Endpoints', 'default', 'a', endpoints('a', 250)));
    expect(w.iptablesUnits()).toEqual(['svc:default/a', 'svc:default/b']);
    w.check();
    expect(w.dnat()).toEqual([1000, 1000]);

    // Not-ready addresses count: 1000 -> 1002 flips on without any new DNAT rule.
    w.run(update('Endpoints', 'default', 'd', endpoints('d', 1, { ready: false })));
    expect(w.iptablesUnits()).toEqual(['svc:default/a', 'svc:default/b', 'svc:default/d']);
    w.check();
    expect(w.dnat()).toEqual([1000, 0]);

    // Deleting a Service takes its endpoints out of the count: flips off.
    w.run(remove('Service', 'default', 'd'));
    expect(w.iptablesUnits()).toEqual(['svc:default/a', 'svc:default/b', 'svc:default/d']);
    w.check();
    expect(w.dnat()).toEqual([1000, 1000]);

    // A headless Service has no service ports: b recreated headless takes its 500 out.
    w.run(update('Endpoints', 'default', 'c', endpoints('c', 1, { node: 'n2' })));
    expect(w.dnat()).toEqual([1000, 0]);
    w.run(remove('Service', 'default', 'b'));
    w.run(putService('b', { clusterIP: 'None' }));
    w.run(update('Endpoints', 'default', 'b', endpoints('b', 250)));
    w.check();
    expect(w.dnat()).toEqual([500, 500]);
    w.replay();
  });

  it('equals a from-scratch build after every step of random histories around the threshold', () => {
    const NAMES = ['a', 'b', 'c'];
    const step = fc.oneof(
      {
        arbitrary: fc.record({ t: fc.constant('eps' as const), s: fc.nat(2), n: fc.constantFrom(0, 1, 2, 249, 250, 251, 499, 500, 501), ready: fc.boolean(), node: fc.nat(2) }),
        weight: 5,
      },
      { arbitrary: fc.record({ t: fc.constant('svc' as const), s: fc.nat(2), kind: fc.constantFrom('plain', 'sticky', 'local', 'headless', 'single-port') }), weight: 2 },
      { arbitrary: fc.record({ t: fc.constant('del' as const), s: fc.nat(2) }), weight: 1 },
    );
    type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
    const SPECS: Record<string, Record<string, unknown>> = {
      plain: {},
      sticky: { sessionAffinity: 'ClientIP' },
      local: { internalTrafficPolicy: 'Local' },
      headless: { clusterIP: 'None' },
      'single-port': { ports: [PORTS[0]] },
    };
    const command = (s: Step): Command => {
      const name = NAMES[s.s]!;
      switch (s.t) {
        case 'eps':
          return update('Endpoints', 'default', name, endpoints(name, s.n, { ready: s.ready, ...(s.node ? { node: NODES[s.node - 1] } : {}) }));
        case 'del':
          return remove('Service', 'default', name);
        case 'svc':
          return putService(name, SPECS[s.kind]);
      }
    };
    let flips = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const w = new World();
        for (const name of NAMES) w.run(putService(name));
        for (const s of steps) {
          const wasLarge = largeClusterOfView(w.state, 'ipv4');
          try {
            w.run(command(s));
          } catch (e) {
            // e.g. a replace that would change an allocated clusterIP (to headless)
            if (!(e instanceof StatusError)) throw e;
          }
          w.check();
          if (largeClusterOfView(w.state, 'ipv4') !== wasLarge) flips++;
        }
        w.replay();
      }),
      { numRuns: 15 },
    );
    expect(flips).toBeGreaterThan(0);
  });
});
