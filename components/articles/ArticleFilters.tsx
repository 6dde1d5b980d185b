import { ARTICLE_STATUS_LABEL, type ArticleStatus } from "@/lib/articles/status";
import { FilterSelect } from "@/components/shell/FilterSelect";

const STATUSES = Object.keys(ARTICLE_STATUS_LABEL) as ArticleStatus[];
const SORTS = [
  { value: "", label: "Best match (else newest)" },
  { value: "date", label: "Date (newest first)" },
  { value: "title", label: "Title (A–Z)" },
  { value: "status", label: "Status (not started first)" },
];

/** The Articles list's search box, filters and sort: a plain GET form, so the URL holds the view. */
export function ArticleFilters({ values, outlets }: { values: Record<string, string | undefined>; outlets: string[] }) {
  return (
    <form method="get" action="/articles" role="search" className="form-row" aria-label="Article search and filters">
      <div className="search-field">
        <label htmlFor="article-q">Find articles</label>
        <input
          id="article-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          maxLength={200}
          data-search-field
          autoComplete="off"
        />
      </div>
      <FilterSelect
        name="status"
        label="Status"
        options={STATUSES.map((s) => ({ value: s, label: ARTICLE_STATUS_LABEL[s] }))}
        value={values.status}
      />
      <FilterSelect
        name="outlet"
        label="Published by"
        options={outlets.map((o) => ({ value: o, label: o }))}
        value={values.outlet}
      />
      <div className="sort-field">
        <label htmlFor="article-sort">Sort by</label>
        <select id="article-sort" name="sort" defaultValue={values.sort ?? ""}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit">Show</button>
      </div>
    </form>
  );
}
