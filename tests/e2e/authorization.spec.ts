import {
  API_ARTICLE_TITLE,
  expect,
  MATRIX_DEACTIVATED_USER,
  MATRIX_REVOKED_USER,
  MATRIX_TOKEN,
  signInOverApi,
  test,
  type APIRequestContext,
  type APIResponse,
} from "./fixtures";
import { ROUTES, type Ids, type Route } from "../support/routes";

// The authorization matrix: every route handler × every kind of caller, from one table. Each
// row says who the route is for; the expected status for each caller follows from that alone.
// Writes send an empty body (or a stale version), so a caller who is let through gets 400 or
// 409 and nothing changes. Callers who must be refused send `probe`, a valid body where the
// route has one, so the refusal is about who they are and not what they sent. The one row
// that changes something, a note's deletion by its author, comes last.

type CallerKind = "anonymous" | "deactivated" | "revoked" | "token" | "otherAdmin" | "reviewer" | "editor" | "admin";
/** The reviewer goes last, so the note it wrote is deleted only after every other caller tried. */
const CALLERS: CallerKind[] = [
  "anonymous",
  "deactivated",
  "revoked",
  "token",
  "otherAdmin",
  "editor",
  "admin",
  "reviewer",
];

/** The status a caller must get, or "let through" (2xx, or 400/409 for the deliberately bad input). */
function expected(route: Route, caller: CallerKind, ids: Ids): number | "let through" {
  if (route.access === "public") return "let through";
  if (caller === "anonymous" || caller === "deactivated" || caller === "revoked") return 401;
  // A token is no session: write routes never look at it.
  if (caller === "token") return route.access === "read" ? "let through" : 401;
  // Another desk's admin: routes naming this desk's rows answer as if they did not exist.
  if (caller === "otherAdmin")
    return route.path(ids).includes(ids.articleId) || route.path(ids).includes(ids.annotationId) ? 404 : "let through";
  if (route.access === "author") return caller === "reviewer" ? "let through" : 403;
  if (route.access === "editor") return caller === "reviewer" ? 403 : "let through";
  return "let through";
}

test("every route answers every kind of caller as its access rule says, and leaks no other desk's ids", async ({
  apiAs,
  pageAs,
  signedInAs,
  playwright,
  baseURL,
}) => {
  // About 210 requests, two sign-ins and an admin page: 8 s on an idle two-core machine, 25 s
  // when other work crowds it. One table is the point of this test, so it keeps a budget of its own.
  test.setTimeout(60_000);
  const callers = {} as Record<CallerKind, APIRequestContext>;
  callers.anonymous = await playwright.request.newContext({ baseURL });
  callers.token = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${MATRIX_TOKEN}` },
  });
  for (const kind of ["reviewer", "editor", "admin", "otherAdmin"] as const) callers[kind] = await apiAs(kind);
  // The two whose sessions this test ends sign in for themselves; no stored session is touched.
  for (const [kind, email] of [
    ["deactivated", MATRIX_DEACTIVATED_USER],
    ["revoked", MATRIX_REVOKED_USER],
  ] as const) {
    callers[kind] = await playwright.request.newContext({ baseURL });
    await signInOverApi(callers[kind], email);
  }

  // The rows the routes name: an annotation and a note of the reviewer's on the API tests' article.
  const reviewer = callers.reviewer;
  const { articles } = await (await reviewer.get("/api/articles")).json();
  const articleId: string = articles.find((a: { title: string }) => a.title === API_ARTICLE_TITLE).id;
  const article = await (await reviewer.get(`/api/articles/${articleId}`)).json();
  const quote = "A second paragraph";
  const start = (article.text as string).indexOf(quote);
  const newAnnotation = {
    revisionId: article.revisionId,
    start,
    end: start + quote.length,
    quote,
    claim: "Matrix claim",
    verdict: "mixed",
  };
  const annotation = await (
    await reviewer.post(`/api/articles/${articleId}/annotations`, { data: newAnnotation })
  ).json();
  const note = await (
    await reviewer.post(`/api/annotations/${annotation.id}/notes`, { data: { body: "Matrix note" } })
  ).json();
  const ids: Ids = {
    articleId,
    annotationId: annotation.id,
    noteId: note.id,
    newAnnotation: { ...newAnnotation, claim: "Hijacked" },
  };

  // Now end two of the sessions: one member is deactivated, the other signs out everywhere.
  const admin = await pageAs("admin");
  await admin.goto("/admin/people");
  const row = admin.getByTestId(`member-${MATRIX_DEACTIVATED_USER}`);
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByRole("cell", { name: "Deactivated", exact: true })).toBeVisible();
  const secondDevice = await signedInAs(MATRIX_REVOKED_USER);
  await secondDevice.goto("/articles");
  await secondDevice.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(secondDevice).toHaveURL(/\/login/);

  // Ids each side must never see of the other.
  const otherDeskArticles = (await (await callers.otherAdmin.get("/api/articles")).json()).articles.map(
    (a: { id: string }) => a.id,
  );
  expect(otherDeskArticles.length).toBeGreaterThan(0);
  const demoDeskIds = [articleId, annotation.id, note.id];

  const mismatches: string[] = [];
  let noteDeletion = 0;
  async function check(route: Route, kind: CallerKind) {
    const path = route.path(ids);
    const want = expected(route, kind, ids);
    const data = want !== "let through" && route.probe ? route.probe(ids) : route.body;
    const response: APIResponse = await callers[kind].fetch(path, {
      method: route.method,
      ...(data === undefined ? {} : { data }),
    });
    const status = response.status();
    const ok = want === "let through" ? status < 300 || status === 400 || status === 409 : status === want;
    const body = await response.text();
    const foreign = kind === "otherAdmin" ? demoDeskIds : otherDeskArticles;
    const leaked = foreign.filter((id: string) => body.includes(id));
    if (!ok || leaked.length)
      mismatches.push(
        `${route.method} ${path} as ${kind}: ${status} (want ${want})${leaked.length ? `, leaks ${leaked}` : ""} ${body.slice(0, 160)}`,
      );
    if (route.method === "DELETE" && path.includes("/notes/") && kind === "reviewer") noteDeletion = status;
    if (status >= 400)
      expect(JSON.parse(body).error.code, `${route.method} ${path} as ${kind}`).toEqual(expect.any(String));
  }
  for (const route of ROUTES) {
    // Everyone but the reviewer at once (none of them may change anything); the reviewer, whose
    // call may change something (the last row deletes its note), after them.
    await Promise.all(CALLERS.filter((kind) => kind !== "reviewer").map((kind) => check(route, kind)));
    await check(route, "reviewer");
  }
  expect(mismatches).toEqual([]);
  // The final row made its one change, so "let through" was exercised end to end, and no probe got anywhere.
  expect(noteDeletion).toBe(200);
  const after = await (await reviewer.get(`/api/annotations/${annotation.id}`)).json();
  expect(after).toMatchObject({ claim: "Matrix claim", version: 1 });
  expect(JSON.stringify(await (await reviewer.get(`/api/articles/${articleId}/annotations`)).json())).not.toContain(
    "Hijacked",
  );
  await Promise.all((["anonymous", "token", "deactivated", "revoked"] as const).map((kind) => callers[kind].dispose()));
});
