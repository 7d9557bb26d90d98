// metav1.Time and MicroTime as kube-apiserver stores them: decoded from RFC 3339 (Time with any
// offset and fraction, MicroTime with exactly six fraction digits) and encoded again in UTC, Time
// to whole seconds (`2006-01-02T15:04:05Z`). A client sending `.123Z` or `+02:00` gets back what
// Go's encoder writes, and a value time.Parse refuses fails the request's decoding (400).
import { errors } from '../errors.js';
import { KIND_INFO } from '../kinds.js';
import { KIND_SCHEMAS, SCHEMAS } from './registry.js';
const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';
const MICRO_TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime';
const byId = new Map();
/** The schema's time-bearing branches, null where it holds no time (cut from the walk). */
function treeOf(schema, seen) {
    const ref = schema.$ref;
    if (typeof ref === 'string') {
        if (ref === TIME || ref === MICRO_TIME)
            return { kind: 'time', micro: ref === MICRO_TIME };
        if (byId.has(ref))
            return byId.get(ref);
        const target = SCHEMAS.get(ref);
        if (!target || seen.has(ref))
            return null; // recursive types (JSONSchemaProps) hold no times here
        seen.add(ref);
        const tree = treeOf(target, seen);
        seen.delete(ref);
        byId.set(ref, tree);
        return tree;
    }
    if (schema.type === 'array' && schema.items) {
        const of = treeOf(schema.items, seen);
        return of && { kind: 'each', of };
    }
    if (schema.type === 'object') {
        const values = schema.additionalProperties;
        if (values && typeof values === 'object') {
            const of = treeOf(values, seen);
            return of && { kind: 'each', of };
        }
        const fields = new Map();
        for (const [name, field] of Object.entries((schema.properties ?? {}))) {
            const t = treeOf(field, seen);
            if (t)
                fields.set(name, t);
        }
        return fields.size ? { kind: 'fields', fields } : null;
    }
    return null;
}
const byKind = new Map();
function kindTree(kind) {
    if (byKind.has(kind))
        return byKind.get(kind);
    const id = KIND_SCHEMAS.get(kind);
    const tree = id ? treeOf({ $ref: id }, new Set()) : null;
    byKind.set(kind, tree);
    return tree;
}
const TIME_LAYOUT = '2006-01-02T15:04:05Z07:00';
const MICRO_LAYOUT = '2006-01-02T15:04:05.000000Z07:00';
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|([+-])(\d{2}):(\d{2}))$/;
/** RFC3339's elements in order: digits (or a literal) and the layout text Go names them by. */
const ELEMENTS = [
    [/^\d{4}/, '2006'], [/^-/, '-'], [/^\d{2}/, '01'], [/^-/, '-'], [/^\d{2}/, '02'], [/^T/, 'T'],
    [/^\d{2}/, '15'], [/^:/, ':'], [/^\d{2}/, '04'], [/^:/, ':'], [/^\d{2}/, '05'],
];
/**
 * time.Parse with RFC3339 (Time) or RFC3339Micro (MicroTime) as Go reads them: the value
 * re-encoded in UTC (Time to whole seconds, MicroTime with its six digits), or where parsing
 * stopped and what the layout wanted there, or the field out of range. Time takes any fraction
 * (`.` or `,`); MicroTime exactly six digits.
 */
function parseTime(value, micro) {
    const m = RFC3339.exec(value);
    if (!m || (micro && m[7]?.length !== 6))
        return whereParsingStops(value, micro);
    const year = +m[1], month = +m[2], day = +m[3], hour = +m[4], minute = +m[5], second = +m[6];
    if (month < 1 || month > 12)
        return { range: 'month' };
    if (day < 1 || day > 31)
        return { range: 'day' };
    if (hour > 23)
        return { range: 'hour' };
    if (minute > 59)
        return { range: 'minute' };
    if (second > 59)
        return { range: 'second' };
    if (m[9] && Number(m[10]) > 24)
        return { range: 'time zone offset hour' };
    if (m[9] && Number(m[11]) > 60)
        return { range: 'time zone offset minute' };
    if (day > (month === 2 && leap(year) ? 29 : DAYS[month - 1]))
        return { range: 'day' };
    // Already UTC: the value is its own encoding, less any fraction a Time drops (the common case).
    if (!m[9])
        return micro ? `${value.slice(0, 19)}.${m[7]}Z` : m[7] === undefined ? value : `${value.slice(0, 19)}Z`;
    const offsetMs = (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) * 60_000;
    const local = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
    local.setUTCFullYear(year); // Date.UTC reads years 0-99 as 1900-1999
    const seconds = new Date(local.getTime() - offsetMs).toISOString().slice(0, 19);
    return micro ? `${seconds}.${m[7]}Z` : `${seconds}Z`;
}
/** For a value RFC3339 did not match: the first element time.Parse could not read. */
function whereParsingStops(value, micro) {
    let rest = value;
    for (const [re, expected] of ELEMENTS) {
        const m = re.exec(rest);
        if (!m)
            return { rest, expected };
        rest = rest.slice(m[0].length);
    }
    const fraction = /^[.,]\d+/.exec(rest)?.[0] ?? '';
    if (micro) {
        if (fraction.length < 7)
            return { rest, expected: '.000000' };
        rest = rest.slice(7);
    }
    else
        rest = rest.slice(fraction.length);
    return { rest, expected: 'Z07:00' };
}
/** A Time or MicroTime as Go re-encodes it (UTC), undefined when time.Parse would fail. */
export function canonicalTime(value, micro = false) {
    const out = parseTime(value, micro);
    return typeof out === 'string' ? out : undefined;
}
/** The 400 a request gets when one of its times does not parse, in the decoder's words. */
export function timeDecodeError(kind, value, micro = false) {
    const out = parseTime(value, micro);
    const at = typeof out === 'string' ? { rest: value, expected: '2006' } : out;
    const version = KIND_INFO[kind].apiVersion.split('/').pop();
    const parsing = `parsing time ${JSON.stringify(value)}`;
    const detail = 'range' in at ? `${parsing}: ${at.range} out of range` : `${parsing} as ${JSON.stringify(micro ? MICRO_LAYOUT : TIME_LAYOUT)}: cannot parse ${JSON.stringify(at.rest)} as ${JSON.stringify(at.expected)}`;
    return errors.badRequest(`${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${detail}`);
}
/** Rewrites every Time and MicroTime of `obj` (a `kind` object) in place; 400 on one that is
 * not RFC 3339, as the request's decoding fails upstream. */
export function normalizeTimes(kind, obj) {
    const tree = kindTree(kind);
    if (tree)
        visit(tree, obj, kind);
}
function visit(tree, value, kind) {
    if (value === null || value === undefined)
        return;
    switch (tree.kind) {
        case 'fields':
            if (typeof value !== 'object' || Array.isArray(value))
                return;
            for (const [name, t] of tree.fields) {
                const v = value[name];
                if (t.kind !== 'time')
                    visit(t, v, kind);
                else if (typeof v === 'string')
                    value[name] = timeOrFail(v, t.micro, kind);
            }
            return;
        case 'each':
            if (typeof value !== 'object')
                return;
            for (const [k, v] of Object.entries(value)) {
                if (tree.of.kind !== 'time')
                    visit(tree.of, v, kind);
                else if (typeof v === 'string')
                    value[k] = timeOrFail(v, tree.of.micro, kind);
            }
            return;
        case 'time':
            return;
    }
}
function timeOrFail(value, micro, kind) {
    const out = canonicalTime(value, micro);
    if (out === undefined)
        throw timeDecodeError(kind, value, micro);
    return out;
}
//# sourceMappingURL=times.js.map