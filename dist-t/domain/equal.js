// Structural equality of JSON values, independent of object key order (patches and clients
// reorder keys freely; an update that only reorders is no change).
export function deepEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a)) {
        const bb = b;
        if (a.length !== bb.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!deepEqual(a[i], bb[i]))
                return false;
        return true;
    }
    const ao = a;
    const bo = b;
    // Counted, not listed: this runs on every update and Object.keys would allocate per object.
    let defined = 0;
    for (const k in ao) {
        if (ao[k] === undefined)
            continue;
        defined++;
        if (!deepEqual(ao[k], bo[k]))
            return false;
    }
    for (const k in bo)
        if (bo[k] !== undefined)
            defined--;
    return defined === 0;
}
//# sourceMappingURL=equal.js.map