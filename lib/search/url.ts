// Addresses of the /search page: its whole state is in the URL, so a search can be shared, and
// Back returns to it. Pure, for the page and its components alike.

/** The page's parameters as the URL gives them (Next's searchParams). */
export type SearchParams = Record<string, string | string[] | undefined>;

/** Filters a user can add or remove on the page, in the order the page lists them. */
export const FILTER_PARAMS = ["type", "verdict", "status", "reviewer", "claimant", "outlet", "from", "to"] as const;

/** The parameters that change what is found (not the page: a new filter starts again at the first page). */
function base(params: SearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ["q", ...FILTER_PARAMS]) {
    const value = params[key];
    for (const v of Array.isArray(value) ? value : value ? [value] : []) if (v !== "") out.append(key, v);
  }
  return out;
}

/** What the page asks lib/search for: the query, the filters and the page's cursor. */
export function searchQueryParams(params: SearchParams): URLSearchParams {
  const out = base(params);
  if (typeof params.cursor === "string" && params.cursor) out.set("cursor", params.cursor);
  return out;
}

/** /search with `changes` applied: a value sets the parameter, null removes it; the cursor is dropped unless given. */
export function searchHref(params: SearchParams, changes: Record<string, string | null> = {}): string {
  const out = base(params);
  for (const [key, value] of Object.entries(changes)) {
    out.delete(key);
    if (value !== null) out.set(key, value);
  }
  const query = out.toString();
  return query ? `/search?${query}` : "/search";
}

/** The active filters, each with its parameter and value (for "remove" links and the no-result advice). */
export function activeFilters(params: SearchParams): { key: string; value: string }[] {
  return FILTER_PARAMS.flatMap((key) => {
    const value = params[key];
    return (Array.isArray(value) ? value : value ? [value] : [])
      .filter((v) => v !== "")
      .map((v) => ({ key, value: v }));
  });
}
