#!/usr/bin/env node
// The `netledger` command and its subcommands.

import { AGENT_FLAGS, DNS_FLAGS } from '../agent/flags.js';
import { flagUsage, wantsHelp } from '../server/flag-usage.js';
import { FlagError, parseServeFlags, SERVE_FLAGS } from '../server/flags.js';
import { commandFirst } from '../cli/args.js';

const USAGE = `usage: netledger <command> [flags]

commands:
  serve     run the control plane (API.md "Server")
  verify    replay the log and compare with the live state
  agent     run a node agent
  dns       run the cluster DNS responder alone
  tables    print a node's table
  history   print table history
  diff      diff a table between two revisions
  blame     which change put each entry of a table there
  events    print the event log
`;

function help(command: string, spec: Parameters<typeof flagUsage>[1], about: string): number {
  process.stdout.write(flagUsage(command, spec, about));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = commandFirst(argv);
  switch (command) {
    case 'serve': {
      if (wantsHelp(rest)) return help('serve', SERVE_FLAGS, 'runs the control plane; what each flag does: docs/API.md "Server"');
      const opts = parseServeFlags(rest);
      // Loaded on demand, so the CLI commands start without fastify and SQLite.
      const { startServer } = await import('../server/serve.js');
      const server = await startServer(opts);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        server.ledger.emit('shutdown', signal);
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
      return new Promise<number>(() => undefined);
    }
    case 'verify': {
      const { runVerify } = await import('../server/verify.js');
      return runVerify(rest);
    }
    case 'agent': {
      if (wantsHelp(rest)) return help('agent', AGENT_FLAGS, "runs a node agent: applies the node's tables to its kernel (docs/API.md \"Agent\")");
      const { runAgent } = await import('../agent/main.js');
      return runAgent(rest);
    }
    case 'dns': {
      if (wantsHelp(rest)) return help('dns', DNS_FLAGS, "answers cluster DNS from a node's dns table, as CoreDNS would (docs/API.md)");
      const { runDns } = await import('../agent/dns-main.js');
      return runDns(rest);
    }
    case 'tables':
    case 'history':
    case 'diff':
    case 'blame':
    case 'events': {
      const { runCli } = await import('../cli/index.js');
      return runCli(command, rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`netledger: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

/**
 * Exits once stdout and stderr have taken everything written to them. On Linux a pipe is written
 * asynchronously, so exiting at once cut `netledger history … | less` after the 64 KiB the pipe
 * had room for; a write's callback runs after the writes queued before it.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(exitWhenFlushed, (err) => {
  if (err instanceof FlagError) process.stderr.write(`netledger: ${err.message}\n`);
  else process.stderr.write(`netledger: ${err instanceof Error ? err.message : String(err)}\n`);
  exitWhenFlushed(err instanceof FlagError ? 2 : 1);
});
