import { db } from "../db/client";
import { requireRole, type Actor } from "../auth/actor";
import { alphaFromPairCounts } from "../reviews/agreement";
import { parseInput } from "../validation";
import { dashboardFilterSchema, resolveFilters, type DashboardFilters } from "./filters";
import { disagreementsSql, pairMatrixSql, unsafeRunAggregate } from "./sql";

/** The most articles and disagreements the agreement page lists. */
export const AGREEMENT_ARTICLES = 100;
export const DISAGREEMENTS = 100;

export type AgreementFigures = {
  pairs: number;
  agreeing: number;
  percentAgreement: number | null;
  alpha: number | null;
};
type Side = {
  id: string;
  quote: string;
  claim: string;
  verdict: { key: string; label: string; color: string };
  author: string;
  status: string;
};
export type Disagreement = { article: { id: string; title: string }; a: Side; b: Side };

export type AgreementReport = {
  filters: DashboardFilters;
  workspace: AgreementFigures;
  articles: ({ article: { id: string; title: string } } & AgreementFigures)[];
  disagreements: Disagreement[];
};

type Cell = { article: string | null; title: string | null; a: number; b: number; count: number };

function figures(cells: Cell[]): AgreementFigures {
  const pairs = cells.reduce((sum, c) => sum + c.count, 0);
  const agreeing = cells.filter((c) => c.a === c.b).reduce((sum, c) => sum + c.count, 0);
  return {
    pairs,
    agreeing,
    percentAgreement: pairs ? (100 * agreeing) / pairs : null,
    alpha: alphaFromPairCounts(cells, "ordinal"),
  };
}

/**
 * Where reviewers agree. A pair is two current annotations by different reviewers on the same
 * article revision, both past draft and placed on the text, whose spans overlap by at least half
 * of the shorter one (lib/dashboard/sql.ts). Pairs are compared on verdict: percent agreement and
 * Krippendorff's alpha (ordinal, by the scale's order), for the workspace and per article (the
 * AGREEMENT_ARTICLES with most pairs, least agreement first), plus the latest disagreements for
 * an editor to settle. The same URL filters as the dashboard. Editors and admins only.
 */
export async function getAgreementReport(options: {
  actor: Actor | null;
  filters?: unknown;
}): Promise<AgreementReport> {
  const actor = requireRole(options.actor, "EDITOR");
  const filters = parseInput(dashboardFilterSchema, options.filters ?? {});
  const resolved = await resolveFilters(actor, filters);
  const [cells, rows, verdicts, people] = await Promise.all([
    unsafeRunAggregate<Cell[]>(pairMatrixSql(resolved, AGREEMENT_ARTICLES)),
    unsafeRunAggregate<Record<string, string>[]>(disagreementsSql(resolved, DISAGREEMENTS)),
    db.verdictOption.findMany({
      where: { scale: { workspaceId: actor.workspaceId } },
      select: { id: true, key: true, label: true, color: true },
    }),
    db.membership.findMany({
      where: { workspaceId: actor.workspaceId },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  const verdictOf = new Map(verdicts.map(({ id, ...v }) => [id, v]));
  const nameOf = new Map(people.map((p) => [p.user.id, p.user.name]));

  const perArticle = new Map<string, Cell[]>();
  for (const cell of cells)
    if (cell.article) perArticle.set(cell.article, [...(perArticle.get(cell.article) ?? []), cell]);
  const articles = [...perArticle.values()]
    .map((list) => ({ article: { id: list[0].article!, title: list[0].title ?? "" }, ...figures(list) }))
    .sort(
      (x, y) =>
        (x.percentAgreement ?? 100) - (y.percentAgreement ?? 100) ||
        y.pairs - x.pairs ||
        x.article.title.localeCompare(y.article.title),
    );

  const side = (row: Record<string, string>, p: "a" | "b"): Side => ({
    id: row[`${p}Id`],
    quote: row[`${p}Quote`],
    claim: row[`${p}Claim`],
    verdict: verdictOf.get(row[`${p}Verdict`])!,
    author: nameOf.get(row[`${p}Author`]) ?? "Former member",
    status: row[`${p}Status`],
  });
  return {
    filters,
    workspace: figures(cells.filter((c) => c.article === null)),
    articles,
    disagreements: rows.map((row) => ({
      article: { id: row.articleId, title: row.title },
      a: side(row, "a"),
      b: side(row, "b"),
    })),
  };
}
