// What validation needs to know about the cluster: the ranges user-given values must fall in.
export {};
//# sourceMappingURL=context.js.map