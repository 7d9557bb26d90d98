// Opt-in CPU profile of a stretch of in-process work (`--profile`), via the inspector: writes the
// .cpuprofile next to the results (open it in Chrome DevTools) and returns the top functions by
// self and inclusive time, named function + file:line under dist/.

import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  fn: string;
  ms: number;
  percent: number;
}

export class Profiler {
  private session?: Session;

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.session.post('Profiler.start');
  }

  /** Stops, saves the raw profile to `file`, returns {self, inclusive} hotspots. */
  async stop(file: string, top = 25): Promise<{ self: Hotspot[]; inclusive: Hotspot[] }> {
    const { profile } = (await this.session!.post('Profiler.stop')) as unknown as { profile: Profile };
    this.session!.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    return hotspots(profile, top);
  }
}

export function hotspots(p: Profile, top: number): { self: Hotspot[]; inclusive: Hotspot[] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const timeOf = new Map<number, number>();
  p.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const name = (n: ProfileNode) => {
    const url = n.callFrame.url.replace(/^file:\/\/.*?\/dist\//, '').replace(/^file:\/\/.*?\/node_modules\//, 'node_modules/');
    return `${n.callFrame.functionName || '(anonymous)'} ${url}${url ? ':' + (n.callFrame.lineNumber + 1) : ''}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, us] of timeOf) {
    total += us;
    const key = name(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(program)') && !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), percent: Math.round((1000 * us) / total) / 10 }));
  return { self: list(self), inclusive: list(inclusive) };
}
