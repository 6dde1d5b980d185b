import "server-only";

/**
 * This process's copies of revision texts, by revision id, for create's span check (issue #15:
 * reading a 20,000-word revision's text was a round trip and about 1 ms of detoasting per create).
 * Revisions are immutable (never updated; deleted only with their article), so a copy is never
 * stale, and each instance keeps its own: nothing here is state another instance would need.
 * Bounded by characters, least recently used out. Holding a text grants nothing: create's write
 * still checks the actor, the article and that the revision is its current one.
 */
const MAX_CHARS = 8_000_000;
const texts = new Map<string, string>();
let chars = 0;

export function cachedRevisionText(revisionId: string): string | undefined {
  const text = texts.get(revisionId);
  if (text === undefined) return undefined;
  // Map keeps insertion order: re-inserting marks it most recently used.
  texts.delete(revisionId);
  texts.set(revisionId, text);
  return text;
}

export function keepRevisionText(revisionId: string, text: string) {
  if (text.length > MAX_CHARS / 4 || texts.has(revisionId)) return;
  texts.set(revisionId, text);
  chars += text.length;
  for (const [id, old] of texts) {
    if (chars <= MAX_CHARS) break;
    texts.delete(id);
    chars -= old.length;
  }
}
