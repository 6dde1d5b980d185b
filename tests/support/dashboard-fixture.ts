// A desk of known composition for the dashboard and agreement tests (integration and e2e): every
// figure the dashboard shows for it is written out below, worked out by hand from these rows.
// Rows are written directly (not through the API) so their times and statuses are exact.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/db/generated/client";
import type { AnnotationStatus, Placement } from "../../lib/db/generated/enums";
import { paragraphsToValue } from "../../lib/articles/slate-value";
import { canonicalText } from "../../lib/anchoring/canonical-text";
import { textHash } from "../../lib/articles/text-hash";
import { anchorFor } from "../../lib/anchoring/anchor";
import { DEFAULT_VERDICT_OPTIONS } from "../../lib/verdicts/default-scale";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const ARTICLES = {
  budget: { title: "Budget speech", paragraphs: ["Taxes rose 5% last year. Jobs grew by 2%. The deficit fell."] },
  health: { title: "Health plan", paragraphs: ["Waiting lists doubled. Nurses got a 3% raise."] },
};

type Row = {
  by: "kim" | "lee";
  article: keyof typeof ARTICLES;
  quote: string;
  verdict: string;
  status: AnnotationStatus;
  created: string;
  /** Last submission, this long before now. */
  submittedAgo?: number;
  /** First approval, this long after creation. */
  approvedAfter?: number;
  placement?: Placement;
  deleted?: boolean;
};

// Annotations 1–8 are current; 9 (deleted) and 10 (dismissed) must not count anywhere.
const ROWS: Row[] = [
  {
    by: "kim",
    article: "budget",
    quote: "Taxes rose 5%",
    verdict: "true",
    status: "APPROVED",
    created: "2026-10-05T09:00:00Z",
    approvedAfter: 2 * HOUR,
  },
  {
    by: "lee",
    article: "budget",
    quote: "Taxes rose 5% last year.",
    verdict: "false",
    status: "SUBMITTED",
    created: "2026-10-06T09:00:00Z",
    submittedAgo: 2 * HOUR,
  },
  {
    by: "kim",
    article: "budget",
    quote: "Jobs grew by 2%.",
    verdict: "mostly-true",
    status: "PUBLISHED",
    created: "2026-10-12T09:00:00Z",
    approvedAfter: 4 * HOUR,
  },
  {
    by: "lee",
    article: "budget",
    quote: "Jobs grew by 2%",
    verdict: "mostly-true",
    status: "SUBMITTED",
    created: "2026-10-13T09:00:00Z",
    submittedAgo: 2 * DAY,
  },
  {
    by: "kim",
    article: "health",
    quote: "Waiting lists doubled.",
    verdict: "false",
    status: "DRAFT",
    created: "2026-10-13T10:00:00Z",
  },
  {
    by: "lee",
    article: "health",
    quote: "Waiting lists doubled",
    verdict: "misleading",
    status: "SUBMITTED",
    created: "2026-10-14T09:00:00Z",
    submittedAgo: 10 * DAY,
  },
  {
    by: "kim",
    article: "health",
    quote: "Nurses got a 3% raise.",
    verdict: "false",
    status: "CHANGES_REQUESTED",
    created: "2026-10-20T09:00:00Z",
  },
  {
    by: "lee",
    article: "health",
    quote: "a 3% raise",
    verdict: "true",
    status: "APPROVED",
    created: "2026-10-21T09:00:00Z",
    approvedAfter: 10 * HOUR,
    placement: "ORPHANED",
  },
  {
    by: "kim",
    article: "budget",
    quote: "The deficit fell.",
    verdict: "true",
    status: "DRAFT",
    created: "2026-10-21T10:00:00Z",
    deleted: true,
  },
  {
    by: "lee",
    article: "budget",
    quote: "The deficit fell",
    verdict: "false",
    status: "SUBMITTED",
    created: "2026-10-22T09:00:00Z",
    submittedAgo: HOUR,
    placement: "DISMISSED",
  },
];

/** What the dashboard must show for the fixture with no filters. */
export const EXPECTED = {
  total: 8,
  orphans: 1,
  distribution: { true: 2, false: 3, "mostly-true": 2, misleading: 1 },
  byReviewer: {
    "Kim Checker": { true: 1, "mostly-true": 1, false: 2 },
    "Lee Checker": { false: 1, "mostly-true": 1, misleading: 1, true: 1 },
  },
  byArticle: { "Budget speech": 4, "Health plan": 4 },
  weekly: { "2026-10-05": 2, "2026-10-12": 4, "2026-10-19": 2 },
  throughput: {
    "Kim Checker": { DRAFT: 1, SUBMITTED: 0, CHANGES_REQUESTED: 1, APPROVED: 1, PUBLISHED: 1 },
    "Lee Checker": { DRAFT: 0, SUBMITTED: 3, CHANGES_REQUESTED: 0, APPROVED: 1, PUBLISHED: 0 },
  },
  pending: { total: 3, underOneDay: 1, oneToThreeDays: 1, threeToSevenDays: 0, overSevenDays: 1 },
  // Approved after 2 h, 4 h and 10 h.
  approval: { approved: 3, medianHours: 4 },
  // Pairs: (1, 2) disagree, (3, 4) agree; 5 is a draft and 8 an orphan, so 5–6 and 7–8 are no pairs.
  agreement: { pairs: 2, agreeing: 1, disagreementRate: 0.5 },
  // Ordinal alpha of the pairs (True, False) and (Mostly true, Mostly true), worked by hand in tests/unit/agreement.test.ts.
  alpha: -0.5,
};

export const DASHBOARD_EDITOR = "dashboard-editor@example.com";

/** Creates the fixture desk: an editor (email `editorEmail`), reviewers Kim and Lee, two articles, ten annotations. */
export async function seedDashboardFixture(
  db: PrismaClient,
  options: { editorEmail?: string; passwordHash: string; now?: Date },
) {
  const now = options.now ?? new Date();
  const workspace = await db.workspace.create({
    data: {
      name: "Dashboard desk",
      slug: `dashboard-${randomUUID().slice(0, 8)}`,
      verdictScale: {
        create: {
          name: "Default",
          options: { create: DEFAULT_VERDICT_OPTIONS.map((o, i) => ({ ...o, position: i })) },
        },
      },
    },
    include: { verdictScale: { include: { options: true } } },
  });
  const person = (
    name: string,
    role: "EDITOR" | "REVIEWER",
    email = `${name.split(" ")[0].toLowerCase()}-${randomUUID().slice(0, 8)}@test.example`,
  ) =>
    db.user.create({
      data: {
        name,
        email,
        passwordHash: options.passwordHash,
        memberships: { create: { workspaceId: workspace.id, role } },
      },
    });
  const editor = await person("Dana Desk", "EDITOR", options.editorEmail);
  const people = { kim: await person("Kim Checker", "REVIEWER"), lee: await person("Lee Checker", "REVIEWER") };
  const option = new Map(workspace.verdictScale!.options.map((o) => [o.key, o.id]));
  const articles: Record<string, { id: string; revisionId: string; text: string }> = {};
  for (const [key, { title, paragraphs }] of Object.entries(ARTICLES)) {
    const body = paragraphsToValue(paragraphs);
    const text = canonicalText(body);
    const article = await db.article.create({
      data: {
        workspaceId: workspace.id,
        title,
        revisions: { create: { number: 1, body, text, textHash: textHash(text) } },
      },
      include: { revisions: true },
    });
    articles[key] = { id: article.id, revisionId: article.revisions[0].id, text };
  }
  for (const row of ROWS) {
    const article = articles[row.article];
    const start = article.text.indexOf(row.quote);
    const created = new Date(row.created);
    await db.annotation.create({
      data: {
        workspaceId: workspace.id,
        articleId: article.id,
        revisionId: article.revisionId,
        ...anchorFor(article.text, start, start + row.quote.length),
        claim: row.quote,
        verdictOptionId: option.get(row.verdict)!,
        status: row.status,
        placement: row.placement ?? "ANCHORED",
        authorId: people[row.by].id,
        createdAt: created,
        submittedAt: row.submittedAgo === undefined ? null : new Date(now.getTime() - row.submittedAgo),
        approvedAt: row.approvedAfter === undefined ? null : new Date(created.getTime() + row.approvedAfter),
        deletedAt: row.deleted ? created : null,
      },
    });
  }
  return { workspace, editor, people, articles };
}
