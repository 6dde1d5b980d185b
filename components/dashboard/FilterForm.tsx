import Link from "next/link";

type Option = { value: string; label: string };

/**
 * The dashboards' filters as a plain GET form, so the view lives in the URL and can be shared.
 * `values` are the raw URL parameters (shown back even when they were refused).
 */
export function FilterForm(props: { action: string; values: Record<string, string | undefined>; articles: Option[]; reviewers: Option[]; verdicts: Option[] }) {
  const { action, values, articles, reviewers, verdicts } = props;
  const select = (name: string, label: string, options: Option[]) => (
    <div>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={values[name] ?? ""}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
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
      {select("article", "Article", articles)}
      {select("reviewer", "Reviewer", reviewers)}
      {select("verdict", "Verdict", verdicts)}
      <div>
        <button type="submit">Apply</button> <Link href={action}>Clear</Link>
      </div>
    </form>
  );
}
