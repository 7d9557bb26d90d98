// Opening the agent's listening sockets inside --netns (docs/API.md: "Every socket the agent opens
// for its node … is opened inside the --netns namespace"): a short-lived child bound there passes
// the sockets back over IPC; without --netns they are bound here.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bindSockets } from './bind.js';
const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));
const TIMEOUT_MS = 15_000;
export async function openSockets(netns, req) {
    if (!req.dns && !req.metrics)
        return {};
    if (!netns)
        return bindSockets(req);
    const child = spawn('ip', ['netns', 'exec', netns, process.execPath, CHILD, JSON.stringify(req)], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    return new Promise((resolve, reject) => {
        const got = {};
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`binding sockets in netns ${netns} timed out`));
        }, TIMEOUT_MS);
        child.on('message', (msg, handle) => {
            if (msg.socket === 'dns-udp')
                got.udp = handle;
            else if (msg.socket === 'dns-tcp')
                got.tcp = handle;
            else if (msg.socket === 'metrics')
                got.metrics = handle;
            else if (msg.error) {
                clearTimeout(timer);
                reject(new Error(`binding sockets in netns ${netns}: ${msg.error}`));
            }
            else if (msg.done) {
                clearTimeout(timer);
                resolve({ dns: got.udp && got.tcp ? { udp: got.udp, tcp: got.tcp } : undefined, metrics: got.metrics });
            }
        });
        child.on('exit', (code) => {
            clearTimeout(timer);
            // After `done` this is the normal end; before it, a failure (e.g. no such namespace).
            reject(new Error(`netns socket helper exited with ${code}: ${stderr.trim()}`));
        });
    });
}
//# sourceMappingURL=sockets.js.map