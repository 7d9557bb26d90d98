// Commands: what the API asks the domain to do. Time, uid and actor arrive here so that decide
// stays pure.
export {};
//# sourceMappingURL=commands.js.map