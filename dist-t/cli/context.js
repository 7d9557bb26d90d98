// What a command runs with: its output streams, whether stdout is a terminal, and how to reach
// the server from the flags it was given. Tests and the binary build it differently.
import { Client } from './client.js';
import { resolveConnection } from './connection.js';
export function processContext() {
    return {
        out: (text) => void process.stdout.write(text),
        note: (text) => void process.stderr.write(text),
        isTTY: !!process.stdout.isTTY,
        env: process.env,
        connect: (values) => new Client(resolveConnection({ server: values.server, token: values.token }, process.env)),
    };
}
//# sourceMappingURL=context.js.map