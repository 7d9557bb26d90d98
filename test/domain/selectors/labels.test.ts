import { describe, expect, it } from 'vitest';
import {
  NOTHING,
  SelectorParseError,
  formatLabelSelector,
  fromLabelSelectorObject,
  matchesLabels,
  parseLabelSelector,
  selectorFromSet,
} from '../../../domain/selectors/index.js';

describe('parseLabelSelector', () => {
  it('parses the kubectl wire form `app in (web),tier!=db`', () => {
    // labelSelector=app+in+%28web%29%2Ctier%21%3Ddb decodes to this text.
    const text = decodeURIComponent('app+in+%28web%29%2Ctier%21%3Ddb'.replace(/\+/g, ' '));
    expect(text).toBe('app in (web),tier!=db');
    expect(parseLabelSelector(text)).toEqual({
      requirements: [
        { key: 'app', operator: 'in', values: ['web'] },
        { key: 'tier', operator: '!=', values: ['db'] },
      ],
    });
  });

  it.each([
    ['', []],
    ['x', [{ key: 'x', operator: 'exists', values: [] }]],
    ['!x', [{ key: 'x', operator: '!', values: [] }]],
    ['x=a', [{ key: 'x', operator: '=', values: ['a'] }]],
    ['x==a', [{ key: 'x', operator: '==', values: ['a'] }]],
    ['x=', [{ key: 'x', operator: '=', values: [''] }]],
    ['x>1', [{ key: 'x', operator: 'gt', values: ['1'] }]],
    ['x<5', [{ key: 'x', operator: 'lt', values: ['5'] }]],
    ['x notin (b,a)', [{ key: 'x', operator: 'notin', values: ['a', 'b'] }]],
    ['x in (foo,,baz),y,z notin ()', [
      { key: 'x', operator: 'in', values: ['', 'baz', 'foo'] },
      { key: 'y', operator: 'exists', values: [] },
      { key: 'z', operator: 'notin', values: [''] },
    ]],
    ['  b = 2 , a ', [
      { key: 'a', operator: 'exists', values: [] },
      { key: 'b', operator: '=', values: ['2'] },
    ]],
    // `in` is a value where a value is expected.
    ['x in (in,notin)', [{ key: 'x', operator: 'in', values: ['in', 'notin'] }]],
    ['example.com/role=db', [{ key: 'example.com/role', operator: '=', values: ['db'] }]],
  ])('parses %j', (text, requirements) => {
    expect(parseLabelSelector(text).requirements).toEqual(requirements);
  });

  it.each([
    ['x=a,', "found '', expected: identifier after ','"],
    ['x=a b', "found 'b', expected: ',' or 'end of string'"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x (a)', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['x>a', "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
    [
      'x=a b c'.replace(/ /g, '%'),
      'unable to parse requirement: values[0][x]: Invalid value: "a%b%c": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')',
    ],
    [
      '-bad=x',
      'unable to parse requirement: <nil>: Invalid value: "-bad": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')',
    ],
  ])('rejects %j', (text, message) => {
    let err: unknown;
    try {
      parseLabelSelector(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SelectorParseError);
    expect((err as Error).message).toBe(message);
  });
});

describe('matchesLabels', () => {
  const web = { app: 'web', tier: 'frontend', gen: '3' };
  const db = { app: 'db', tier: 'db' };
  it.each([
    ['app in (web),tier!=db', web, true],
    ['app in (web),tier!=db', db, false],
    ['app in (web),tier!=db', {}, false],
    ['tier!=db', {}, true], // != matches objects without the key
    ['tier notin (db)', { app: 'x' }, true],
    ['tier notin (db)', db, false],
    ['app', db, true],
    ['!app', db, false],
    ['!missing', db, true],
    ['gen>2', web, true],
    ['gen>3', web, false],
    ['gen<4', web, true],
    ['gen<4', db, false], // absent key never satisfies gt/lt
    ['app>1', web, false], // non-integer label value
    ['', {}, true],
  ])('%j on %j -> %s', (text, labels, expected) => {
    expect(matchesLabels(parseLabelSelector(text), labels)).toBe(expected);
  });
  it('treats undefined labels as empty', () => {
    expect(matchesLabels(parseLabelSelector('!a'), undefined)).toBe(true);
    expect(matchesLabels(parseLabelSelector('a'), undefined)).toBe(false);
  });
});

describe('structured selectors', () => {
  it('selectorFromSet matches exactly the set, empty selects everything', () => {
    const sel = selectorFromSet({ tier: 'frontend', app: 'web' });
    expect(formatLabelSelector(sel)).toBe('app=web,tier=frontend');
    expect(matchesLabels(sel, { app: 'web', tier: 'frontend', x: 'y' })).toBe(true);
    expect(matchesLabels(sel, { app: 'web' })).toBe(false);
    expect(matchesLabels(selectorFromSet({}), { a: 'b' })).toBe(true);
    expect(matchesLabels(selectorFromSet(undefined), {})).toBe(true);
  });

  it('fromLabelSelectorObject: null selects nothing, {} everything', () => {
    expect(fromLabelSelectorObject(null)).toBe(NOTHING);
    expect(matchesLabels(fromLabelSelectorObject(null), {})).toBe(false);
    expect(matchesLabels(fromLabelSelectorObject({}), { a: 'b' })).toBe(true);
  });

  it('fromLabelSelectorObject combines matchLabels and matchExpressions', () => {
    const sel = fromLabelSelectorObject({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'NotIn', values: ['db'] },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    });
    expect(formatLabelSelector(sel)).toBe('app=web,!canary,tier notin (db)');
    expect(sel.requirements.map((r) => r.key)).toEqual(['app', 'canary', 'tier']);
    expect(matchesLabels(sel, { app: 'web', tier: 'frontend' })).toBe(true);
    expect(matchesLabels(sel, { app: 'web', canary: 'true' })).toBe(false);
    expect(matchesLabels(sel, { app: 'web', tier: 'db' })).toBe(false);
  });

  it('fromLabelSelectorObject rejects unknown operators and empty In', () => {
    expect(() => fromLabelSelectorObject({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] })).toThrow(
      '"Gt" is not a valid label selector operator',
    );
    expect(() => fromLabelSelectorObject({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toThrow(
      "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty",
    );
  });

  it('formats requirements canonically', () => {
    expect(formatLabelSelector(parseLabelSelector('z notin (b,a),!y,x>3,w==1'))).toBe('w==1,x>3,!y,z notin (a,b)');
  });
});

describe('label values are validated as upstream does', () => {
  it('rejects a negative Gt/Lt value because "-5" is not a label value', () => {
    expect(() => parseLabelSelector('x<-5')).toThrow(/values\[0\]\[x\]: Invalid value: "-5"/);
  });
});
