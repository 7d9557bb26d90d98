// The lexer of apimachinery/pkg/labels/selector.go, token for token: keys and values are runs of
// anything but whitespace and the special symbols `= ! ( ) , > <`; `in`/`notin` are keywords
// except where a value is expected.
const STRING_TO_TOKEN = {
    ')': 'ClosedPar',
    ',': 'Comma',
    '!': 'DoesNotExist',
    '==': 'DoubleEquals',
    '=': 'Equals',
    '>': 'GreaterThan',
    in: 'In',
    '<': 'LessThan',
    '!=': 'NotEquals',
    notin: 'NotIn',
    '(': 'OpenPar',
};
const isWhitespace = (ch) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch) => '=!(),><'.includes(ch) && ch.length === 1;
export function scan(input) {
    let pos = 0;
    const read = () => (pos < input.length ? input[pos++] : '');
    const scanIdOrKeyword = () => {
        let buffer = '';
        for (;;) {
            const ch = read();
            if (ch === '')
                break;
            if (isSpecialSymbol(ch) || isWhitespace(ch)) {
                pos--;
                break;
            }
            buffer += ch;
        }
        const tok = Object.hasOwn(STRING_TO_TOKEN, buffer) ? STRING_TO_TOKEN[buffer] : 'Identifier';
        return { tok, literal: buffer };
    };
    // Longest run of special symbols that still spells a token: `!=` vs `!`, `==` vs `=`.
    const scanSpecialSymbol = () => {
        let last;
        let buffer = '';
        for (;;) {
            const ch = read();
            if (ch === '')
                break;
            if (!isSpecialSymbol(ch)) {
                pos--;
                break;
            }
            buffer += ch;
            if (Object.hasOwn(STRING_TO_TOKEN, buffer)) {
                last = { tok: STRING_TO_TOKEN[buffer], literal: buffer };
            }
            else if (last) {
                pos--;
                break;
            }
        }
        if (!last)
            return { tok: 'Error', literal: `error expected: keyword found '${buffer}'` };
        return last;
    };
    const items = [];
    for (;;) {
        let ch = read();
        while (ch !== '' && isWhitespace(ch))
            ch = read();
        let item;
        if (ch === '') {
            item = { tok: 'EndOfString', literal: '' };
        }
        else {
            pos--;
            item = isSpecialSymbol(ch) ? scanSpecialSymbol() : scanIdOrKeyword();
        }
        items.push(item);
        if (item.tok === 'EndOfString')
            return items;
    }
}
//# sourceMappingURL=label-lexer.js.map