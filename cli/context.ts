// What a command runs with: its output streams, whether stdout is a terminal, and how to reach
// the server from the flags it was given. Tests and the binary build it differently.

import type { Parsed } from './args.js';
import { Client } from './client.js';
import { resolveConnection } from './connection.js';

export interface CliContext {
  out(text: string): void;
  /** Remarks for people that must not mix into machine-readable stdout (drift, warnings). */
  note(text: string): void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  connect(values: Parsed['values']): Client;
}

export function processContext(): CliContext {
  return {
    out: (text) => void process.stdout.write(text),
    note: (text) => void process.stderr.write(text),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    connect: (values) =>
      new Client(resolveConnection({ server: values.server as string | undefined, token: values.token as string | undefined }, process.env)),
  };
}
