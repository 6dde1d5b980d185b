import type { Metadata } from "next";
import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData, withFilterProblem } from "@/lib/http/page-data";
import { queryObject } from "@/lib/http/query-params";
import { searchWorkspace } from "@/lib/search/search";
import { activeFilters, searchHref, searchQueryParams, type SearchParams } from "@/lib/search/url";
import { FacetPanel } from "@/components/search/FacetPanel";
import { ResultKeys } from "@/components/search/ResultKeys";
import { SearchResults } from "@/components/search/SearchResults";
import { FilterProblem } from "@/components/shell/FilterSelect";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requirePageActor(searchHref(params));
  const { data, problem } = await loadPageData(() =>
    withFilterProblem(searchWorkspace({ actor, query: queryObject(searchQueryParams(params)) })),
  );
  const q = typeof params.q === "string" ? params.q : "";
  const filters = activeFilters(params);
  return (
    <main className="search-page">
      <h1>Search</h1>
      {hasRole(actor.role, "EDITOR") && (
        <p>
          Checks by other publishers found here come from <Link href="/admin/references">Reference checks</Link>.
        </p>
      )}
      <form method="get" action="/search" role="search" className="form-row">
        <div className="search-field">
          <label htmlFor="search-q">Search claims, notes, sources and articles</label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={500}
            autoFocus={!q}
            data-search-field
            autoComplete="off"
          />
        </div>
        {filters.map((f) => (
          <input key={`${f.key}=${f.value}`} type="hidden" name={f.key} value={f.value} />
        ))}
        <div>
          <button type="submit">Search</button>
        </div>
      </form>
      {filters.length > 0 && (
        <p className="active-filters">
          Narrowed to{" "}
          {filters.map((f) => (
            <Link
              key={`${f.key}=${f.value}`}
              href={searchHref(params, { [f.key]: null })}
              className="chip"
              aria-label={`Remove ${f.key} ${f.value}`}
            >
              {f.key}: {f.value} ✕
            </Link>
          ))}
        </p>
      )}
      <p className="muted">
        Keys: <kbd>/</kbd> search, <kbd>j</kbd>/<kbd>k</kbd> next/previous result, <kbd>Enter</kbd> open it.
      </p>
      {problem && <FilterProblem problem={problem} />}
      {data && (
        <div className="search-layout">
          <div>
            {data.results.length === 0 ? (
              <div role="status" data-testid="no-results">
                <p>
                  {q ? (
                    <>
                      Nothing matches “{q}”{filters.length ? " with these filters" : ""}.
                    </>
                  ) : (
                    "Nothing has been written here yet."
                  )}
                </p>
                {(filters.length > 0 || q.trim().includes(" ")) && (
                  <ul>
                    {filters.map((f) => (
                      <li key={`${f.key}=${f.value}`}>
                        <Link href={searchHref(params, { [f.key]: null })}>
                          Remove the {f.key} filter ({f.value})
                        </Link>
                      </li>
                    ))}
                    {filters.length > 1 && (
                      <li>
                        <Link href={searchHref({ q })}>Search without any filter</Link>
                      </li>
                    )}
                    {q.trim().includes(" ") && <li>Try fewer or other words: every word but one must match.</li>}
                  </ul>
                )}
              </div>
            ) : (
              <>
                <p className="muted" role="status">
                  {q ? "Best matches first." : "Recent work, newest first."}
                </p>
                <SearchResults results={data.results} />
                <ResultKeys />
                <nav className="pager" aria-label="Result pages">
                  {typeof params.cursor === "string" && <Link href={searchHref(params)}>First page</Link>}
                  {data.nextCursor && <Link href={searchHref(params, { cursor: data.nextCursor })}>More results</Link>}
                </nav>
              </>
            )}
          </div>
          {data.facets && <FacetPanel facets={data.facets} params={params} />}
        </div>
      )}
    </main>
  );
}
