// String-format checks of apimachinery/pkg/util/validation (validation.go), with their exact
// messages: each returns the list of problems, empty when the value is fine, as upstream does.
// Lengths are UTF-8 byte lengths, as Go's len(string).
const byteLength = (s) => Buffer.byteLength(s, 'utf8');
/** MaxLenError */
export const maxLenError = (n) => `must be no more than ${n} characters`;
/** RegexError: `msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')`, double space and all. */
export function regexError(msg, fmt, ...examples) {
    if (examples.length === 0)
        return `${msg} (regex used for validation is '${fmt}')`;
    let out = `${msg} (e.g. `;
    examples.forEach((e, i) => {
        if (i > 0)
            out += ' or ';
        out += `'${e}', `;
    });
    return `${out}regex used for validation is '${fmt}')`;
}
/** EmptyError */
export const emptyError = () => 'must be non-empty';
/** InclusiveRangeError */
export const inclusiveRangeError = (lo, hi) => `must be between ${lo} and ${hi}, inclusive`;
const anchored = (fmt) => new RegExp(`^(?:${fmt})$`);
const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123LabelErrMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_LABEL_MAX = 63;
const dns1123LabelRe = anchored(dns1123LabelFmt);
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123SubdomainErrMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MAX = 253;
const dns1123SubdomainRe = anchored(dns1123SubdomainFmt);
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1035LabelErrMsg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const dns1035LabelRe = anchored(dns1035LabelFmt);
/** IsDNS1123Label */
export function isDNS1123Label(value) {
    const errs = [];
    if (byteLength(value) > DNS1123_LABEL_MAX)
        errs.push(maxLenError(DNS1123_LABEL_MAX));
    if (!dns1123LabelRe.test(value)) {
        // A valid subdomain that is not a valid label can only be so because of its dots.
        if (dns1123SubdomainRe.test(value))
            errs.push('must not contain dots');
        else
            errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, 'my-name', '123-abc'));
    }
    return errs;
}
/** IsDNS1123Subdomain */
export function isDNS1123Subdomain(value) {
    const errs = [];
    if (byteLength(value) > DNS1123_SUBDOMAIN_MAX)
        errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
    if (!dns1123SubdomainRe.test(value))
        errs.push(regexError(dns1123SubdomainErrMsg, dns1123SubdomainFmt, 'example.com'));
    return errs;
}
/** IsDNS1035Label */
export function isDNS1035Label(value) {
    const errs = [];
    if (byteLength(value) > 63)
        errs.push(maxLenError(63));
    if (!dns1035LabelRe.test(value))
        errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, 'my-name', 'abc-123'));
    return errs;
}
const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const qualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const qualifiedNameRe = anchored(qualifiedNameFmt);
/** IsQualifiedName: `[prefix/]name`, the form of label keys and annotation keys. */
export function isQualifiedName(value) {
    const errs = [];
    const parts = value.split('/');
    let name;
    if (parts.length === 1) {
        name = parts[0];
    }
    else if (parts.length === 2) {
        const prefix = parts[0];
        name = parts[1];
        if (prefix.length === 0)
            errs.push(`prefix part ${emptyError()}`);
        else
            for (const m of isDNS1123Subdomain(prefix))
                errs.push(`prefix part ${m}`);
    }
    else {
        return [
            `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
        ];
    }
    if (name.length === 0)
        errs.push(`name part ${emptyError()}`);
    else if (byteLength(name) > 63)
        errs.push(`name part ${maxLenError(63)}`);
    if (!qualifiedNameRe.test(name))
        errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
    return errs;
}
const labelValueFmt = `(${qualifiedNameFmt})?`;
const labelValueErrMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelValueRe = anchored(labelValueFmt);
/** IsValidLabelValue */
export function isValidLabelValue(value) {
    const errs = [];
    if (byteLength(value) > 63)
        errs.push(maxLenError(63));
    if (!labelValueRe.test(value))
        errs.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'));
    return errs;
}
/** IsValidPortNum */
export function isValidPortNum(port) {
    return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}
/** IsValidPortName: an IANA_SVC_NAME (RFC 6335), lower case only. */
export function isValidPortName(port) {
    const errs = [];
    if (byteLength(port) > 15)
        errs.push(maxLenError(15));
    if (!/^[-a-z0-9]+$/.test(port))
        errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
    if (!/[a-z]/.test(port))
        errs.push('must contain at least one letter (a-z)');
    if (port.includes('--'))
        errs.push('must not contain consecutive hyphens');
    if (port.length > 0 && (port.startsWith('-') || port.endsWith('-')))
        errs.push('must not begin or end with a hyphen');
    return errs;
}
/** IsFullyQualifiedDomainName: at least two labels, an optional trailing dot. Returns [value, message] pairs. */
export function isFullyQualifiedDomainName(name) {
    if (name.length === 0)
        return 'required';
    if (name.endsWith('.'))
        name = name.slice(0, -1);
    const sub = isDNS1123Subdomain(name);
    if (sub.length)
        return { value: name, msg: sub.join(',') };
    const labels = name.split('.');
    if (labels.length < 2)
        return { value: name, msg: 'should be a domain with at least two segments separated by dots' };
    for (const label of labels) {
        const errs = isDNS1123Label(label);
        if (errs.length)
            return { value: label, msg: errs.join(',') };
    }
    return null;
}
/** maskTrailingDash: a generateName may end in '-', since random characters follow it. */
function maskTrailingDash(name) {
    // Upstream drops two characters before appending "a" (name[:len(name)-2] + "a").
    return name.endsWith('-') ? `${name.slice(0, Math.max(0, name.length - 2))}a` : name;
}
/** NameIsDNSSubdomain: Pods, Nodes, Endpoints, EndpointSlices. */
export const nameIsDNSSubdomain = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** NameIsDNSLabel: Namespaces (ValidateNamespaceName). */
export const nameIsDNSLabel = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
/** path.ValidatePathSegmentName: Events, whose names need only be usable in a URL path. */
export const nameIsPathSegment = (name, prefix) => {
    if (!prefix && (name === '.' || name === '..'))
        return [`may not be '${name}'`];
    return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
};
/** NameIsDNS1035Label: Services (ValidateServiceName). */
export const nameIsDNS1035Label = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);
//# sourceMappingURL=names.js.map