import { ErrorMessage } from "@/components/shared/ErrorMessage";

export type FilterOption = { value: string; label: string };

/** One filter of a GET form: a labelled select whose empty choice means "any". */
export function FilterSelect({
  name,
  label,
  options,
  value,
}: {
  name: string;
  label: string;
  options: FilterOption[];
  value?: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a page shows instead of its results when the URL's filters make no sense. */
export function FilterProblem({ problem }: { problem: string }) {
  return <ErrorMessage message={`These filters do not work: ${problem}`} />;
}
