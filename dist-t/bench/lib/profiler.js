// Opt-in CPU profile of a stretch of in-process work (`--profile`), via the inspector: writes the
// .cpuprofile next to the results (open it in Chrome DevTools) and returns the top functions by
// self and inclusive time, named function + file:line under dist/.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
export class Profiler {
    session;
    async start() {
        this.session = new Session();
        this.session.connect();
        await this.session.post('Profiler.enable');
        await this.session.post('Profiler.setSamplingInterval', { interval: 500 });
        await this.session.post('Profiler.start');
    }
    /** Stops, saves the raw profile to `file`, returns {self, inclusive} hotspots. */
    async stop(file, top = 25) {
        const { profile } = (await this.session.post('Profiler.stop'));
        this.session.disconnect();
        writeFileSync(file, JSON.stringify(profile));
        return hotspots(profile, top);
    }
}
export function hotspots(p, top) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of p.nodes)
        for (const c of n.children ?? [])
            parent.set(c, n.id);
    const timeOf = new Map();
    p.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
    const name = (n) => {
        const url = n.callFrame.url.replace(/^file:\/\/.*?\/dist\//, '').replace(/^file:\/\/.*?\/node_modules\//, 'node_modules/');
        return `${n.callFrame.functionName || '(anonymous)'} ${url}${url ? ':' + (n.callFrame.lineNumber + 1) : ''}`;
    };
    const self = new Map();
    const inclusive = new Map();
    let total = 0;
    for (const [id, us] of timeOf) {
        total += us;
        const key = name(byId.get(id));
        self.set(key, (self.get(key) ?? 0) + us);
        const seen = new Set();
        for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
            const k = name(byId.get(cur));
            if (seen.has(k))
                continue;
            seen.add(k);
            inclusive.set(k, (inclusive.get(k) ?? 0) + us);
        }
    }
    const list = (m) => [...m]
        .filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(program)') && !k.startsWith('(idle)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), percent: Math.round((1000 * us) / total) / 10 }));
    return { self: list(self), inclusive: list(inclusive) };
}
//# sourceMappingURL=profiler.js.map