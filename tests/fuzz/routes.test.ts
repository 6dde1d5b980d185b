// Property-based fuzzing of every JSON route and query filter in tests/support/routes.ts against
// the production build: arbitrary JSON, strings with NUL, lone surrogates and RTL marks, huge
// lengths, numbers at integer and float edges, broken percent-encoding in paths and queries.
// Properties: no answer is a 5xx, and a refusal (4xx) writes nothing (every table's row count
// is unchanged). A fixed seed and a few runs per route by default; FACTMARK_FUZZ_RUNS and
// FACTMARK_FUZZ_SEED for a longer or different run (`npm run test:fuzz`).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../../scripts/lib/scratch-database";
import { startNextServer, type NextServer } from "../../scripts/lib/next-server";
import { createPrismaClient } from "../../lib/db/create-client";
import { DEMO_PASSWORD, seedDemoWorkspace } from "../../prisma/seed";
import { paragraphsToValue } from "../../lib/articles/slate-value";
import { canonicalText } from "../../lib/anchoring/canonical-text";
import { textHash } from "../../lib/articles/text-hash";
import { ROUTES, type Ids, type Route } from "../support/routes";
import { countAllRows } from "../support/row-counts";
import { signInCookie } from "../../scripts/lib/http-sign-in";
import { hostileBody, hostileQuery, hostileSegment } from "./hostile";

export const FUZZ_PORT = 3101;
const RUNS = Number(process.env.FACTMARK_FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FACTMARK_FUZZ_SEED ?? 20261203);

let database: ScratchDatabase;
let db: ReturnType<typeof createPrismaClient>;
let server: NextServer;
let ids: Ids;
/** Who calls each kind of route: someone it is for, so the input gets past authorization. */
const cookies: Record<"reviewer" | "editor", string> = { reviewer: "", editor: "" };

beforeAll(async () => {
  database = await createScratchDatabase("fuzz", 54335);
  db = createPrismaClient(database.url);
  await seedDemoWorkspace(db);
  const desk = await db.workspace.findUniqueOrThrow({ where: { slug: "demo-desk" } });
  const value = paragraphsToValue(["The mayor 👋 said taxes rose 5% last year.", "A second paragraph."]);
  const text = canonicalText(value);
  await db.article.create({
    data: {
      workspaceId: desk.id,
      title: "Fuzz target",
      revisions: { create: { number: 1, body: value, text, textHash: textHash(text) } },
    },
  });
  server = await startNextServer({ port: FUZZ_PORT, databaseUrl: database.url, quiet: true });
  cookies.reviewer = await signInCookie(server.url, "reviewer@example.com", DEMO_PASSWORD);
  cookies.editor = await signInCookie(server.url, "editor@example.com", DEMO_PASSWORD);

  const call = async (path: string, init: RequestInit = {}) =>
    (
      await fetch(`${server.url}${path}`, {
        ...init,
        headers: { "content-type": "application/json", cookie: cookies.reviewer },
      })
    ).json();
  const { articles } = await call("/api/articles");
  const article = await call(`/api/articles/${articles.find((a: { title: string }) => a.title === "Fuzz target").id}`);
  const quote = "taxes rose 5%";
  const start = (article.text as string).indexOf(quote);
  const newAnnotation = {
    revisionId: article.revisionId,
    start,
    end: start + quote.length,
    quote,
    claim: "Fuzz claim",
    verdict: "mixed",
  };
  const annotation = await call(`/api/articles/${article.id}/annotations`, {
    method: "POST",
    body: JSON.stringify(newAnnotation),
  });
  const note = await call(`/api/annotations/${annotation.id}/notes`, {
    method: "POST",
    body: JSON.stringify({ body: "Fuzz note" }),
  });
  ids = { articleId: article.id, annotationId: annotation.id, noteId: note.id, newAnnotation };
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
  await database?.dispose();
});

type Attempt = { path: string; body?: string };

/** What to send: hostile text in the body or query where the route reads one, or in a path segment. */
function attempts(route: Route): fc.Arbitrary<Attempt> {
  const path = () => route.path(ids);
  const [base, query] = [() => path().split("?")[0], () => path().split("?")[1]];
  const segments = fc.tuple(hostileSegment, fc.nat()).map(([segment, pick]): Attempt => {
    const parts = base().split("/");
    const idAt = parts.map((part, i) => (/^[a-z0-9]{20,}$|^\d+$/.test(part) ? i : -1)).filter((i) => i >= 0);
    if (idAt.length === 0) return { path: path(), body: route.input.kind === "json" ? "{}" : undefined };
    parts[idAt[pick % idAt.length]] = segment;
    return {
      path: parts.join("/") + (query() ? `?${query()}` : ""),
      body: route.input.kind === "json" ? "{}" : undefined,
    };
  });
  const input = route.input;
  if (input.kind === "json") {
    const valid = route.probe?.(ids) as Record<string, unknown> | undefined;
    return fc.oneof(
      { weight: 4, arbitrary: hostileBody(input.fields, valid).map((body) => ({ path: path(), body })) },
      { weight: 1, arbitrary: segments },
    );
  }
  if (input.kind === "query") {
    return fc.oneof(
      {
        weight: 4,
        arbitrary: hostileQuery(input.params).map((q) => ({ path: `${base()}?${query() ? `${query()}&` : ""}${q}` })),
      },
      { weight: 1, arbitrary: segments },
    );
  }
  return segments;
}

const callerFor = (route: Route) => (route.access === "editor" ? cookies.editor : cookies.reviewer);
const writes = (route: Route) => route.method !== "GET";

describe("every route, fuzzed", () => {
  // The note's deletion by its author is the one call that succeeds with no input at all; fuzz it
  // only through its path, like the rest, but last, so the note lives for the others.
  for (const route of ROUTES) {
    it(`${route.method} ${route.path({ articleId: ":id", annotationId: ":id", noteId: ":noteId", newAnnotation: {} })}`, async () => {
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(attempts(route), async (attempt) => {
          const before = writes(route) ? await countAllRows(db) : null;
          const response = await fetch(`${server.url}${attempt.path}`, {
            method: route.method,
            headers: {
              cookie: callerFor(route),
              ...(attempt.body !== undefined ? { "content-type": "application/json" } : {}),
            },
            body: attempt.body,
            redirect: "manual",
          });
          const text = await response.text();
          const label = `${route.method} ${attempt.path.slice(0, 200)} ${attempt.body?.slice(0, 200) ?? ""} → ${response.status} ${text.slice(0, 200)}`;
          if (response.status >= 500) failures.push(label);
          expect(response.status, label).toBeLessThan(500);
          if (before && response.status >= 400)
            expect(await countAllRows(db), `a refusal wrote something: ${label}`).toEqual(before);
          if (response.status >= 400 && response.headers.get("content-type")?.includes("json")) {
            expect(JSON.parse(text).error?.message, label).toEqual(expect.any(String));
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect(failures).toEqual([]);
    }, 120_000);
  }
});
