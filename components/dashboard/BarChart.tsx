"use client";

import {
  Bar,
  BarChart as Chart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CategoryTick } from "./CategoryTick";

export type Series = { key: string; label: string; color: string };
export type ChartRow = { label: string; values: Record<string, number> };

/**
 * A bar chart of rows × series (stacked when there are several series). Decorative for assistive
 * technology: every chart sits beside a table of the same numbers (CountsTable), which is the
 * accessible view. With one series, `rowColors` colours each bar (verdicts in their own colour).
 * Nothing in it takes focus (recharts' keyboard layer is off), since it is hidden from assistive
 * technology; every bar gets its label, cut short when long, slanted when bars stand side by side.
 */
export function BarChart({
  rows,
  series,
  rowColors,
  horizontal = false,
}: {
  rows: ChartRow[];
  series: Series[];
  rowColors?: string[];
  horizontal?: boolean;
}) {
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const height = horizontal ? Math.max(160, rows.length * 28 + 60) : 300;
  return (
    <div className="chart" aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <Chart
          data={data}
          layout={horizontal ? "vertical" : "horizontal"}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 8 : 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={170} interval={0} tick={<CategoryTick maxChars={26} />} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" interval={0} height={70} tick={<CategoryTick maxChars={16} angle={-35} />} />
              <YAxis allowDecimals={false} />
            </>
          )}
          <Tooltip />
          {series.length > 1 && <Legend />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="all" fill={s.color} isAnimationActive={false}>
              {rowColors && series.length === 1 && rows.map((row, i) => <Cell key={row.label} fill={rowColors[i]} />)}
            </Bar>
          ))}
        </Chart>
      </ResponsiveContainer>
    </div>
  );
}
