/**
 * The members a note mentions: `@` followed by a member's full name (as the autocomplete
 * inserts it), not followed by a letter or digit, matched case-insensitively. Longer names win,
 * so "@Rob Reviewer" is not also "@Rob". Pure.
 */
export function findMentions<M extends { id: string; name: string }>(body: string, members: M[]): M[] {
  const text = body.toLowerCase();
  const found: M[] = [];
  const taken: [number, number][] = [];
  for (const member of [...members].sort((a, b) => b.name.length - a.name.length)) {
    const needle = `@${member.name.toLowerCase()}`;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (/[\p{L}\p{N}]/u.test(text[end] ?? "")) continue;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      if (!found.includes(member)) found.push(member);
    }
  }
  return found;
}
