// What every scenario gets from run.ts: where results go, flags, and state shared between
// scenarios of one run (audit reuses the database the scale scenario built).

export interface BenchOptions {
  resultsDir: string;
  /** --profile: CPU-profile the in-process phases (scale) and save .cpuprofile files. */
  profile: boolean;
  /** --quick: every size divided by 10, durations shortened; for checking the bench itself. */
  quick: boolean;
  log(msg: string): void;
}

export interface EnvelopeDb {
  dataDir: string;
  nodes: number;
  services: number;
  pods: number;
  headRv: number;
  /** rv after the envelope was loaded, before any endpoint changes. */
  loadedRv: number;
}

export interface Shared {
  envelope?: EnvelopeDb;
  /** Removed at the end of the run. */
  cleanup: string[];
}
