export { tableFor, printerFor, parseIncludeObject } from './table.js';
export { humanDuration, translateTimestampSince } from './duration.js';
//# sourceMappingURL=index.js.map