import Link from "next/link";
import { FilterSelect, type FilterOption } from "@/components/shell/FilterSelect";

/**
 * The dashboards' filters as a plain GET form, so the view lives in the URL and can be shared.
 * `values` are the raw URL parameters (shown back even when they were refused).
 */
export function FilterForm(props: {
  action: string;
  values: Record<string, string | undefined>;
  articles: FilterOption[];
  reviewers: FilterOption[];
  verdicts: FilterOption[];
}) {
  const { action, values, articles, reviewers, verdicts } = props;
  return (
    <form method="get" action={action} className="form-row filters" aria-label="Filters">
      <div>
        <label htmlFor="filter-from">Created from</label>
        <input id="filter-from" name="from" type="date" defaultValue={values.from ?? ""} />
      </div>
      <div>
        <label htmlFor="filter-to">Created to</label>
        <input id="filter-to" name="to" type="date" defaultValue={values.to ?? ""} />
      </div>
      <FilterSelect name="article" label="Article" options={articles} value={values.article} />
      <FilterSelect name="reviewer" label="Reviewer" options={reviewers} value={values.reviewer} />
      <FilterSelect name="verdict" label="Verdict" options={verdicts} value={values.verdict} />
      <div>
        <button type="submit">Apply</button> <Link href={action}>Clear</Link>
      </div>
    </form>
  );
}
