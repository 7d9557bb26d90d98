// Label selectors as apimachinery/pkg/labels implements them: the `labelSelector=` grammar,
// requirement validation (messages as upstream's), matching, and the structured forms
// (metav1.LabelSelector, a Service's `spec.selector` map).
import { SelectorParseError } from './errors.js';
import { scan } from './label-lexer.js';
import { invalidValue, isQualifiedName, isValidLabelValue } from './label-validation.js';
export const EVERYTHING = Object.freeze({ requirements: [] });
export const NOTHING = Object.freeze({ requirements: [], nothing: true });
const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
/** labels.NewRequirement: validates key, operator arity and values; returns the error text. */
export function newRequirement(key, operator, values) {
    const errs = [];
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length)
        errs.push(invalidValue('key', key, keyErrs.join('; ')));
    switch (operator) {
        case 'in':
        case 'notin':
            if (values.length === 0)
                errs.push(invalidValue('values', values, "for 'in', 'notin' operators, values set can't be empty"));
            break;
        case '=':
        case '==':
        case '!=':
            if (values.length !== 1)
                errs.push(invalidValue('values', values, 'exact-match compatibility requires one single value'));
            break;
        case 'exists':
        case '!':
            if (values.length !== 0)
                errs.push(invalidValue('values', values, 'values set must be empty for exists and does not exist'));
            break;
        case 'gt':
        case 'lt':
            if (values.length !== 1)
                errs.push(invalidValue('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
            values.forEach((v, i) => {
                if (parseInt64(v) === undefined)
                    errs.push(invalidValue(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
            });
            break;
        default:
            errs.push(`operator: Unsupported value: "${String(operator)}": supported values: ${BINARY_OPERATORS.concat('exists', '!').map((o) => `"${o}"`).join(', ')}`);
    }
    values.forEach((v, i) => {
        const valueErrs = isValidLabelValue(v);
        if (valueErrs.length)
            errs.push(invalidValue(`values[${i}][${key}]`, v, valueErrs.join('; ')));
    });
    if (errs.length)
        throw new SelectorParseError(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
    return { key, operator, values };
}
/** strconv.ParseInt(v, 10, 64), as the Gt/Lt operators use it. */
function parseInt64(v) {
    if (!/^[+-]?[0-9]+$/.test(v))
        return undefined;
    const n = BigInt(v);
    if (n > 9223372036854775807n || n < -9223372036854775808n)
        return undefined;
    return n;
}
/** labels.Parse. Throws SelectorParseError with upstream's message on bad input. */
export function parseLabelSelector(text) {
    const items = scan(text);
    let position = 0;
    // In a value position `in`/`notin` are plain identifiers ("x in (in)").
    const asValue = (t) => (t === 'In' || t === 'NotIn' ? 'Identifier' : t);
    const lookahead = (values) => {
        const it = items[position];
        return values ? { tok: asValue(it.tok), literal: it.literal } : it;
    };
    const consume = (values) => {
        const it = lookahead(values);
        position++;
        return it;
    };
    const fail = (msg) => {
        throw new SelectorParseError(msg);
    };
    const parseKeyAndInferOperator = () => {
        let operator;
        let { tok, literal } = consume(true);
        if (tok === 'DoesNotExist') {
            operator = '!';
            ({ tok, literal } = consume(true));
        }
        if (tok !== 'Identifier')
            fail(`found '${literal}', expected: identifier`);
        const keyErrs = isQualifiedName(literal);
        if (keyErrs.length)
            fail(invalidValue('<nil>', literal, keyErrs.join('; ')));
        const next = lookahead(true).tok;
        if ((next === 'EndOfString' || next === 'Comma') && operator !== '!')
            operator = 'exists';
        return { key: literal, operator };
    };
    const parseOperator = () => {
        const { tok, literal } = consume(false);
        const ops = {
            In: 'in',
            Equals: '=',
            DoubleEquals: '==',
            GreaterThan: 'gt',
            LessThan: 'lt',
            NotIn: 'notin',
            NotEquals: '!=',
        };
        const op = ops[tok];
        if (!op)
            return fail(`found '${literal}', expected: ${BINARY_OPERATORS.join(', ')}`);
        return op;
    };
    const parseIdentifiersList = () => {
        const s = new Set();
        for (;;) {
            const { tok, literal } = consume(true);
            if (tok === 'Identifier') {
                s.add(literal);
                const next = lookahead(true);
                if (next.tok === 'Comma')
                    continue;
                if (next.tok === 'ClosedPar')
                    return s;
                fail(`found '${next.literal}', expected: ',' or ')'`);
            }
            else if (tok === 'Comma') {
                // "(," ",," and ",)" each contribute the empty value.
                if (s.size === 0)
                    s.add('');
                const next = lookahead(true).tok;
                if (next === 'ClosedPar') {
                    s.add('');
                    return s;
                }
                if (next === 'Comma') {
                    consume(true);
                    s.add('');
                }
            }
            else {
                fail(`found '${literal}', expected: ',', or identifier`);
            }
        }
    };
    const parseValues = () => {
        const open = consume(true);
        if (open.tok !== 'OpenPar')
            fail(`found '${open.literal}' expected: '('`);
        const { tok, literal } = lookahead(true);
        if (tok === 'Identifier' || tok === 'Comma') {
            const s = parseIdentifiersList();
            if (consume(true).tok !== 'ClosedPar')
                fail(`found '${literal}', expected: ')'`);
            return s;
        }
        if (tok === 'ClosedPar') {
            consume(true);
            return new Set(['']);
        }
        return fail(`found '${literal}', expected: ',', ')' or identifier`);
    };
    const parseExactValue = () => {
        const next = lookahead(true).tok;
        if (next === 'EndOfString' || next === 'Comma')
            return new Set(['']);
        const { tok, literal } = consume(true);
        if (tok === 'Identifier')
            return new Set([literal]);
        return fail(`found '${literal}', expected: identifier`);
    };
    const parseRequirement = () => {
        const { key, operator: inferred } = parseKeyAndInferOperator();
        if (inferred === 'exists' || inferred === '!')
            return newRequirement(key, inferred, []);
        const operator = parseOperator();
        const values = operator === 'in' || operator === 'notin' ? parseValues() : parseExactValue();
        return newRequirement(key, operator, [...values].sort(compareStrings));
    };
    const requirements = [];
    for (;;) {
        const { tok, literal } = lookahead(true);
        if (tok === 'EndOfString')
            break;
        if (tok !== 'Identifier' && tok !== 'DoesNotExist')
            fail(`found '${literal}', expected: !, identifier, or 'end of string'`);
        try {
            requirements.push(parseRequirement());
        }
        catch (e) {
            if (e instanceof SelectorParseError)
                throw new SelectorParseError(`unable to parse requirement: ${e.message}`);
            throw e;
        }
        const after = consume(true);
        if (after.tok === 'EndOfString')
            break;
        if (after.tok !== 'Comma')
            fail(`found '${after.literal}', expected: ',' or 'end of string'`);
        const next = lookahead(true);
        if (next.tok !== 'Identifier' && next.tok !== 'DoesNotExist')
            fail(`found '${next.literal}', expected: identifier after ','`);
    }
    // sort.Sort(ByKey): deterministic order (not stable in Go; stable here).
    requirements.sort((a, b) => compareStrings(a.key, b.key));
    return { requirements };
}
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Requirement.Matches. */
export function requirementMatches(r, labels) {
    const has = labels !== undefined && Object.hasOwn(labels, r.key);
    const value = has ? labels[r.key] : '';
    switch (r.operator) {
        case 'in':
        case '=':
        case '==':
            return has && r.values.includes(value);
        case 'notin':
        case '!=':
            return !has || !r.values.includes(value);
        case 'exists':
            return has;
        case '!':
            return !has;
        case 'gt':
        case 'lt': {
            if (!has || r.values.length !== 1)
                return false;
            const lv = parseInt64(value);
            const rv = parseInt64(r.values[0]);
            if (lv === undefined || rv === undefined)
                return false;
            return r.operator === 'gt' ? lv > rv : lv < rv;
        }
    }
}
export function matchesLabels(sel, labels) {
    if (sel.nothing)
        return false;
    return sel.requirements.every((r) => requirementMatches(r, labels));
}
export function isEverything(sel) {
    return !sel.nothing && sel.requirements.length === 0;
}
/**
 * labels.SelectorFromSet: exact matches on every pair; an empty or absent map selects
 * everything. (The endpoints controller skips Services whose selector is empty; callers decide.)
 */
export function selectorFromSet(set) {
    const keys = Object.keys(set ?? {}).sort(compareStrings);
    return { requirements: keys.map((k) => ({ key: k, operator: '=', values: [set[k]] })) };
}
/** metav1.LabelSelectorAsSelector: null selects nothing, `{}` selects everything. */
export function fromLabelSelectorObject(obj) {
    if (obj === null || obj === undefined)
        return NOTHING;
    const requirements = [];
    for (const [k, v] of Object.entries(obj.matchLabels ?? {}))
        requirements.push(newRequirement(k, '=', [v]));
    const ops = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
    for (const expr of obj.matchExpressions ?? []) {
        const op = Object.hasOwn(ops, expr.operator) ? ops[expr.operator] : undefined;
        if (!op)
            throw new SelectorParseError(`"${expr.operator}" is not a valid label selector operator`);
        requirements.push(newRequirement(expr.key, op, [...(expr.values ?? [])]));
    }
    requirements.sort((a, b) => compareStrings(a.key, b.key));
    return { requirements };
}
/** Requirement.String / Selector.String: the canonical text form. */
export function formatLabelSelector(sel) {
    return sel.requirements.map(formatRequirement).join(',');
}
function formatRequirement(r) {
    const ops = {
        '=': '=',
        '==': '==',
        '!=': '!=',
        in: ' in ',
        notin: ' notin ',
        gt: '>',
        lt: '<',
        exists: '',
        '!': '',
    };
    const prefix = r.operator === '!' ? '!' : '';
    if (r.operator === 'exists' || r.operator === '!')
        return `${prefix}${r.key}`;
    const vals = [...r.values].sort(compareStrings).join(',');
    const body = r.operator === 'in' || r.operator === 'notin' ? `(${vals})` : vals;
    return `${r.key}${ops[r.operator]}${body}`;
}
//# sourceMappingURL=labels.js.map