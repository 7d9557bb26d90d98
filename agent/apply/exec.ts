// Running the node's tools inside its network namespace (`ip netns exec NS …`), or logging what
// would run (--dry-run). The one place appliers go through, so --dry-run covers all of them.

import { run, type RunResult } from '../routes/run.js';
import type { Logger } from '../log.js';

export interface Exec {
  readonly netns?: string;
  readonly dryRun: boolean;
  /** Runs argv in the namespace; in dry-run mode logs it (with stdin) and succeeds. */
  run(argv: readonly string[], stdin?: string): Promise<RunResult>;
  /** Like run but throws on a non-zero exit, with the command and its stderr. */
  check(argv: readonly string[], stdin?: string): Promise<string>;
  /** Reads only: runs even in dry-run mode (iptables-save, ip … show, /proc reads). */
  read(argv: readonly string[]): Promise<RunResult>;
}

export function nsArgv(netns: string | undefined, argv: readonly string[]): string[] {
  return netns ? ['ip', 'netns', 'exec', netns, ...argv] : [...argv];
}

export function createExec(netns: string | undefined, dryRun: boolean, log: Logger): Exec {
  const exec: Exec = {
    netns,
    dryRun,
    async run(argv, stdin) {
      if (dryRun) {
        log.info({ dryRun: true, command: nsArgv(netns, argv).join(' '), stdin }, 'would run');
        return { code: 0, stdout: '', stderr: '' };
      }
      return run(nsArgv(netns, argv), stdin);
    },
    async check(argv, stdin) {
      const r = await exec.run(argv, stdin);
      if (r.code !== 0) throw new Error(`${argv.join(' ')} failed (exit ${r.code}): ${r.stderr.trim()}`);
      return r.stdout;
    },
    read(argv) {
      return run(nsArgv(netns, argv));
    },
  };
  return exec;
}
