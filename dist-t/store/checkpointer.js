// WAL checkpoints off the write path. SQLite's automatic checkpoint runs inside whichever commit
// crosses the threshold, and was the tail of write latency. Here a worker thread with its own
// connection runs PASSIVE checkpoints: they never block the writer, and durability is unchanged
// (every commit is fsynced to the WAL before it is acknowledged). While the WAL grows they run
// every 50 ms, so the writer's own checkpoint (database.ts: past 128 MiB of WAL, the only one
// that can restart the WAL under sustained load) finds little left to copy; measured under the
// writes load, checkpoints once a second left the writer copying long backlogs (write p99 39-40
// ms against 28-30). When nothing was written since the last one, they run once a second.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { workerReply } from './worker-reply.js';
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
let lastLog = -1;
let timer;
const checkpoint = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    const grew = r.log !== lastLog;
    lastLog = r.log;
    return grew;
  } catch {
    return true; // busy: try again soon
  }
};
const tick = () => {
  timer = setTimeout(tick, checkpoint() ? workerData.activeMs : workerData.idleMs);
};
timer = setTimeout(tick, workerData.idleMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearTimeout(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
`;
export class Checkpointer {
    worker;
    constructor(path, activeMs = 50, idleMs = 1000) {
        const module = createRequire(import.meta.url).resolve('better-sqlite3');
        this.worker = new Worker(WORKER, { eval: true, workerData: { path, module, activeMs, idleMs } });
        this.worker.unref();
    }
    async stop() {
        await workerReply(this.worker, 'stop', (m) => m === 'stopped');
        await this.worker.terminate();
    }
}
//# sourceMappingURL=checkpointer.js.map