// Whether two values have the same JSON text, without encoding them: the engine compares every
// recomputed claim with the one it replaces, and nearly all are unchanged, so encoding each only
// to compare it was most of a recompute's garbage (~28 of 259 KB per endpoint change on bench
// scale's quick envelope). Sound, not complete: true only when JSON.stringify would give the
// same text (keys in the same order, as the text has them); on anything unusual (an undefined
// member, a non-finite number) it answers false and the caller compares the texts.
export function sameJsonText(a, b) {
    if (a === b)
        return typeof a !== 'number' || Number.isFinite(a);
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!sameJsonText(a[i], b[i]))
                return false;
        return true;
    }
    if (Array.isArray(b))
        return false;
    const ak = Object.keys(a);
    const bk = Object.keys(b);
    if (ak.length !== bk.length)
        return false;
    for (let i = 0; i < ak.length; i++) {
        const k = ak[i];
        if (k !== bk[i])
            return false;
        const av = a[k];
        if (av === undefined || !sameJsonText(av, b[k]))
            return false;
    }
    return true;
}
//# sourceMappingURL=same-json.js.map