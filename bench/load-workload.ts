// The load benchmark's workspace and its traffic: a desk of generated articles with annotations
// at every stage of review, and per-connection "users" that read what a newsroom reads and write
// what it writes, each through the same HTTP contract (and CSRF headers) as the browser.
import type { PrismaClient } from "../lib/db/create-client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoWorkspace } from "../prisma/seed";
import { signInCookie } from "../scripts/lib/http-sign-in";
import { createBenchArticle, generateSpans, prng } from "./fixtures";

export type LoadArticle = { id: string; revisionId: string; text: string };
export type Session = { email: string; role: string; cookie: string };

/**
 * The demo desk plus `articles` generated articles of `words` words with `annotationsEach`
 * annotations each (authored by the two reviewers in turn), a quarter each draft, submitted,
 * approved and published, so the review queue, dashboards and exports have work to show.
 */
export async function seedLoadWorkspace(
  db: PrismaClient,
  options: { articles: number; words: number; annotationsEach: number },
): Promise<LoadArticle[]> {
  await seedDemoWorkspace(db);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo-desk" } });
  const reviewers = await db.user.findMany({
    where: { email: { in: ["reviewer@example.com", "reviewer2@example.com"] } },
    orderBy: { email: "asc" },
  });
  const articles: LoadArticle[] = [];
  for (let i = 0; i < options.articles; i++) {
    const article = await createBenchArticle(db, {
      workspaceId: workspace.id,
      authorId: reviewers[i % reviewers.length].id,
      title: `Load article ${i + 1}`,
      words: options.words,
      annotationCount: options.annotationsEach,
    });
    articles.push({ id: article.id, revisionId: article.revisionId, text: article.text });
  }
  await db.$executeRaw`
    UPDATE "Annotation" SET
      status = (ARRAY['DRAFT','SUBMITTED','APPROVED','PUBLISHED'])[1 + abs(hashtext(id)) % 4]::"AnnotationStatus",
      "submittedAt" = CASE WHEN abs(hashtext(id)) % 4 > 0 THEN now() - interval '3 days' END,
      "approvedAt" = CASE WHEN abs(hashtext(id)) % 4 > 1 THEN now() - interval '1 day' END
    WHERE "workspaceId" = ${workspace.id}`;
  return articles;
}

/** Signs every demo user in over HTTP and keeps their cookies. */
export async function signInDemoUsers(url: string): Promise<Session[]> {
  const sessions: Session[] = [];
  for (const user of DEMO_USERS)
    sessions.push({ email: user.email, role: user.role, cookie: await signInCookie(url, user.email, DEMO_PASSWORD) });
  return sessions;
}

export type Sample = { kind: string; status: number; ms: number };

type Request = {
  kind: string;
  path: string;
  method?: string;
  body?: unknown;
  expect?: number;
  onJson?: (json: unknown) => void;
};
type Owned = { id: string; version: number; status: string };

const READ_WEIGHTS: [string, number][] = [
  ["article page", 14],
  ["annotation list", 18],
  ["article data", 8],
  ["notes list", 6],
  ["dashboard", 6],
  ["queue or my work", 8],
  ["export", 10],
];
const WRITE_WEIGHTS: [string, number][] = [
  ["create annotation", 8],
  ["patch annotation", 8],
  ["add note", 7],
  ["status change", 7],
];

/** Mixed traffic over many connections; writes touch only the connection's own annotations, so no 409 is expected. */
export class LoadConnection {
  private readonly random: (n: number) => number;
  private readonly owned: Owned[] = [];
  private readonly spans: Map<string, { start: number; end: number }[]> = new Map();
  private created = 0;

  constructor(
    private readonly url: string,
    private readonly session: Session,
    private readonly articles: LoadArticle[],
    private readonly index: number,
  ) {
    this.random = prng(1000 + index);
  }

  /** Sends requests one after another until `until` (performance.now()), recording each. */
  async run(until: number, record: (sample: Sample) => void): Promise<void> {
    while (performance.now() < until) {
      const request = this.next();
      const started = performance.now();
      let status = 0;
      try {
        const response = await fetch(`${this.url}${request.path}`, {
          method: request.method ?? "GET",
          redirect: "manual",
          headers: {
            cookie: this.session.cookie,
            ...(request.body === undefined ? {} : { "content-type": "application/json", origin: this.url }),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        status = response.status;
        if (status === (request.expect ?? 200) && request.onJson) request.onJson(await response.json());
        else await response.arrayBuffer();
      } catch {
        status = 0; // the connection failed: counted as an error
      }
      record({ kind: request.kind, status, ms: performance.now() - started });
    }
  }

  private pick(weights: [string, number][]): string {
    let ticket = this.random(weights.reduce((sum, [, w]) => sum + w, 0));
    for (const [kind, weight] of weights) {
      if (ticket < weight) return kind;
      ticket -= weight;
    }
    return weights[0][0];
  }

  private article(): LoadArticle {
    return this.articles[this.random(this.articles.length)];
  }

  private isEditor(): boolean {
    return this.session.role !== "REVIEWER";
  }

  private next(): Request {
    // Four reads for every write, as a desk reads far more than it writes.
    const write = this.random(5) === 0;
    const kind = write ? this.pick(WRITE_WEIGHTS) : this.pick(READ_WEIGHTS);
    const mine = this.owned.length > 0 ? this.owned[this.random(this.owned.length)] : undefined;
    if (write && (kind === "create annotation" || !mine)) return this.createAnnotation();
    const article = this.article();
    switch (kind) {
      case "article page":
        return { kind, path: `/articles/${article.id}` };
      case "annotation list":
        return { kind, path: `/api/articles/${article.id}/annotations` };
      case "article data":
        return { kind, path: `/api/articles/${article.id}` };
      case "notes list":
        return mine
          ? { kind, path: `/api/annotations/${mine.id}/notes` }
          : { kind: "annotation list", path: `/api/articles/${article.id}/annotations` };
      case "dashboard":
        // Dashboards are for editors; a reviewer's overview is the article list.
        if (!this.isEditor()) return { kind: "article list", path: "/articles" };
        return { kind, path: this.random(2) === 0 ? "/agreement" : "/dashboard" };
      case "queue or my work":
        return { kind, path: this.isEditor() ? "/review" : "/my-work" };
      case "export":
        return {
          kind,
          path: `/api/export?format=${["native", "w3c", "claimreview"][this.random(3)]}&article=${article.id}`,
        };
      case "patch annotation":
        return this.versioned(kind, mine!, "PATCH", `/api/annotations/${mine!.id}`, {
          claim: `Load claim ${this.index}.${this.random(1e6)}`,
        });
      case "add note":
        return {
          kind,
          path: `/api/annotations/${mine!.id}/notes`,
          method: "POST",
          body: { body: `Checked again by connection ${this.index}` },
          expect: 201,
        };
      default:
        return this.statusChange(mine!);
    }
  }

  private createAnnotation(): Request {
    const article = this.article();
    let spans = this.spans.get(article.id);
    if (!spans) this.spans.set(article.id, (spans = generateSpans(article.text, 64)));
    const { start, end } = spans[(this.index + this.created++) % spans.length];
    return {
      kind: "create annotation",
      path: `/api/articles/${article.id}/annotations`,
      method: "POST",
      body: {
        revisionId: article.revisionId,
        start,
        end,
        quote: article.text.slice(start, end),
        claim: `Load ${this.index}.${this.created}`,
        verdict: "mixed",
      },
      expect: 201,
      onJson: (json) => {
        const view = json as { id: string; version: number; status: string };
        this.owned.push({ id: view.id, version: view.version, status: view.status });
      },
    };
  }

  /**
   * Draft → submitted by its author; an editor then approves their own. Nothing is published:
   * a published annotation can no longer be patched. One that cannot move gets a new rationale.
   */
  private statusChange(mine: Owned): Request {
    const next =
      mine.status === "DRAFT" ? "SUBMITTED" : mine.status === "SUBMITTED" && this.isEditor() ? "APPROVED" : null;
    if (!next)
      return this.versioned("patch annotation", mine, "PATCH", `/api/annotations/${mine.id}`, {
        rationale: `Rechecked ${this.random(1e6)}`,
      });
    return this.versioned("status change", mine, "POST", `/api/annotations/${mine.id}/status`, { status: next });
  }

  private versioned(kind: string, mine: Owned, method: string, path: string, fields: Record<string, unknown>): Request {
    return {
      kind,
      path,
      method,
      body: { version: mine.version, ...fields },
      onJson: (json) => {
        const view = json as { version: number; status: string };
        mine.version = view.version;
        mine.status = view.status;
      },
    };
  }
}
