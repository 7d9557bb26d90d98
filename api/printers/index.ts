export { tableFor, printerFor, parseIncludeObject } from './table.js';
export { humanDuration, translateTimestampSince } from './duration.js';
export type { IncludeObject, Printer, Table, TableColumnDefinition, TableListMeta, TableOptions, TableRow, TableRowCondition } from './types.js';
