// The audit commands of `netledger` (API.md "Other commands"): tables, history, diff, blame,
// events. Each prints for people by default and JSON/YAML with -o; exit 0 ok, 1 error, 2 usage.
import { CliError } from './client.js';
import { processContext } from './context.js';
import { BLAME_USAGE, runBlame } from './commands/blame.js';
import { DIFF_USAGE, runDiff } from './commands/diff.js';
import { EVENTS_USAGE, runEvents } from './commands/events.js';
import { HISTORY_USAGE, runHistory } from './commands/history.js';
import { TABLES_USAGE, runTables } from './commands/tables.js';
const COMMANDS = {
    tables: { run: runTables, usage: TABLES_USAGE },
    history: { run: runHistory, usage: HISTORY_USAGE },
    diff: { run: runDiff, usage: DIFF_USAGE },
    blame: { run: runBlame, usage: BLAME_USAGE },
    events: { run: runEvents, usage: EVENTS_USAGE },
};
export async function runCli(command, argv, ctx = processContext(), err = (t) => void process.stderr.write(t)) {
    const cmd = COMMANDS[command];
    if (!cmd) {
        err(`netledger: unknown command "${command}"\n`);
        return 2;
    }
    if (argv.includes('-h') || argv.includes('--help')) {
        ctx.out(cmd.usage + '\n');
        return 0;
    }
    try {
        return await cmd.run(ctx, argv);
    }
    catch (e) {
        if (e instanceof CliError) {
            err((e.exitCode === 2 ? `netledger ${command}: ` : '') + e.message + '\n');
            return e.exitCode;
        }
        err(`netledger ${command}: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
    }
}
//# sourceMappingURL=index.js.map