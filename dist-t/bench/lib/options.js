// What every scenario gets from run.ts: where results go, flags, and state shared between
// scenarios of one run (audit reuses the database the scale scenario built).
export {};
//# sourceMappingURL=options.js.map