// Reconnect delays: exponential from 0.5 s to 30 s, with ±20 % jitter so a fleet of agents does
// not reconnect in lockstep after a server restart. Reset once a connection delivers a line.

export class Backoff {
  private attempt = 0;

  constructor(
    private readonly initialMs = 500,
    private readonly maxMs = 30_000,
    private readonly jitter: () => number = Math.random,
  ) {}

  /** The delay before the next attempt; each call doubles the next one up to the cap. */
  next(): number {
    const base = Math.min(this.maxMs, this.initialMs * 2 ** this.attempt);
    this.attempt++;
    return Math.round(base * (0.8 + 0.4 * this.jitter()));
  }

  reset(): void {
    this.attempt = 0;
  }
}
