// Running the node's tools inside its network namespace (`ip netns exec NS …`), or logging what
// would run (--dry-run). The one place appliers go through, so --dry-run covers all of them.
import { run } from '../routes/run.js';
export function nsArgv(netns, argv) {
    return netns ? ['ip', 'netns', 'exec', netns, ...argv] : [...argv];
}
export function createExec(netns, dryRun, log) {
    const exec = {
        netns,
        dryRun,
        async run(argv, stdin) {
            if (dryRun) {
                log.info({ dryRun: true, command: nsArgv(netns, argv).join(' '), stdin }, 'would run');
                return { code: 0, stdout: '', stderr: '' };
            }
            return run(nsArgv(netns, argv), stdin);
        },
        async check(argv, stdin) {
            const r = await exec.run(argv, stdin);
            if (r.code !== 0)
                throw new Error(`${argv.join(' ')} failed (exit ${r.code}): ${r.stderr.trim()}`);
            return r.stdout;
        },
        read(argv) {
            return run(nsArgv(netns, argv));
        },
    };
    return exec;
}
//# sourceMappingURL=exec.js.map