// One write per follower per batch: a watch's lines, or a node stream's DELTAs, joined into one
// buffer. Followers that get the same lines (watches with the same selectors, streams of the same
// tables) get the same buffer, concatenated once for all of them: at 5,000 followers, a write per
// line each was most of what fanning a batch out cost.

export class SharedJoins {
  private readonly byKey = new Map<string, { lines: readonly Buffer[]; bytes: Buffer }>();

  /** `lines` as one buffer: the one made for the same key, when it holds these same lines. */
  join(key: string, lines: readonly Buffer[]): Buffer {
    if (lines.length === 1) return lines[0]!;
    const made = this.byKey.get(key);
    if (made && made.lines.length === lines.length && made.lines.every((l, i) => l === lines[i])) return made.bytes;
    const bytes = Buffer.concat(lines);
    this.byKey.set(key, { lines: [...lines], bytes });
    return bytes;
  }

  /** Forgets the buffers made (at the end of a batch). */
  clear(): void {
    this.byKey.clear();
  }
}
