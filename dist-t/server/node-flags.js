// The V8 settings `netledger serve` runs with. They are repeated where a server process is started
// (package.json's `start` and `bench` scripts, and the benchmarks' child processes), and
// test/server/node-flags.test.ts checks that each copy matches this one. Not on the bin's
// shebang: `env -S` is missing from BusyBox (Alpine images) and older coreutils, and the command
// would not start there at all. Run elsewhere, `netledger serve` works the same, with more
// scavenges: NODE_OPTIONS=--max-semi-space-size=64 gives it the setting.
//
// --max-semi-space-size=64: a larger young generation, so that scavenges are fewer. The server
// keeps ~1 GB of live state at the scale envelope, and every object change allocates a few
// hundred KB of short-lived values. With Node 20's default 16 MB semi-space, that meant a
// scavenge every ~30 changes. Measured on the full envelope, 1,000 endpoint changes in process
// (scratch, 2026-12-03): 33 scavenges at the default, 8 at 64 MB, each ~20% longer. The cost is
// memory: bench scale's RSS after loading went from 1.43 to 1.59 GiB with it (the same run also
// had the heap savings of that day, which lowered the JS heap).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
//# sourceMappingURL=node-flags.js.map