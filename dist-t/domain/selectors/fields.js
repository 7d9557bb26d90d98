// Field selectors as apimachinery/pkg/fields parses them (`a=b,c!=d`, backslash escapes in
// values), checked against the fields each kind supports, and matched against objects.
import { SelectorParseError } from './errors.js';
import { kindFields, podIPs } from './field-sets.js';
// Longest first, so `a!=b` is not read as `a!` `=` `b`.
const TERM_OPERATORS = ['!=', '==', '='];
/** fields.splitTerms: split on commas not escaped by a backslash. */
function splitTerms(text) {
    if (text.length === 0)
        return [];
    const terms = [];
    let start = 0;
    let inSlash = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inSlash)
            inSlash = false;
        else if (c === '\\')
            inSlash = true;
        else if (c === ',') {
            terms.push(text.slice(start, i));
            start = i + 1;
        }
    }
    terms.push(text.slice(start));
    return terms;
}
function splitTerm(term) {
    for (let i = 0; i < term.length; i++) {
        for (const op of TERM_OPERATORS) {
            if (term.startsWith(op, i))
                return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
        }
    }
    return undefined;
}
/** fields.UnescapeValue: `\\`, `\,` and `\=` are the only escapes; bare `,`/`=` are errors. */
function unescapeValue(s) {
    if (!/[\\,=]/.test(s))
        return s;
    let out = '';
    let inSlash = false;
    for (const c of s) {
        if (inSlash) {
            if (c !== '\\' && c !== ',' && c !== '=')
                throw new SelectorParseError(`invalid field selector: invalid escape sequence: \\${c}`);
            out += c;
            inSlash = false;
        }
        else if (c === '\\')
            inSlash = true;
        else if (c === ',' || c === '=')
            throw new SelectorParseError(`invalid field selector: unescaped character in value: ${c}`);
        else
            out += c;
    }
    if (inSlash)
        throw new SelectorParseError('invalid field selector: invalid escape sequence: \\');
    return out;
}
/** fields.ParseSelector (syntax only; fieldSelectorFor checks the fields). */
export function parseFieldSelector(text) {
    const parts = splitTerms(text).sort();
    const requirements = [];
    for (const part of parts) {
        if (part === '')
            continue;
        const t = splitTerm(part);
        if (!t)
            throw new SelectorParseError(`invalid selector: '${text}'; can't understand '${part}'`);
        requirements.push({ field: t.lhs, operator: t.op, value: unescapeValue(t.rhs) });
    }
    return { requirements };
}
/**
 * Parse `text` and check every field against what `kind` supports, as kube-apiserver's
 * field-label conversion does; legacy aliases (`spec.host`) are rewritten.
 */
export function fieldSelectorFor(kind, text) {
    const sel = parseFieldSelector(text);
    const fields = kindFields(kind);
    return {
        requirements: sel.requirements.map((r) => {
            const field = fields.aliases?.[r.field] ?? r.field;
            if (!fields.supported.includes(field))
                throw new SelectorParseError(fields.unknown(r.field));
            return { ...r, field };
        }),
    };
}
export function matchesFields(sel, kind, object) {
    if (sel.requirements.length === 0)
        return true;
    const set = kindFields(kind).values(object);
    return sel.requirements.every((r) => {
        // status.podIPs holds a list: a term matches when any (=) or no (!=) address equals it.
        const has = r.field === 'status.podIPs' && kind === 'Pod' ? podIPs(object).includes(r.value) : (set[r.field] ?? '') === r.value;
        return r.operator === '!=' ? !has : has;
    });
}
/** The exact value a selector requires for `field`, if any (RequiresExactMatch): index hints. */
export function requiredFieldValue(sel, field) {
    const r = sel.requirements.find((x) => x.field === field && x.operator !== '!=');
    return r?.value;
}
export function formatFieldSelector(sel) {
    const esc = (v) => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
    return sel.requirements.map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${esc(r.value)}`).join(',');
}
//# sourceMappingURL=fields.js.map