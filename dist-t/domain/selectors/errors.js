// A label or field selector the server cannot parse or does not support. The API answers it
// with 400 BadRequest carrying `message`, as kube-apiserver does for `labelSelector=`/`fieldSelector=`.
export class SelectorParseError extends Error {
    name = 'SelectorParseError';
    constructor(message) {
        super(message);
    }
}
//# sourceMappingURL=errors.js.map