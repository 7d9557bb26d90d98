// Content negotiation for reads, as kube-apiserver's NegotiateOutputMediaType does it
// (handlers/negotiation/negotiate.go, RequestScope.AllowsMediaTypeTransform): the Accept clauses
// ordered as goautoneg.ParseAccept orders them, each matched against the media types served
// here, JSON then YAML (protobuf is not: a clause that names only it matches nothing), and the
// first clause whose parameters the endpoint allows wins. `as`/`g`/`v` ask for a conversion:
// a meta.k8s.io v1 or v1beta1 Table (JSON or YAML) or PartialObjectMetadata[List]; any other
// conversion, or a version of these that does not exist, skips the clause. Nothing acceptable is
// a 406 naming what is served.

import { errors } from '../domain/errors.js';
import type { TableApiVersion } from './printers/types.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** `as=PartialObjectMetadata[List];g=meta.k8s.io;v=v1|v1beta1`. */
export interface PartialMetadata {
  list: boolean;
  /** meta.k8s.io/v1 or meta.k8s.io/v1beta1, as asked. */
  apiVersion: string;
}

/** `as=Table;g=meta.k8s.io;v=v1|v1beta1`: the Table is answered in the version asked for. */
export interface TableTarget {
  apiVersion: TableApiVersion;
}

export interface Negotiated {
  table?: TableTarget;
  partial?: PartialMetadata;
  /** The serializer chosen: api/pretty.ts writes YAML for `yaml`. */
  media: 'json' | 'yaml';
}

interface Clause {
  type: string;
  subType: string;
  q: number;
  params: Map<string, string>;
}

/** What is served, in the order kube-apiserver's serializers are listed. */
const SERVED = [
  { type: 'application', subType: 'json', media: 'json' },
  { type: 'application', subType: 'yaml', media: 'yaml' },
] as const;

/** MediaTypesForSerializer's lists, for the 406: plain, and the watch's stream framings. */
const ACCEPTED = 'application/json, application/yaml';
const ACCEPTED_STREAM = 'application/json;stream=watch';

const META_VERSIONS = new Set(['v1', 'v1beta1']);

/** strconv.ParseFloat of a q value: what it cannot read leaves 0. */
function parseQ(text: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : 0;
}

/** goautoneg.ParseAccept (munnerz/goautoneg, vendored by kube-apiserver v1.32): spaces trimmed,
 * a range with more than one "/" or a parameter with more than one "=" skipped. */
function parseAccept(header: string): Clause[] {
  const trim = (t: string) => t.replace(/^ +| +$/g, '');
  const clauses: Clause[] = [];
  for (const raw of header.split(',')) {
    const parts = trim(raw).split(';');
    const range = parts[0]!.split('/');
    const type = trim(range[0]!);
    let subType: string;
    if (range.length === 1 && type === '*') subType = '*';
    else if (range.length === 2) subType = trim(range[1]!);
    else continue;
    const clause: Clause = { type, subType, q: 1, params: new Map() };
    for (const param of parts.slice(1)) {
      const kv = param.split('=');
      if (kv.length !== 2) continue;
      const token = trim(kv[0]!);
      if (token === 'q') clause.q = parseQ(kv[1]!);
      else clause.params.set(token, trim(kv[1]!));
    }
    clauses.push(clause);
  }
  // sort.Sort with goautoneg's Less (higher q first, then concrete types before wildcards): for
  // the short lists clients send Go sorts by insertion, which this is.
  const less = (a: Clause, b: Clause) => a.q > b.q || (a.type !== '*' && b.type === '*') || (a.subType !== '*' && b.subType === '*');
  for (let i = 1; i < clauses.length; i++) {
    for (let j = i; j > 0 && less(clauses[j]!, clauses[j - 1]!); j--) [clauses[j - 1], clauses[j]] = [clauses[j]!, clauses[j - 1]!];
  }
  return clauses;
}

/** acceptMediaTypeOptions with the resource endpoints' restrictions; undefined skips the clause. */
function accept(params: Map<string, string>, media: 'json' | 'yaml', stream: boolean): Negotiated | undefined {
  const s = params.get('stream');
  // Only JSON has a stream serializer here, and `watch` is the only stream schema.
  if (s !== undefined && s !== '' && (media !== 'json' || s !== 'watch')) return undefined;
  if (stream && media !== 'json') return undefined; // NegotiateOutputMediaTypeStream
  if (!params.has('as') && !params.has('g') && !params.has('v')) return { media };
  const as = params.get('as') ?? '';
  const v = params.get('v') ?? '';
  if (params.get('g') !== 'meta.k8s.io' || !META_VERSIONS.has(v)) return undefined;
  const apiVersion = `meta.k8s.io/${v}` as TableApiVersion;
  if (as === 'Table') return { media, table: { apiVersion } };
  if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return { media, partial: { list: as === 'PartialObjectMetadataList', apiVersion } };
  return undefined;
}

/**
 * The representation an Accept header asks for. `stream` for a watch, whose events only JSON
 * frames here. No header, or an empty one, is JSON.
 */
export function negotiate(header: string | undefined, stream = false): Negotiated {
  if (!header) return { media: 'json' };
  for (const clause of parseAccept(header)) {
    for (const served of SERVED) {
      const matches = (clause.type === served.type && (clause.subType === served.subType || clause.subType === '*')) || (clause.type === '*' && clause.subType === '*');
      if (!matches) continue;
      const chosen = accept(clause.params, served.media, stream);
      if (chosen) return chosen;
    }
  }
  throw errors.notAcceptable(`only the following media types are accepted: ${stream ? ACCEPTED_STREAM : ACCEPTED}`);
}

export function includeObjectParam(v: unknown): IncludeObject {
  if (v === undefined || v === '') return 'Metadata';
  if (v === 'None' || v === 'Metadata' || v === 'Object') return v;
  throw errors.badRequest(`unrecognized includeObject value: "${String(v)}"`);
}
