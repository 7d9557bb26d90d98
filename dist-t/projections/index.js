// Every projection netledger maintains, in a fixed order (their changes are emitted in it).
import { iptablesProjection } from './iptables/index.js';
import { routesProjection } from './routes/index.js';
import { dnsProjection } from './dns/index.js';
export const PROJECTIONS = [iptablesProjection, routesProjection, dnsProjection];
//# sourceMappingURL=index.js.map