// Runs the real /usr/bin/kubectl (the Cloud SDK dispatcher, which picks kubectl 1.32 from the
// server's /version) against a test server: no kubeconfig, a private discovery cache, and an
// async child process so the in-process server keeps serving while kubectl waits on it.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { removeDir, startTestServer, tempDir, type TestServer } from '../support/server.js';

export const KUBECTL = '/usr/bin/kubectl';
export const HAS_KUBECTL = existsSync(KUBECTL);

export interface KubectlSuite {
  /** The server, its kubectl and that kubectl's directory: set in a beforeAll. */
  s: TestServer;
  k: Kubectl;
  dir: string;
  /** Writes a file (a manifest) into the directory; returns its path. */
  file(name: string, text: string): string;
}

/**
 * A started server and a kubectl pointed at it, for the describe block it is called in (as
 * suiteServer is): both set up before its tests, removed after. `flags` may be built from the
 * directory, for files the server reads (a token file).
 */
export function kubectlSuite(prefix: string, flags: string[] | ((dir: string) => string[]) = []): KubectlSuite {
  const suite = {
    file(name: string, text: string): string {
      const path = join(suite.dir, name);
      writeFileSync(path, text);
      return path;
    },
  } as KubectlSuite;
  beforeAll(async () => {
    suite.dir = tempDir(prefix);
    suite.s = await startTestServer(typeof flags === 'function' ? flags(suite.dir) : flags);
    suite.k = new Kubectl(suite.s.url, suite.dir);
  });
  afterAll(async () => {
    await suite.s?.stop();
    if (suite.s) removeDir(suite.s.dataDir);
    removeDir(suite.dir);
  });
  return suite;
}

export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class Kubectl {
  constructor(
    readonly server: string,
    readonly dir: string,
  ) {
    writeFileSync(join(dir, 'kubeconfig'), '');
  }

  private argv(args: string[]): string[] {
    return ['--server', this.server, '--cache-dir', join(this.dir, 'cache'), ...args];
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, KUBECONFIG: join(this.dir, 'kubeconfig'), HOME: this.dir, KUBECACHEDIR: join(this.dir, 'cache') };
  }

  /** Runs kubectl to completion. */
  run(args: string[], opts: { input?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<KubectlResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(KUBECTL, this.argv(args), { env: { ...this.env(), ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`kubectl ${args.join(' ')} did not finish in ${opts.timeoutMs ?? 30_000} ms; stdout: ${stdout} stderr: ${stderr}`));
      }, opts.timeoutMs ?? 30_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      child.stdin.end(opts.input ?? '');
    });
  }

  /** Runs kubectl with extra environment (EDITOR for `kubectl edit`). */
  runWithEnv(args: string[], env: Record<string, string>): Promise<KubectlResult> {
    return this.run(args, { env });
  }

  /** Starts a long-running kubectl (get -w); read `output()` until what you expect shows. */
  start(args: string[]): { child: ChildProcess; output: () => string; waitFor: (re: RegExp, timeoutMs?: number) => Promise<string>; stop: () => Promise<void> } {
    const child = spawn(KUBECTL, this.argv(args), { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const listeners = new Set<() => void>();
    child.stdout!.on('data', (d) => {
      out += d;
      for (const l of listeners) l();
    });
    child.stderr!.on('data', (d) => (out += d));
    return {
      child,
      output: () => out,
      waitFor: (re, timeoutMs = 15_000) =>
        new Promise((resolve, reject) => {
          const check = () => {
            if (re.test(out)) {
              listeners.delete(check);
              clearTimeout(timer);
              resolve(out);
            }
          };
          const timer = setTimeout(() => {
            listeners.delete(check);
            reject(new Error(`kubectl ${args.join(' ')}: ${re} did not show in ${timeoutMs} ms; output so far:\n${out}`));
          }, timeoutMs);
          listeners.add(check);
          check();
        }),
      stop: () =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('close', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }
}

/** The whitespace-separated cells of each line of kubectl's table output. */
export function cells(output: string): string[][] {
  return output
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s{2,}|\t/));
}
