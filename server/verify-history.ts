// The history rows against the replay: every table change recorded above the retention floor
// must be the change replaying the log makes at that place, field for field (rv, table, scope,
// key, op, value and previous value as text, and the rv that had set that previous value). The
// entries and digests say the end state is right; this says the audit trail that led there is
// the one the log implies, so a row edited in the database (what blame, history and diff read)
// is found.
//
// Streaming: the replay hands over each group's changes when the group closes, and the rows are
// read in id order (the order the appender wrote them) up to the last closed group's rv, so
// neither side is ever held whole.

import type { TableChange } from '../projections/tables.js';
import type { Selectable } from 'kysely';
import type { EventStore } from '../store/event-store.js';
import type { TableChangesTable } from '../store/schema.js';

/** A table_changes row as SQLite returns it. */
type Row = Selectable<TableChangesTable>;

const PAGE = 5000;
const MAX_REPORTED = 50;

export class HistoryCheck {
  private readonly pending: TableChange[] = [];
  private head = 0;
  private lastId = 0;
  readonly mismatches: string[] = [];
  private more = 0;
  checked = 0;

  constructor(
    private readonly store: EventStore,
    /** Rows at or below it were compacted to the last change of each key: not comparable. */
    private readonly floor: number,
  ) {}

  /** The changes of a closed group, in the order the replay made them. */
  replayed(changes: readonly TableChange[]): void {
    for (const c of changes) if (c.rv > this.floor) this.pending.push(c);
  }

  /** Compares the rows up to `rv` (every group up to it is closed) with what the replay made. */
  compareThrough(rv: number): void {
    const stmt = this.store.sql.prepare('select id, rv, table_name, scope, key, op, value, prev, prev_rv from table_changes where id > ? and rv > ? and rv <= ? order by id limit ?');
    for (;;) {
      const rows = stmt.all(this.lastId, this.floor, rv, PAGE) as Row[];
      for (const row of rows) {
        this.lastId = row.id;
        this.check(row, this.pending[this.head]);
        if (this.head < this.pending.length) this.head++;
      }
      if (rows.length < PAGE) break;
    }
    // Replayed changes no row matched, up to rv: the history lost them.
    while (this.head < this.pending.length && this.pending[this.head]!.rv <= rv) {
      const c = this.pending[this.head++]!;
      this.report(`history: no row for the change at rv ${c.rv} of ${c.table} ${c.scope || '<cluster>'} ${c.key} that the replay makes`);
    }
    this.pending.splice(0, this.head);
    this.head = 0;
  }

  private check(row: Row, c: TableChange | undefined): void {
    this.checked++;
    const where = `history row ${row.id} (rv ${row.rv}, ${row.table_name} ${row.scope || '<cluster>'} ${row.key})`;
    if (!c) return this.report(`${where}: the replay makes no such change`);
    const text = c.op === 'delete' ? null : (c.text ?? JSON.stringify(c.value));
    const prev = c.prev === undefined ? null : (c.prevText ?? JSON.stringify(c.prev));
    const differs = [
      row.rv !== c.rv && `rv ${c.rv}`,
      (row.table_name !== c.table || row.scope !== c.scope || row.key !== c.key) && `key ${c.table} ${c.scope || '<cluster>'} ${c.key}`,
      row.op !== c.op && `op ${c.op}`,
      row.value !== text && 'value',
      row.prev !== prev && 'previous value',
      // NULL in rows written before migration 006: nothing recorded, nothing to compare.
      row.prev_rv !== null && row.prev_rv !== (c.prevRv ?? null) && `previous value's rv ${c.prevRv ?? 'none'}`,
    ].filter(Boolean);
    if (differs.length) this.report(`${where}: differs from the replay in ${differs.join(', ')}`);
  }

  private report(m: string): void {
    if (this.mismatches.length < MAX_REPORTED) this.mismatches.push(m);
    else this.more++;
  }

  /** The mismatches, with a count of those past the first MAX_REPORTED. */
  all(): string[] {
    return this.more ? [...this.mismatches, `history: ${this.more} more mismatches`] : this.mismatches;
  }
}
