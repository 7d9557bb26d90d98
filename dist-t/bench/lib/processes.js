// Child processes the scenarios measure: the built `netledger serve`, and a bare fastify app as
// the ceiling of what one HTTP process does on this machine. Their stdout goes to a log file (not
// through the bench process), so the server's request logging does not cost the load generator.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.js';
export const DIST = join(import.meta.dirname, '..', '..');
export const NETLEDGER_BIN = join(DIST, 'bin', 'netledger.js');
export const BARE_SERVER = join(DIST, 'bench', 'bare-server.js');
export function tempDir(prefix = 'netledger-bench-') {
    return mkdtempSync(join(tmpdir(), prefix));
}
export function removeDir(dir) {
    rmSync(dir, { recursive: true, force: true });
}
/** Starts `node <the server's V8 flags> script args…` and resolves once it reports its address
 * (or answers on knownUrl). The bare baseline gets the same flags as netledger. */
export async function startChild(script, args, opts) {
    const out = openSync(opts.logFile, 'w');
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, script, ...args], {
        stdio: ['ignore', out, 'pipe'],
        env: { ...process.env, ...opts.env },
    });
    closeSync(out);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
    let url;
    while (!url) {
        if (child.exitCode !== null)
            throw new Error(`${script} exited with ${child.exitCode}: ${stderr}`);
        if (Date.now() > deadline) {
            child.kill('SIGKILL');
            throw new Error(`${script} did not start in time: ${stderr}`);
        }
        await sleep(50);
        url = opts.knownUrl ? ((await answers(opts.knownUrl)) ? opts.knownUrl : undefined) : addressIn(opts.logFile, opts.readyMsg);
    }
    const pid = child.pid;
    return {
        url,
        pid,
        child,
        logFile: opts.logFile,
        stop: () => new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null)
                return resolve();
            const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
                clearTimeout(kill);
                resolve();
            });
            child.kill('SIGTERM');
        }),
    };
}
function addressIn(logFile, msg) {
    for (const line of readFileSync(logFile, 'utf8').split('\n')) {
        if (!line.includes(msg))
            continue;
        try {
            const rec = JSON.parse(line);
            if (rec.msg === msg && rec.address)
                return rec.address;
        }
        catch {
            /* a partial line */
        }
    }
    return undefined;
}
async function answers(url) {
    try {
        const res = await fetch(url + '/healthz');
        await res.arrayBuffer();
        return true;
    }
    catch {
        return false;
    }
}
/** `node dist/bin/netledger.js serve --listen 127.0.0.1:0 --data DIR`, address from its log. */
export async function startNetledger(o) {
    const level = o.logLevel ?? 'info';
    const logFile = o.logFile ?? join(o.dataDir, 'server.log');
    // Below info the "netledger serving" line is not printed: pick the port here instead.
    const port = level === 'info' || level === 'debug' || level === 'trace' ? 0 : await freePort();
    return startChild(NETLEDGER_BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--data', o.dataDir, ...(o.flags ?? [])], {
        env: { NETLEDGER_LOG_LEVEL: level },
        logFile,
        readyMsg: 'netledger serving',
        knownUrl: port ? `http://127.0.0.1:${port}` : undefined,
        timeoutMs: 600_000,
    });
}
export async function startBare(logFile) {
    return startChild(BARE_SERVER, [], { logFile, readyMsg: 'bare serving' });
}
export function freePort() {
    return new Promise((resolve, reject) => {
        const s = createServer();
        s.once('error', reject);
        s.listen(0, '127.0.0.1', () => {
            const port = s.address().port;
            s.close(() => resolve(port));
        });
    });
}
/** Resident set size of a process in bytes (Linux /proc). */
export function vmRss(pid) {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
}
export function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
//# sourceMappingURL=processes.js.map