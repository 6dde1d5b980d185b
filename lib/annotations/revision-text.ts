import "server-only";

/**
 * This process's copies of revision texts, by revision id, for create's span check (issue #15:
 * reading a 20,000-word revision's text was a round trip and about 1 ms of detoasting per create).
 * Revisions are immutable (never updated; deleted only with their article), so a copy is never
 * stale, and each instance keeps its own: nothing here is state another instance would need.
 * Bounded by characters, least recently used out. A copy answers only the people it was read for
 * (in their own workspace's article): a hit skips a read, so to anyone else it would tell by its
 * speed whether a guessed span matches a text they may not see. Create's write still checks the
 * actor, the article and that the revision is its current one.
 */
const MAX_CHARS = 8_000_000;
const copies = new Map<string, { text: string; readers: Set<string> }>();
let chars = 0;

export function cachedRevisionText(revisionId: string, userId: string): string | undefined {
  const copy = copies.get(revisionId);
  if (!copy?.readers.has(userId)) return undefined;
  // Map keeps insertion order: re-inserting marks it most recently used.
  copies.delete(revisionId);
  copies.set(revisionId, copy);
  return copy.text;
}

/** Keeps `text`, read for `userId` from their own workspace's article. */
export function keepRevisionText(revisionId: string, userId: string, text: string) {
  const kept = copies.get(revisionId);
  if (kept) return void kept.readers.add(userId);
  if (text.length > MAX_CHARS / 4) return;
  copies.set(revisionId, { text, readers: new Set([userId]) });
  chars += text.length;
  for (const [id, old] of copies) {
    if (chars <= MAX_CHARS) break;
    copies.delete(id);
    chars -= old.text.length;
  }
}
