import type { Metadata } from "next";
import Link from "next/link";
import { annotationHref } from "@/lib/annotations/links";
import { requirePageActor } from "@/lib/auth/session";
import { requireRole } from "@/lib/auth/actor";
import { loadPageData, withFilterProblem } from "@/lib/http/page-data";
import {
  getAgreementReport,
  AGREEMENT_ARTICLES,
  DISAGREEMENTS,
  type AgreementFigures,
  type AgreementReport,
} from "@/lib/dashboard/agreement";
import { listFilterOptions } from "@/lib/dashboard/page-options";
import { FilterForm } from "@/components/dashboard/FilterForm";
import { FilterProblem } from "@/components/shell/FilterSelect";
import { VerdictChip } from "@/components/annotate/VerdictChip";

export const metadata: Metadata = { title: "Agreement" };

const percent = (f: AgreementFigures) => (f.percentAgreement === null ? "—" : `${f.percentAgreement.toFixed(0)}%`);
const alpha = (f: AgreementFigures) => (f.alpha === null ? "—" : f.alpha.toFixed(2));

function Report({ report }: { report: AgreementReport }) {
  return (
    <>
      <dl className="stats" data-testid="agreement-stats">
        <div>
          <dt>Pairs compared</dt>
          <dd>{report.workspace.pairs}</dd>
        </div>
        <div>
          <dt>Percent agreement</dt>
          <dd>{percent(report.workspace)}</dd>
        </div>
        <div>
          <dt>Krippendorff&apos;s alpha (ordinal)</dt>
          <dd>{alpha(report.workspace)}</dd>
        </div>
      </dl>

      <h2>Per article</h2>
      <table className="list" data-testid="agreement-articles">
        <caption className="muted">
          Least agreement first; the {AGREEMENT_ARTICLES} articles with the most pairs.
        </caption>
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Pairs</th>
            <th scope="col">Agreeing</th>
            <th scope="col">Percent agreement</th>
            <th scope="col">Alpha (ordinal)</th>
          </tr>
        </thead>
        <tbody>
          {report.articles.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                No overlapping annotations by different reviewers in this view.
              </td>
            </tr>
          )}
          {report.articles.map((row) => (
            <tr key={row.article.id}>
              <th scope="row">
                <Link href={`/articles/${row.article.id}`}>{row.article.title}</Link>
              </th>
              <td>{row.pairs}</td>
              <td>{row.agreeing}</td>
              <td>{percent(row)}</td>
              <td>{alpha(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Disagreements to settle</h2>
      <p className="muted">The latest {DISAGREEMENTS}: open either reading to approve it or send it back.</p>
      {report.disagreements.length === 0 ? (
        <p className="muted">None in this view.</p>
      ) : (
        <ul className="disagreements" data-testid="disagreements">
          {report.disagreements.map(({ article, a, b }) => (
            <li key={`${a.id}-${b.id}`}>
              <Link href={`/articles/${article.id}`}>{article.title}</Link>
              {[a, b].map((side) => (
                <p key={side.id}>
                  <VerdictChip verdict={{ ...side.verdict, rating: null }} /> <strong>{side.author}</strong> on{" "}
                  <Link href={annotationHref(article.id, side.id)}>“{side.quote}”</Link>{" "}
                  <span className="muted">({side.status.toLowerCase().replace("_", " ")})</span>
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default async function AgreementPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const values = await searchParams;
  const actor = await requirePageActor("/agreement");
  const [{ data, problem }, options] = await loadPageData(() => {
    requireRole(actor, "EDITOR");
    return Promise.all([
      withFilterProblem(getAgreementReport({ actor, filters: values })),
      listFilterOptions({ actor }),
    ]);
  });
  return (
    <main className="wide">
      <h1>Agreement</h1>
      <p className="muted">
        Pairs are annotations by different reviewers on the same revision of an article, both submitted or further,
        whose spans overlap by at least half of the shorter one; they agree when their verdicts are the same. Alpha uses
        the order of the verdict scale.
      </p>
      <FilterForm action="/agreement" values={values} {...options} />
      {problem ? <FilterProblem problem={problem} /> : <Report report={data!} />}
    </main>
  );
}
