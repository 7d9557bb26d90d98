// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource) as exact numbers: what
// the pod QoS class needs (sums and comparisons of cpu and memory). A value is held in nano-units
// as a BigInt, the precision Quantity itself keeps; finer digits round up, as Quantity rounds.
const DECIMAL_SUFFIX = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const NANO = 9;
/** Nano-units in one unit. */
export const NANOS_PER_UNIT = 10n ** BigInt(NANO);
/** The largest amount a Quantity holds: ParseQuantity caps every value at 2^63 − 1 units. */
const MAX_NANOS = (2n ** 63n - 1n) * NANOS_PER_UNIT;
/** A quantity given as JSON gives it (a string, or a number), parsed; undefined when it is none. */
function parsedQuantity(value) {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
    if (text === undefined)
        return undefined;
    const q = parseQuantity(text);
    return 'error' in q ? undefined : { text, q };
}
/**
 * The quantity in nano-units, or undefined when it is not one. The arithmetic stays small
 * whatever the text (`1e100000`, a megabyte of digits): amounts past int64 are capped, as
 * ParseQuantity caps them, and digits far below a nano-unit only round up.
 */
export function quantityNanos(value) {
    const parsed = parsedQuantity(value);
    return parsed && nanosOf(parsed.q);
}
function nanosOf(q) {
    const digits = (q.num + q.denom).replace(/^0+/, '');
    if (digits === '')
        return 0n;
    // value = digits × 10^e10 × 2^p2
    const p2 = q.format === 'BinarySI' ? BINARY_SUFFIX[q.suffix] : 0;
    const e10 = (q.format === 'BinarySI' ? 0 : q.exponent) - q.denom.length;
    const magnitude = digits.length + e10 + p2 * Math.LOG10E * Math.LN2;
    const signed = (n) => (q.negative ? -n : n);
    if (magnitude > 21)
        return signed(MAX_NANOS);
    if (magnitude < -12)
        return signed(1n);
    // Digits below 10^-29 units change nothing but the rounding: keep whether any is non-zero.
    const keep = Math.max(1, Math.min(digits.length, Math.ceil(magnitude) + NANO + 20));
    const sticky = /[1-9]/.test(digits.slice(keep));
    const shift = e10 + (digits.length - keep) + NANO;
    let nanos = BigInt(digits.slice(0, keep)) << BigInt(p2);
    if (shift >= 0)
        nanos *= 10n ** BigInt(shift);
    else {
        const divisor = 10n ** BigInt(-shift);
        nanos = nanos / divisor + (nanos % divisor === 0n && !sticky ? 0n : 1n);
    }
    return signed(nanos > MAX_NANOS ? MAX_NANOS : nanos);
}
/** resource.ErrFormatWrong and ErrSuffix, as Quantity.UnmarshalJSON returns them. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";
const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
/**
 * ParseQuantity's grammar (parseQuantityString, then the suffixer's interpret): the parts of a
 * quantity text, or the error kube-apiserver's decoder answers for it (`2x`, `lots`: the format;
 * `2KM`: the suffix).
 */
function parseQuantity(text) {
    if (text === '')
        return { error: QUANTITY_FORMAT_ERROR };
    let pos = 0;
    const negative = text[0] === '-';
    if (text[0] === '+' || text[0] === '-')
        pos++;
    const numStart = pos;
    while (isDigit(text[pos]))
        pos++;
    const num = text.slice(numStart, pos).replace(/^0+/, '') || '0';
    let denom = '';
    if (text[pos] === '.') {
        const denomStart = ++pos;
        while (isDigit(text[pos]))
            pos++;
        denom = text.slice(denomStart, pos);
    }
    const suffixStart = pos;
    while (pos < text.length && SUFFIX_CHARS.includes(text[pos]))
        pos++;
    if (pos < text.length) {
        if (text[pos] === '+' || text[pos] === '-')
            pos++;
        while (isDigit(text[pos]))
            pos++;
        if (pos < text.length)
            return { error: QUANTITY_FORMAT_ERROR };
    }
    const suffix = text.slice(suffixStart);
    if (suffix in BINARY_SUFFIX)
        return { negative, num, denom, suffix, format: 'BinarySI', exponent: 0 };
    if (suffix in DECIMAL_SUFFIX)
        return { negative, num, denom, suffix, format: 'DecimalSI', exponent: DECIMAL_SUFFIX[suffix] };
    if (/^[eE][-+]?\d+$/.test(suffix))
        return { negative, num, denom, suffix, format: 'DecimalExponent', exponent: Number(suffix.slice(1)) };
    return { error: QUANTITY_SUFFIX_ERROR };
}
/** The format a quantity text has, or the error kube-apiserver's decoder answers for it. */
export function quantityFormat(text) {
    const q = parseQuantity(text);
    return 'error' in q ? q : q.format;
}
/**
 * Whether ParseQuantity keeps the text as it was written: its fast path (an amount that fits
 * int64 at nano scale or above) reuses the string when it is already canonical — a decimal one
 * with a scale that is a multiple of 3 and no trailing `000` or leading `0`, a binary one whose
 * number is not a multiple of 8 (`+2M`, `1E6`, `100Mi` stay as written).
 */
function keptAsWritten(text, q) {
    if (text === '0')
        return true;
    if (q.format === 'BinarySI') {
        if (q.denom !== '')
            return false;
        const p2 = BINARY_SUFFIX[q.suffix];
        if (15 - q.num.length - Math.trunc((p2 * 3) / 10) - 1 < 0)
            return false;
        const value = BigInt(q.num);
        return value << BigInt(p2) <= 2n ** 63n - 1n && (value & 7n) !== 0n;
    }
    if (18 - (q.num.length + q.denom.length) < 0)
        return false;
    const scale = q.exponent - q.denom.length;
    if (scale < -NANO)
        return false;
    const shifted = q.num + q.denom;
    return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}
const BINARY_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIX).map(([s, e]) => [e, s]));
/**
 * The text Quantity serializes a value as (CanonicalizeBytes): `0.5` → `500m`, `1024Mi` →
 * `1Gi`, `1000` → `1k`, `1.5Gi` → `1536Mi`; binary amounts under 1024, or with a fraction, in
 * decimal form. Undefined when the value is no quantity.
 */
export function canonicalQuantity(value) {
    const parsed = parsedQuantity(value);
    if (!parsed)
        return undefined;
    const { text, q } = parsed;
    if (keptAsWritten(text, q))
        return text;
    const format = q.format;
    const nanos = nanosOf(q);
    if (nanos === 0n)
        return '0';
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
    if (exponent === 0)
        return `${mantissa}`;
    const si = format === 'DecimalExponent' ? undefined : DECIMAL_BY_EXPONENT.get(exponent);
    return `${mantissa}${si ?? `e${exponent}`}`;
}
//# sourceMappingURL=quantity.js.map