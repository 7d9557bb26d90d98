// A line diff and its unified rendering (`diff -u`), small enough to own: jsdiff is not a
// dependency. Lines are interned to integers; the common head and tail are trimmed; what remains
// is split at lines that occur once on each side (patience anchors, in increasing order on both
// sides), and the gaps between anchors get Myers' O(ND) diff, bounded so a gap that differs
// everywhere degrades to "remove all, add all" instead of quadratic time.
const MAX_MYERS_D = 1000;
/** The edit script turning a into b, in order. */
export function diffLines(a, b) {
    const ids = new Map();
    const intern = (s) => {
        let id = ids.get(s);
        if (id === undefined)
            ids.set(s, (id = ids.size));
        return id;
    };
    const A = Int32Array.from(a, intern);
    const B = Int32Array.from(b, intern);
    const out = [];
    diffRange(A, 0, A.length, B, 0, B.length, out, true);
    return out;
}
function diffRange(A, a0, a1, B, b0, b1, out, anchor) {
    let head = 0;
    while (a0 + head < a1 && b0 + head < b1 && A[a0 + head] === B[b0 + head])
        head++;
    let tail = 0;
    while (a1 - tail > a0 + head && b1 - tail > b0 + head && A[a1 - 1 - tail] === B[b1 - 1 - tail])
        tail++;
    for (let i = 0; i < head; i++)
        out.push({ op: 0, a: a0 + i, b: b0 + i });
    const ma0 = a0 + head, ma1 = a1 - tail, mb0 = b0 + head, mb1 = b1 - tail;
    if (ma0 === ma1 || mb0 === mb1) {
        for (let i = ma0; i < ma1; i++)
            out.push({ op: 1, a: i, b: mb0 });
        for (let j = mb0; j < mb1; j++)
            out.push({ op: 2, a: ma1, b: j });
    }
    else {
        const anchors = anchor ? patienceAnchors(A, ma0, ma1, B, mb0, mb1) : [];
        if (anchors.length) {
            let pa = ma0, pb = mb0;
            for (const [ia, ib] of anchors) {
                diffRange(A, pa, ia, B, pb, ib, out, true);
                out.push({ op: 0, a: ia, b: ib });
                pa = ia + 1;
                pb = ib + 1;
            }
            diffRange(A, pa, ma1, B, pb, mb1, out, true);
        }
        else {
            myers(A, ma0, ma1, B, mb0, mb1, out);
        }
    }
    for (let i = tail; i > 0; i--)
        out.push({ op: 0, a: a1 - i, b: b1 - i });
}
/** Lines unique on both sides, kept in an order increasing on both (longest increasing run). */
function patienceAnchors(A, a0, a1, B, b0, b1) {
    const count = new Map(); // id -> position in a, or -1 when repeated
    for (let i = a0; i < a1; i++)
        count.set(A[i], count.has(A[i]) ? -1 : i);
    const inB = new Map();
    for (let j = b0; j < b1; j++) {
        const id = B[j];
        if ((count.get(id) ?? -1) < 0)
            continue;
        inB.set(id, inB.has(id) ? -1 : j);
    }
    const pairs = [];
    for (const [id, j] of inB)
        if (j >= 0)
            pairs.push([count.get(id), j]);
    if (!pairs.length)
        return [];
    pairs.sort((x, y) => x[1] - y[1]);
    // Longest increasing subsequence of a-positions (patience sorting).
    const tails = [];
    const prev = new Int32Array(pairs.length).fill(-1);
    for (let k = 0; k < pairs.length; k++) {
        let lo = 0, hi = tails.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (pairs[tails[mid]][0] < pairs[k][0])
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0)
            prev[k] = tails[lo - 1];
        tails[lo] = k;
    }
    const run = [];
    for (let k = tails[tails.length - 1]; k >= 0; k = prev[k])
        run.push(pairs[k]);
    return run.reverse();
}
/** Myers' greedy diff of A[a0,a1) against B[b0,b1); both non-empty, ends already differ. */
function myers(A, a0, a1, B, b0, b1, out) {
    const n = a1 - a0, m = b1 - b0;
    const max = Math.min(n + m, MAX_MYERS_D);
    const offset = max + 1;
    const v = new Int32Array(2 * max + 3);
    const trace = [];
    let found = -1;
    for (let d = 0; d <= max && found < 0; d++) {
        trace.push(v.slice());
        for (let k = -d; k <= d; k += 2) {
            let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
            let y = x - k;
            while (x < n && y < m && A[a0 + x] === B[b0 + y]) {
                x++;
                y++;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0) {
        // Too different to be worth aligning: replace the whole range.
        for (let i = a0; i < a1; i++)
            out.push({ op: 1, a: i, b: b0 });
        for (let j = b0; j < b1; j++)
            out.push({ op: 2, a: a1, b: j });
        return;
    }
    // Walk the trace back from (n, m) to (0, 0).
    const rev = [];
    let x = n, y = m;
    for (let d = found; d > 0; d--) {
        const vd = trace[d];
        const k = x - y;
        const down = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]);
        const pk = down ? k + 1 : k - 1;
        const px = vd[offset + pk];
        const py = px - pk;
        while (x > (down ? px : px + 1) && y > (down ? py + 1 : py)) {
            x--;
            y--;
            rev.push({ op: 0, a: a0 + x, b: b0 + y });
        }
        if (down) {
            y--;
            rev.push({ op: 2, a: a0 + x, b: b0 + y });
        }
        else {
            x--;
            rev.push({ op: 1, a: a0 + x, b: b0 + y });
        }
    }
    while (x > 0 && y > 0) {
        x--;
        y--;
        rev.push({ op: 0, a: a0 + x, b: b0 + y });
    }
    for (let i = rev.length - 1; i >= 0; i--)
        out.push(rev[i]);
}
/** `diff -u` text: ---/+++ headers, @@ hunks with `context` lines around each change. Empty when equal. */
export function unifiedDiff(a, b, labels, context = 3) {
    const edits = diffLines(a, b);
    const changed = edits.map((e, i) => (e.op !== 0 ? i : -1)).filter((i) => i >= 0);
    if (!changed.length)
        return '';
    const lines = [`--- ${labels.from}`, `+++ ${labels.to}`];
    let i = 0;
    while (i < changed.length) {
        const start = Math.max(0, changed[i] - context);
        let end = Math.min(edits.length - 1, changed[i] + context);
        while (i + 1 < changed.length && changed[i + 1] - context <= end + 1) {
            i++;
            end = Math.min(edits.length - 1, changed[i] + context);
        }
        i++;
        const hunk = edits.slice(start, end + 1);
        const first = hunk[0];
        const aCount = hunk.filter((e) => e.op !== 2).length;
        const bCount = hunk.filter((e) => e.op !== 1).length;
        // diff -u numbers lines from 1; an empty side is shown as the line before it, count 0.
        const aStart = aCount ? first.a + 1 : first.a;
        const bStart = bCount ? first.b + 1 : first.b;
        lines.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`);
        for (const e of hunk)
            lines.push(e.op === 0 ? ` ${a[e.a]}` : e.op === 1 ? `-${a[e.a]}` : `+${b[e.b]}`);
    }
    return lines.join('\n') + '\n';
}
function range(start, count) {
    return count === 1 ? String(start) : `${start},${count}`;
}
/** Lines of a text, without the empty string after a final newline. */
export function splitLines(text) {
    if (text === '')
        return [];
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}
//# sourceMappingURL=line-diff.js.map