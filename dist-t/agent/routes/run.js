// Runs iproute2 in the node's network namespace. The only I/O in agent/routes besides devices.ts.
import { spawn } from 'node:child_process';
export function run(argv, stdin) {
    return new Promise((resolve, reject) => {
        const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
        child.stdin.on('error', () => { }); // the tool may exit before reading all of stdin
        child.stdin.end(stdin ?? '');
    });
}
/** `ip [-n NETNS] ARGS…` */
export function ipArgv(netns, ...args) {
    return netns ? ['ip', '-n', netns, ...args] : ['ip', ...args];
}
/** `bridge [-n NETNS] ARGS…` (bridge's -netns does what `ip netns exec NETNS bridge` does). */
export function bridgeArgv(netns, ...args) {
    return netns ? ['bridge', '-n', netns, ...args] : ['bridge', ...args];
}
/** Runs a command and returns stdout; throws with the command and its stderr on failure. */
export async function runChecked(argv, stdin) {
    const r = await run(argv, stdin);
    if (r.code !== 0)
        throw new Error(`${argv.join(' ')} failed (exit ${r.code}): ${r.stderr.trim()}`);
    return r.stdout;
}
// What the kernel says when the object a `del` names is already gone: ESRCH for routes, ENOENT
// for neighbours and FDB entries, or the device itself has gone (taking its entries with it).
const ALREADY_GONE = /No such process|No such file or directory|Cannot find device|does not exist/;
/**
 * Applies `ip -batch -` then `bridge -batch -`. A batch stops at its first failing line (and
 * `neigh del` exits the tool even under -force), so on failure every line is retried on its own:
 * `replace` lines are idempotent, and a `del` whose object is already gone counts as done, which
 * makes a redelivered delta harmless. Any other failure throws with the lines and their stderr.
 */
export async function applyBatches(netns, batches) {
    await runBatch(ipArgv(netns, '-batch', '-'), batches.ip);
    await runBatch(bridgeArgv(netns, '-batch', '-'), batches.bridge);
}
async function runBatch(argv, lines) {
    if (lines.length === 0)
        return;
    const whole = await run(argv, lines.join('\n') + '\n');
    if (whole.code === 0)
        return;
    const failures = [];
    for (const line of lines) {
        const one = await run(argv, line + '\n');
        if (one.code === 0)
            continue;
        if (isDelete(line) && ALREADY_GONE.test(one.stderr))
            continue;
        failures.push(`${line}\n  ${one.stderr.trim().replace(/\n/g, '\n  ')}`);
    }
    if (failures.length > 0)
        throw new Error(`${argv.join(' ')} failed:\n${failures.join('\n')}`);
}
function isDelete(line) {
    return line.trim().split(/\s+/)[1] === 'del';
}
//# sourceMappingURL=run.js.map