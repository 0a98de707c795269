// Following a list that writers LPUSH (newest first) and trim to a cap: lists have no ids, so new
// elements are those in front of the elements that were at the head last time.

/** How many head elements identify the previous position (guards against repeated identical values). */
export const SIGNATURE_LENGTH = 3;

export interface ListStep {
  /** New elements, oldest first. */
  fresh: string[];
  /** The previous head was not found: more elements arrived than were read, some may be missed. */
  gap: boolean;
  /** Signature for the next step. */
  signature: string[];
}

export function followList(signature: readonly string[], items: readonly string[]): ListStep {
  const next = items.slice(0, SIGNATURE_LENGTH);
  if (signature.length === 0) return { fresh: [...items].reverse(), gap: false, signature: next };
  for (let j = 0; j < items.length; j++) {
    const window = items.slice(j, j + signature.length);
    // The signature may be cut short by the end of the list read (it was trimmed): compare what is there.
    if (window.length > 0 && window.every((v, i) => v === signature[i])) {
      return { fresh: items.slice(0, j).reverse(), gap: false, signature: next };
    }
  }
  return { fresh: [...items].reverse(), gap: items.length > 0, signature: next };
}
