/**
 * Article ids become file names, so two articles with one id would overwrite each other. The second
 * gets `<id>-2` (then -3 …), in input order, so reruns name them the same. Ids are compared without
 * case because macOS and Windows file systems do.
 */
const SAFE_ID = /^[A-Za-z0-9._-]+$/u;

export class UnsafeIdError extends Error {}

export interface AssignedId {
  id: string;
  /** the source of the earlier article that already had the requested id */
  duplicateOf?: string;
}

/** Names the output uses itself: review/index.html would be overwritten by an article with id "index". */
const RESERVED = ['index'];

export class IdRegistry {
  /** lower-cased id → the id as assigned and the source it was assigned to (the reserved names first, then input order) */
  private readonly taken = new Map<string, { id: string; source: string }>(RESERVED.map((r) => [r, { id: r, source: '(reserved by the review index)' }]));

  assign(requested: string, source: string): AssignedId {
    // sanitizeId already keeps ids to [A-Za-z0-9._-]; '.' and '..' would still name directories.
    if (!SAFE_ID.test(requested) || requested === '.' || requested === '..') {
      throw new UnsafeIdError(`article id ${JSON.stringify(requested)} cannot be a file name`);
    }
    const first = RESERVED.includes(requested.toLowerCase()) ? undefined : this.taken.get(requested.toLowerCase())?.source;
    let id = requested;
    for (let n = 2; this.taken.has(id.toLowerCase()); n++) id = `${requested}-${n}`;
    this.taken.set(id.toLowerCase(), { id, source });
    return first === undefined ? { id } : { id, duplicateOf: first };
  }

  /** Whether this exact id was assigned (the reserved names were not). */
  assigned(id: string): boolean {
    return this.taken.get(id.toLowerCase())?.id === id && !RESERVED.includes(id);
  }

  /** The ids assigned, in input order. */
  *ids(): Iterable<string> {
    let k = 0;
    for (const { id } of this.taken.values()) if (k++ >= RESERVED.length) yield id;
  }
}
