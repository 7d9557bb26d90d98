// One server per data directory. A second `serve` on a directory in use would migrate and compact
// the log under the running server (its retention floor moves on disk, not in the running
// server's memory, so that one goes on answering from rows that are gone) before failing to
// bind its port. The lock is a file holding the owner's pid and start time, as PostgreSQL's
// postmaster.pid: a crash (SIGKILL, power loss) leaves it behind, and it is taken over when its
// process is gone, or is another process that got the same pid since.

import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'netledger.pid';

/** Directories this process holds (an in-process server stopped and started again reuses one). */
const held = new Set<string>();

/** Takes the directory's lock; returns its release. Throws when another live server holds it. */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  if (held.has(dir)) throw inUse(dir, path, process.pid);
  const mine = `${process.pid} ${startTimeOf(process.pid) ?? ''}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      const owner = readOwner(path);
      if (owner && owner.pid !== process.pid && isRunning(owner.pid, owner.startTime)) throw inUse(dir, path, owner.pid);
      // Left by a process that is gone: take it over.
      unlinkSync(path);
    }
  }
  held.add(dir);
  return () => {
    held.delete(dir);
    try {
      if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
}

function inUse(dir: string, path: string, pid: number): Error {
  return new Error(`--data ${dir} is in use by another netledger server (pid ${pid}, ${path}): stop it first, or remove that file if no server runs there`);
}

function readOwner(path: string): { pid: number; startTime: string | undefined } | undefined {
  try {
    const [pid, startTime] = readFileSync(path, 'utf8').trim().split(' ');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, startTime: startTime || undefined } : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number, startTime: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // Alive: the same process only if it started when the owner did (where /proc tells).
  const now = startTimeOf(pid);
  return startTime === undefined || now === undefined || now === startTime;
}

/** A process's start time in clock ticks since boot (/proc/PID/stat field 22), where there is a /proc. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from its end.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
