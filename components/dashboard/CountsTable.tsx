import type { ChartRow, Series } from "./BarChart";

/**
 * The accessible view of a chart: the same rows and series as a table, with totals. A table wider
 * than its panel scrolls inside a focusable region (so keyboard users can scroll it too) instead
 * of being cut off.
 */
export function CountsTable({
  caption,
  rowHeader,
  rows,
  series,
  testId,
}: {
  caption: string;
  rowHeader: string;
  rows: ChartRow[];
  series: Series[];
  testId?: string;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="list counts" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
            {series.length > 1 && <th scope="col">Total</th>}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={series.length + 2} className="muted">
                Nothing in this view.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {series.map((s) => (
                <td key={s.key}>{row.values[s.key] ?? 0}</td>
              ))}
              {series.length > 1 && <td>{series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
