// The database's tables: Kysely's typed view, the one source of truth for their shapes.
// migrations/ creates them; store/ queries them.
export {};
//# sourceMappingURL=schema.js.map