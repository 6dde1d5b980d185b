// Every JSON route handler of the app, declared once: its method, path, who may call it, and
// the shape of what it reads. The authorization matrix (tests/e2e/authorization.spec.ts) and the
// property-based fuzzing (tests/fuzz/routes.test.ts) are both driven by this table, so a route
// added here is held to both; a route missing here is held to neither.

/** Who a route is for. `author`: the note's own author only. */
export type Access = "public" | "read" | "member" | "editor" | "author";

/** The rows a route's path names. `newAnnotation` is a valid create body for `articleId`. */
export type Ids = { articleId: string; annotationId: string; noteId: string; newAnnotation: Record<string, unknown> };

/** What a route reads besides its path: a JSON body, query parameters, or nothing. */
export type Input = { kind: "none" } | { kind: "json"; fields: string[] } | { kind: "query"; params: string[] };

export type Route = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: (ids: Ids) => string;
  access: Access;
  /** The body the authorization matrix sends a caller who is let through: bad on purpose, so nothing changes. */
  body?: unknown;
  /** A valid body for callers who must be refused, so the refusal is about who they are. */
  probe?: (ids: Ids) => unknown;
  /** What the fuzzer varies. */
  input: Input;
};

const ANNOTATION_FIELDS = [
  "revisionId",
  "start",
  "end",
  "quote",
  "claim",
  "claimant",
  "verdict",
  "rationale",
  "sources",
  "note",
];
const ARTICLE_FIELDS = ["title", "outlet", "author", "url", "publishedAt", "section"];
const SEARCH_PARAMS = [
  "q",
  "type",
  "verdict",
  "status",
  "reviewer",
  "claimant",
  "outlet",
  "from",
  "to",
  "cursor",
  "limit",
];
const EXPORT_PARAMS = ["format", "article", "status", "verdict", "from", "to", "page", "download"];

export const ROUTES: Route[] = [
  { method: "GET", path: () => "/api/schema/factmark.v1.json", access: "public", input: { kind: "none" } },
  { method: "GET", path: () => "/api/articles", access: "read", input: { kind: "none" } },
  {
    method: "POST",
    path: () => "/api/articles",
    access: "member",
    body: {},
    input: { kind: "json", fields: [...ARTICLE_FIELDS, "format", "body"] },
  },
  {
    method: "POST",
    path: () => "/api/articles/preview",
    access: "member",
    body: {},
    input: { kind: "json", fields: ["format", "body"] },
  },
  { method: "GET", path: (ids) => `/api/articles/${ids.articleId}`, access: "read", input: { kind: "none" } },
  {
    method: "PATCH",
    path: (ids) => `/api/articles/${ids.articleId}`,
    access: "editor",
    body: {},
    probe: () => ({ title: "Hijacked" }),
    input: { kind: "json", fields: ARTICLE_FIELDS },
  },
  {
    method: "GET",
    path: (ids) => `/api/articles/${ids.articleId}/annotations`,
    access: "read",
    input: { kind: "none" },
  },
  {
    method: "POST",
    path: (ids) => `/api/articles/${ids.articleId}/annotations`,
    access: "member",
    body: {},
    probe: (ids) => ids.newAnnotation,
    input: { kind: "json", fields: ANNOTATION_FIELDS },
  },
  {
    method: "POST",
    path: (ids) => `/api/articles/${ids.articleId}/import`,
    access: "editor",
    body: {},
    input: { kind: "json", fields: ["format", "@context", "type", "items", "annotations", "verdictScale"] },
  },
  { method: "GET", path: (ids) => `/api/articles/${ids.articleId}/revisions`, access: "read", input: { kind: "none" } },
  {
    method: "POST",
    path: (ids) => `/api/articles/${ids.articleId}/revisions`,
    access: "member",
    body: {},
    probe: () => ({ format: "text", body: "Hijacked" }),
    input: { kind: "json", fields: ["format", "body"] },
  },
  {
    method: "GET",
    path: (ids) => `/api/articles/${ids.articleId}/revisions/1`,
    access: "read",
    input: { kind: "none" },
  },
  {
    method: "GET",
    path: () => "/api/export?format=native",
    access: "read",
    input: { kind: "query", params: EXPORT_PARAMS },
  },
  {
    method: "GET",
    path: () => "/api/export?format=w3c",
    access: "read",
    input: { kind: "query", params: EXPORT_PARAMS },
  },
  {
    method: "GET",
    path: () => "/api/export?format=claimreview",
    access: "read",
    input: { kind: "query", params: EXPORT_PARAMS },
  },
  { method: "GET", path: () => "/api/search?q=claim", access: "read", input: { kind: "query", params: SEARCH_PARAMS } },
  {
    method: "GET",
    path: () => "/api/claims/similar?text=claim",
    access: "read",
    input: { kind: "query", params: ["text", "claimant", "limit", "exclude"] },
  },
  { method: "GET", path: () => "/api/references", access: "editor", input: { kind: "none" } },
  {
    method: "POST",
    path: () => "/api/references/import",
    access: "editor",
    body: {},
    probe: () => ({ "@type": "ClaimReview", url: "https://hijack.example/1", claimReviewed: "Hijacked" }),
    input: {
      kind: "json",
      fields: [
        "@context",
        "@graph",
        "@type",
        "url",
        "claimReviewed",
        "reviewRating",
        "author",
        "datePublished",
        "itemReviewed",
      ],
    },
  },
  { method: "GET", path: (ids) => `/api/annotations/${ids.annotationId}`, access: "read", input: { kind: "none" } },
  {
    method: "PATCH",
    path: (ids) => `/api/annotations/${ids.annotationId}`,
    access: "member",
    body: {},
    probe: () => ({ version: 1, claim: "Hijacked" }),
    input: { kind: "json", fields: ["version", "claim", "claimant", "verdict", "rationale", "sources"] },
  },
  {
    method: "DELETE",
    path: (ids) => `/api/annotations/${ids.annotationId}?version=999999`,
    access: "member",
    input: { kind: "query", params: ["version"] },
  },
  {
    method: "GET",
    path: (ids) => `/api/annotations/${ids.annotationId}/history`,
    access: "read",
    input: { kind: "none" },
  },
  {
    method: "GET",
    path: (ids) => `/api/annotations/${ids.annotationId}/notes`,
    access: "read",
    input: { kind: "none" },
  },
  {
    method: "POST",
    path: (ids) => `/api/annotations/${ids.annotationId}/notes`,
    access: "member",
    body: {},
    probe: () => ({ body: "Hijacked" }),
    input: { kind: "json", fields: ["body", "parentId"] },
  },
  {
    method: "PATCH",
    path: (ids) => `/api/annotations/${ids.annotationId}/notes/${ids.noteId}`,
    access: "author",
    body: { body: "Matrix note, edited", version: 1 },
    input: { kind: "json", fields: ["body", "version"] },
  },
  {
    method: "POST",
    path: (ids) => `/api/annotations/${ids.annotationId}/placement`,
    access: "member",
    body: {},
    probe: () => ({ action: "dismiss", version: 1 }),
    input: { kind: "json", fields: ["action", "version", "revisionId", "start", "end", "quote"] },
  },
  {
    method: "POST",
    path: (ids) => `/api/annotations/${ids.annotationId}/status`,
    access: "member",
    body: {},
    probe: () => ({ status: "SUBMITTED", version: 1 }),
    input: { kind: "json", fields: ["status", "comment", "version"] },
  },
  {
    method: "POST",
    path: (ids) => `/api/annotations/${ids.annotationId}/corrections`,
    access: "member",
    body: {},
    probe: () => ({ note: "Hijacked" }),
    input: { kind: "json", fields: ["note"] },
  },
  {
    method: "POST",
    path: (ids) => `/api/annotations/${ids.annotationId}/retraction`,
    access: "editor",
    body: {},
    probe: () => ({ note: "Hijacked", version: 1 }),
    input: { kind: "json", fields: ["note", "version"] },
  },
  // Public, and the matrix's annotation is a draft (404 here): the matrix sends it a malformed url, the fuzzer everything else.
  {
    method: "GET",
    path: () => "/api/oembed?url=not-an-address",
    access: "public",
    input: { kind: "query", params: ["url", "maxwidth", "maxheight", "format"] },
  },
  // The live event stream itself (GET /api/events) never ends, so it is tested in tests/integration/live-events.test.ts and tests/e2e/live.spec.ts.
  { method: "GET", path: () => "/api/members", access: "read", input: { kind: "none" } },
  {
    method: "GET",
    path: (ids) => `/api/articles/${ids.articleId}/assignments`,
    access: "read",
    input: { kind: "none" },
  },
  {
    method: "POST",
    path: (ids) => `/api/articles/${ids.articleId}/assignments`,
    access: "editor",
    body: {},
    probe: () => ({ assignments: [] }),
    input: { kind: "json", fields: ["assignments"] },
  },
  { method: "GET", path: () => "/api/notifications", access: "member", input: { kind: "none" } },
  {
    method: "POST",
    path: () => "/api/notifications/read",
    access: "member",
    body: {},
    probe: () => ({ all: true }),
    input: { kind: "json", fields: ["ids", "all"] },
  },
  {
    method: "POST",
    path: () => "/api/events/presence",
    access: "member",
    body: {},
    probe: () => ({ streamId: "cmatrixstream00000000000", editing: null }),
    input: { kind: "json", fields: ["streamId", "editing"] },
  },
  // Last: the one call that changes something, made by the note's author after everyone else was refused.
  {
    method: "DELETE",
    path: (ids) => `/api/annotations/${ids.annotationId}/notes/${ids.noteId}`,
    access: "author",
    input: { kind: "none" },
  },
];
