/**
 * Query parameters as the route schemas read them: a repeated parameter becomes a list, and an
 * empty one (a blank field of a GET form) is left out, meaning "no filter".
 */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((value) => value !== "");
    if (values.length > 0) query[key] = values.length > 1 ? values : values[0];
  }
  return query;
}
