// A tiny protobuf writer for tests: enough to build Kubernetes messages field by field, the way
// gogo-protobuf lays them out (non-pointer scalars written even when zero).

export type Part = Uint8Array;

export function varintBytes(v: bigint | number): Uint8Array {
  let n = BigInt.asUintN(64, BigInt(v));
  const out: number[] = [];
  do {
    let b = Number(n & 0x7fn);
    n >>= 7n;
    if (n !== 0n) b |= 0x80;
    out.push(b);
  } while (n !== 0n);
  return Uint8Array.from(out);
}

const key = (no: number, wireType: number) => varintBytes((no << 3) | wireType);

export function cat(...parts: Part[]): Uint8Array {
  return Buffer.concat(parts);
}

/** A varint field (int32, int64, bool). */
export function int(no: number, v: bigint | number | boolean): Part {
  return cat(key(no, 0), varintBytes(typeof v === 'boolean' ? (v ? 1 : 0) : v));
}

/** A length-delimited field: bytes, or a nested message given as its parts. */
export function bytes(no: number, b: Uint8Array): Part {
  return cat(key(no, 2), varintBytes(b.length), b);
}

export function str(no: number, s: string): Part {
  return bytes(no, Buffer.from(s, 'utf8'));
}

export function msg(no: number, ...parts: Part[]): Part {
  return bytes(no, cat(...parts));
}

/** map<string, string> entries. */
export function map(no: number, entries: Record<string, string>): Part {
  return cat(...Object.entries(entries).map(([k, v]) => msg(no, str(1, k), str(2, v))));
}

/** The `k8s\0` + runtime.Unknown envelope kubectl sends. */
export function envelope(apiVersion: string, kind: string, raw: Uint8Array, contentEncoding = ''): Uint8Array {
  return cat(Uint8Array.of(0x6b, 0x38, 0x73, 0x00), msg(1, str(1, apiVersion), str(2, kind)), bytes(2, raw), str(3, contentEncoding), str(4, ''));
}

/** An ObjectMeta as gogo writes it for a fresh object: every string present, creationTimestamp {}. */
export function objectMeta(name: string, namespace = '', extra: Part[] = []): Part {
  return msg(1, str(1, name), str(2, ''), str(3, namespace), str(4, ''), str(5, ''), str(6, ''), int(7, 0), msg(8), ...extra);
}

export const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
