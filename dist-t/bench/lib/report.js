// A scenario's result: rows of (metric, value, unit, target, verdict) for the readable table,
// plus free-form details and notes, all written to bench/results/<scenario>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { cpuReferenceMs } from './cpu-reference.js';
import { round } from './stats.js';
export class Report {
    scenario;
    rows = [];
    notes = [];
    details = {};
    started = Date.now();
    /** The machine is shared (other sessions run tests): the load when the scenario began. */
    loadAtStart = loadavg();
    /** How fast the CPU was when the scenario began (cpu-reference.ts): compare figures across
     * days only together with it. */
    cpuAtStart = cpuReferenceMs();
    /** Taken once, when the table or the file first asks (each run takes ~0.6 s). */
    cpuAtEndMs;
    get cpuAtEnd() {
        return (this.cpuAtEndMs ??= cpuReferenceMs());
    }
    constructor(scenario) {
        this.scenario = scenario;
    }
    add(metric, value, unit = '', target = '', verdict = '') {
        this.rows.push({ metric, value: typeof value === 'number' ? round(value) : value, unit, target, verdict });
    }
    note(text) {
        this.notes.push(text);
    }
    detail(key, value) {
        this.details[key] = value;
    }
    /** The readable table, column widths fitted to the content. */
    table() {
        const head = ['metric', 'value', 'unit', 'target', ''];
        const cells = this.rows.map((r) => [r.metric, String(r.value), r.unit ?? '', r.target ?? '', r.verdict ?? '']);
        const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
        const line = (c) => c.map((x, i) => (i === 1 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ').trimEnd();
        const out = [`== ${this.scenario} (${((Date.now() - this.started) / 1000).toFixed(1)} s)`, line(head), widths.map((w) => '-'.repeat(w)).join('  ')];
        for (const c of cells)
            out.push(line(c));
        for (const n of this.notes)
            out.push(`  note: ${n}`);
        out.push(`  note: load average at start / end: ${fmtLoad(this.loadAtStart)} / ${fmtLoad(loadavg())} (1, 5, 15 min)`);
        out.push(`  note: CPU reference (bench/lib/cpu-reference.ts, lower is faster) at start / end: ${this.cpuAtStart.toFixed(0)} / ${this.cpuAtEnd.toFixed(0)} ms`);
        return out.join('\n');
    }
    write(dir) {
        mkdirSync(dir, { recursive: true });
        const path = join(dir, `${this.scenario}.json`);
        const body = {
            scenario: this.scenario,
            finishedAt: new Date().toISOString(),
            seconds: (Date.now() - this.started) / 1000,
            loadAverage: { start: this.loadAtStart, end: loadavg() },
            cpuReferenceMs: { start: this.cpuAtStart, end: this.cpuAtEnd },
            rows: this.rows,
            notes: this.notes,
            details: this.details,
        };
        writeFileSync(path, JSON.stringify(body, null, 2) + '\n');
        return path;
    }
}
function fmtLoad(l) {
    return l.map((x) => x.toFixed(2)).join(', ');
}
//# sourceMappingURL=report.js.map