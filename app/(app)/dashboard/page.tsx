import type { Metadata } from "next";
import { countOverdueAssignments } from "@/lib/assignments/assignments";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData, withFilterProblem } from "@/lib/http/page-data";
import { getDashboard, TOP_ARTICLES, type Dashboard, type VerdictCounts } from "@/lib/dashboard/dashboard";
import { listFilterOptions } from "@/lib/dashboard/page-options";
import { requireRole } from "@/lib/auth/actor";
import { STATUS_LABEL } from "@/lib/reviews/transitions";
import { formatDateTime } from "@/lib/format";
import { ChartPanel } from "@/components/dashboard/ChartPanel";
import { FilterForm } from "@/components/dashboard/FilterForm";
import { FilterProblem } from "@/components/shell/FilterSelect";
import type { ChartRow, Series } from "@/components/dashboard/BarChart";

export const metadata: Metadata = { title: "Dashboard" };

const STATUS_SERIES: Series[] = [
  { key: "DRAFT", label: STATUS_LABEL.DRAFT, color: "#9ca3af" },
  { key: "SUBMITTED", label: STATUS_LABEL.SUBMITTED, color: "#2563eb" },
  { key: "CHANGES_REQUESTED", label: STATUS_LABEL.CHANGES_REQUESTED, color: "#d97706" },
  { key: "APPROVED", label: STATUS_LABEL.APPROVED, color: "#16a34a" },
  { key: "PUBLISHED", label: STATUS_LABEL.PUBLISHED, color: "#166534" },
];

const rowsOf = <T extends VerdictCounts>(items: T[], label: (item: T) => string): ChartRow[] =>
  items.map((item) => ({ label: label(item), values: item.counts }));
const hours = (value: number | null) =>
  value === null ? "—" : value < 48 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} days`;

function Figures({ data }: { data: Dashboard }) {
  const series: Series[] = data.verdicts.map((v) => ({ key: v.key, label: v.label, color: v.color }));
  const rate = data.agreement.disagreementRate;
  return (
    <>
      <dl className="stats" data-testid="stats">
        <div>
          <dt>Annotations</dt>
          <dd>{data.total}</dd>
        </div>
        <div>
          <dt>Pending review</dt>
          <dd>{data.pending.total}</dd>
        </div>
        <div>
          <dt>Median time to approval</dt>
          <dd>{hours(data.approval.medianHours)}</dd>
        </div>
        <div>
          <dt>Disagreement rate</dt>
          <dd>
            {rate === null ? "—" : `${Math.round(rate * 100)}%`}{" "}
            <span className="muted">of {data.agreement.pairs} pairs</span>
          </dd>
        </div>
        <div>
          <dt>Needs re-anchoring</dt>
          <dd>{data.orphans}</dd>
        </div>
      </dl>
      <p className="muted">
        Approved: {data.approval.approved} (median from creation to first approval). Disagreements are pairs of
        overlapping annotations by different reviewers with different verdicts: see{" "}
        <Link href="/agreement">Agreement</Link>.
      </p>
      <div className="chart-grid">
        <ChartPanel
          id="verdicts"
          title="Verdicts"
          rowHeader="Verdict"
          rows={data.verdicts.map((v) => ({ label: v.label, values: { count: data.distribution.counts[v.key] ?? 0 } }))}
          series={[{ key: "count", label: "Annotations", color: "#2563eb" }]}
          rowColors={data.verdicts.map((v) => v.color)}
        />
        <ChartPanel
          id="weekly"
          title="Verdicts per week"
          rowHeader="Week of"
          rows={rowsOf(data.weekly, (w) => w.week)}
          series={series}
        />
        <ChartPanel
          id="by-reviewer"
          title="Verdicts per reviewer"
          rowHeader="Reviewer"
          rows={rowsOf(data.byReviewer, (r) => r.reviewer.name)}
          series={series}
          horizontal
        />
        <ChartPanel
          id="by-article"
          title="Verdicts per article"
          note={`The ${TOP_ARTICLES} articles with the most annotations.`}
          rowHeader="Article"
          rows={rowsOf(data.byArticle, (a) => a.article.title)}
          series={series}
          horizontal
        />
        <ChartPanel
          id="throughput"
          title="Throughput per reviewer"
          note="Each reviewer's annotations by where they stand in review."
          rowHeader="Reviewer"
          rows={data.throughput.map(({ reviewer, ...counts }) => ({ label: reviewer.name, values: counts }))}
          series={STATUS_SERIES}
          horizontal
        />
        <ChartPanel
          id="pending"
          title="Pending reviews by age"
          note={
            data.pending.oldestSubmittedAt
              ? `Oldest submitted ${formatDateTime(data.pending.oldestSubmittedAt)}.`
              : undefined
          }
          rowHeader="Waiting"
          rows={[
            { label: "Under a day", values: { count: data.pending.underOneDay } },
            { label: "1–3 days", values: { count: data.pending.oneToThreeDays } },
            { label: "3–7 days", values: { count: data.pending.threeToSevenDays } },
            { label: "Over 7 days", values: { count: data.pending.overSevenDays } },
          ]}
          series={[{ key: "count", label: "Annotations", color: "#2563eb" }]}
        />
      </div>
    </>
  );
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const values = await searchParams;
  const actor = await requirePageActor("/dashboard");
  const [{ data, problem }, options] = await loadPageData(() => {
    requireRole(actor, "EDITOR");
    return Promise.all([withFilterProblem(getDashboard({ actor, filters: values })), listFilterOptions({ actor })]);
  });
  const overdue = await countOverdueAssignments({ actor });
  return (
    <main className="wide">
      <h1>Dashboard</h1>
      <p data-testid="overdue-assignments" className={overdue ? "notice" : "muted"}>
        {overdue === 1 ? "1 assignment is" : `${overdue} assignments are`} past the due date (the filters below do not
        apply).
      </p>
      <FilterForm action="/dashboard" values={values} {...options} />
      {problem ? <FilterProblem problem={problem} /> : <Figures data={data!} />}
    </main>
  );
}
