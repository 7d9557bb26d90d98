// `npm run bench -- [writes] [scale] [fanout] [watchers] [audit] [--quick] [--profile]`: runs the named
// scenarios (all when none is named) in that order, prints a table per scenario and writes
// bench/results/<scenario>.json. Targets are reported as PASS/MISS, never asserted.

import { join } from 'node:path';
import type { BenchOptions, Shared } from './lib/options.js';
import { removeDir } from './lib/processes.js';
import type { Report } from './lib/report.js';
import { SERVER_NODE_FLAGS } from '../server/node-flags.js';
import { audit } from './scenarios/audit.js';
import { fanout } from './scenarios/fanout.js';
import { watchers } from './scenarios/watchers.js';
import { scale } from './scenarios/scale.js';
import { writes } from './scenarios/writes.js';

const SCENARIOS: Record<string, (opts: BenchOptions, shared: Shared) => Promise<Report>> = { writes, scale, fanout, watchers, audit };
const RESULTS = join(import.meta.dirname, '..', '..', 'bench', 'results');

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const names = argv.filter((a) => !a.startsWith('--'));
  for (const f of flags) if (f !== '--quick' && f !== '--profile') return usage(`unknown flag ${f}`);
  for (const n of names) if (!SCENARIOS[n]) return usage(`unknown scenario ${n}`);
  const chosen = Object.keys(SCENARIOS).filter((n) => !names.length || names.includes(n));
  const started = Date.now();
  const opts: BenchOptions = {
    resultsDir: RESULTS,
    profile: flags.has('--profile'),
    quick: flags.has('--quick'),
    log: (msg) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`),
  };
  // In-process scenarios (scale) measure this process: it must run as the server does.
  const missing = SERVER_NODE_FLAGS.filter((f) => !process.execArgv.includes(f));
  if (missing.length) opts.log(`warning: not run with the server's V8 flags (${missing.join(' ')}): in-process figures will differ from the server's; use npm run bench`);
  const shared: Shared = { cleanup: [] };
  let failed = 0;
  try {
    for (const name of chosen) {
      opts.log(`scenario ${name}`);
      try {
        const report = await SCENARIOS[name]!(opts, shared);
        const path = report.write(RESULTS);
        process.stdout.write(report.table() + `\n  results: ${path}\n\n`);
      } catch (e) {
        failed++;
        process.stdout.write(`== ${name}: FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n\n`);
      }
    }
  } finally {
    for (const dir of shared.cleanup) removeDir(dir);
  }
  opts.log(`done: ${chosen.length - failed}/${chosen.length} scenarios`);
  return failed ? 1 : 0;
}

function usage(msg: string): number {
  process.stderr.write(`bench: ${msg}\nusage: npm run bench -- [${Object.keys(SCENARIOS).join('] [')}] [--quick] [--profile]\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
