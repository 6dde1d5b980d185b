import { BarChart, type ChartRow, type Series } from "./BarChart";
import { CountsTable } from "./CountsTable";

/** One dashboard figure: a heading, the chart and the table of the same numbers. */
export function ChartPanel(props: {
  id: string;
  title: string;
  rowHeader: string;
  rows: ChartRow[];
  series: Series[];
  rowColors?: string[];
  horizontal?: boolean;
  note?: string;
}) {
  const { id, title, rowHeader, rows, series, rowColors, horizontal, note } = props;
  return (
    <section className="chart-panel" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {note && <p className="muted">{note}</p>}
      {rows.length > 0 && <BarChart rows={rows} series={series} rowColors={rowColors} horizontal={horizontal} />}
      <CountsTable caption={`${title}: numbers`} rowHeader={rowHeader} rows={rows} series={series} />
    </section>
  );
}
