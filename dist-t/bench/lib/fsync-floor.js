// The durability floor of this disk: a one-row SQLite transaction in WAL mode with
// synchronous=FULL (as store/database.ts opens the ledger), timed many times. No durable write of
// the ledger can be faster than this; its tail is the tail any single acknowledged write inherits.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { removeDir, tempDir } from './processes.js';
import { summarize } from './stats.js';
export function fsyncFloor(commits = 300) {
    const dir = tempDir('netledger-bench-fsync-');
    try {
        const db = new BetterSqlite3(join(dir, 'floor.db'));
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        db.exec('create table t (id integer primary key, v text not null)');
        const insert = db.prepare('insert into t (v) values (?)');
        const tx = db.transaction((v) => insert.run(v));
        const samples = [];
        const value = 'x'.repeat(1000);
        for (let i = 0; i < commits; i++) {
            const t = process.hrtime.bigint();
            tx.immediate(value);
            samples.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        db.close();
        return summarize(samples);
    }
    finally {
        removeDir(dir);
    }
}
//# sourceMappingURL=fsync-floor.js.map