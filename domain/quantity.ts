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

/** Quantity's serialization formats, chosen by the suffix it was written with. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** resource.ErrFormatWrong and ErrSuffix, as Quantity.UnmarshalJSON returns them. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * ParseQuantity's grammar (parseQuantityString, then the suffixer's interpret): the format a
 * quantity text has, or the error kube-apiserver's decoder answers for it (`2x`, `lots`: the
 * format; `2KM`: the suffix).
 */
export function quantityFormat(text: string): QuantityFormat | { error: string } {
  if (text === '') return { error: QUANTITY_FORMAT_ERROR };
  let pos = 0;
  if (text[0] === '+' || text[0] === '-') pos++;
  while (isDigit(text[pos])) pos++;
  if (text[pos] === '.') {
    pos++;
    while (isDigit(text[pos])) pos++;
  }
  const suffixStart = pos;
  while (pos < text.length && SUFFIX_CHARS.includes(text[pos]!)) pos++;
  if (pos < text.length) {
    if (text[pos] === '+' || text[pos] === '-') pos++;
    while (isDigit(text[pos])) pos++;
    if (pos < text.length) return { error: QUANTITY_FORMAT_ERROR };
  }
  const suffix = text.slice(suffixStart);
  if (suffix in BINARY_SUFFIX) return 'BinarySI';
  if (suffix in DECIMAL_SUFFIX) return 'DecimalSI';
  if (/^[eE][-+]?\d+$/.test(suffix)) return 'DecimalExponent';
  return { error: QUANTITY_SUFFIX_ERROR };
}

const NANOS_PER_UNIT = 10n ** BigInt(NANO);
const BINARY_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIX).map(([s, e]) => [e, s]));

/**
 * The text Quantity serializes a value as (CanonicalizeBytes): `0.5` → `500m`, `1024Mi` →
 * `1Gi`, `1000` → `1k`, `1.5Gi` → `1536Mi`; binary amounts under 1024, or with a fraction, in
 * decimal form. Undefined when the value is no quantity.
 */
export function canonicalQuantity(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined) return undefined;
  const format = quantityFormat(text);
  const nanos = quantityNanos(text);
  if (typeof format !== 'string' || nanos === undefined) return undefined;
  if (nanos === 0n) return '0';
  const binaryLimit = 1024n * NANOS_PER_UNIT;
  if (format === 'BinarySI' && (nanos <= -binaryLimit || nanos >= binaryLimit) && nanos % NANOS_PER_UNIT === 0n) {
    let n = nanos / NANOS_PER_UNIT;
    let power = 0;
    while (power < BINARY_BY_POWER.length - 1 && n % 1024n === 0n) {
      n /= 1024n;
      power++;
    }
    return `${n}${BINARY_BY_POWER[power]}`;
  }
  // AsCanonicalBytes: trailing zeros into the exponent, then the exponent down to a multiple of 3.
  let mantissa = nanos;
  let exponent = -NANO;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const over = ((exponent % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(over);
  exponent -= over;
  if (exponent === 0) return `${mantissa}`;
  const si = format === 'DecimalExponent' ? undefined : DECIMAL_BY_EXPONENT.get(exponent);
  return `${mantissa}${si ?? `e${exponent}`}`;
}
