// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource) as exact numbers: what
// the pod QoS class needs (sums and comparisons of cpu and memory). A value is held in nano-units
// as a BigInt, the precision Quantity itself keeps; finer digits round up, as Quantity rounds.

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const NANO = 9;

/** The quantity in nano-units, or undefined when it is not one. */
export function quantityNanos(value: unknown): bigint | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole, fraction = '', suffix = '', exponent] = m;
  const digits = BigInt(`${whole}${fraction}` || '0');
  // value = digits × 10^(power10 − |fraction|) × 2^power2
  const power2 = suffix in BINARY_SUFFIX ? BINARY_SUFFIX[suffix]! : 0;
  const power10 = (exponent !== undefined ? Number(exponent) : suffix in BINARY_SUFFIX ? 0 : DECIMAL_SUFFIX[suffix]!) - fraction.length + NANO;
  let nanos = digits << BigInt(power2);
  if (power10 >= 0) nanos *= 10n ** BigInt(power10);
  else {
    const divisor = 10n ** BigInt(-power10);
    nanos = nanos / divisor + (nanos % divisor === 0n ? 0n : 1n);
  }
  return sign === '-' ? -nanos : nanos;
}
