// Node-local cluster DNS responder (docs/API.md "netledger dns"): answers the cluster domain and
// the reverse zones from the in-memory dns table the caller keeps current.
export { startDnsResponder } from './server.js';
export { createDnsHandler, UDP_LIMIT, EDNS_PAYLOAD } from './handler.js';
//# sourceMappingURL=index.js.map