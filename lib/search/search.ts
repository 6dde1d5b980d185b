import "server-only";
import { visibilityFor } from "../access/visibility";
import { requireActor, type Actor } from "../auth/actor";
import { db } from "../db/client";
import type { AnnotationStatus } from "../db/generated/enums";
import { AppError } from "../errors";
import { isCalendarDateOrTimestamp, parseInput, startOfDay, startOfNextDay } from "../validation";
import { SEARCH_TYPES, searchQuerySchema } from "./schemas";
import { readMarks } from "./marks";
import {
  FACET_BASIS,
  searchSql,
  TRIGRAM_MAX_LENGTH,
  type FacetRow,
  type HitRow,
  type Keyset,
  type SearchFilters,
  type SearchPlan,
  type SearchType,
} from "./sql";
import { fold, PRUNE_FROM_ROWS, searchTerms } from "./terms";
import { chooseRead, correctTypo, filterShare, planQuery } from "./plan";

export type SearchResult = {
  type: SearchType;
  id: string;
  annotationId?: string;
  articleId: string | null;
  articleTitle: string | null;
  claim?: string;
  claimant?: string | null;
  verdict?: { key: string | null; label: string | null; color: string | null };
  status?: AnnotationStatus;
  /** A reference check's publisher and URL. */
  publisher?: string;
  url?: string;
  /** Plain text around the matches; `marks` are [start, end) UTF-16 offsets of the matched words in it. */
  snippet: string;
  marks: [number, number][];
  score: number;
  createdAt: string;
};

export type FacetValue = { value: string; label: string | null; count: number };
export type Facets = Record<
  "type" | "verdict" | "status" | "reviewer" | "claimant" | "outlet" | "month",
  FacetValue[]
> & {
  /** Counts cover at most this many best hits; `capped` says there were more. */
  basis: number;
  capped: boolean;
};

export type SearchAnswer = { results: SearchResult[]; facets: Facets | null; nextCursor: string | null };

const DEFAULT_LIMIT = 20;

/** `second`: the page belongs to the second attempt (see searchWorkspace). */
type Cursor = Keyset & { now: number; second: boolean };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id, cursor.now, cursor.second ? 1 : 0])).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const [key, id, now, second] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    if (
      typeof key === "string" &&
      (/^\d{1,20}(\.\d{1,6})?$/.test(key) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/.test(key)) &&
      typeof id === "string" &&
      /^[a-z0-9]{1,40}$/.test(id) &&
      Number.isSafeInteger(now) &&
      (now as number) > 0 &&
      (second === 0 || second === 1)
    ) {
      return { key, id, now: now as number, second: second === 1 };
    }
  } catch {
    // fall through: any undecodable cursor gets the same answer
  }
  throw new AppError("BAD_REQUEST", "cursor is not valid; start again from the first page");
}

function shape(row: HitRow): SearchResult {
  const onAnnotation = row.type === "annotation" || row.type === "note" || row.type === "source";
  return {
    type: row.type,
    id: row.id,
    ...(row.annotationId ? { annotationId: row.annotationId } : {}),
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    ...(onAnnotation || row.type === "reference" ? { claim: row.claim ?? "", claimant: row.claimant } : {}),
    ...(onAnnotation
      ? {
          verdict: { key: row.verdictKey, label: row.verdictLabel, color: row.verdictColor },
          status: row.status ?? undefined,
        }
      : {}),
    ...(row.type === "reference"
      ? {
          verdict: { key: null, label: row.verdictLabel, color: null },
          publisher: row.publisher ?? "",
          url: row.url ?? "",
        }
      : {}),
    ...readMarks(row.snippet ?? ""),
    score: Number(row.score),
    createdAt: row.createdAt,
  };
}

function shapeFacets(rows: FacetRow[]): Facets {
  const facets: Facets = {
    type: [],
    verdict: [],
    status: [],
    reviewer: [],
    claimant: [],
    outlet: [],
    month: [],
    basis: FACET_BASIS,
    capped: false,
  };
  let total = 0;
  for (const row of rows) {
    if (row.value === null) continue;
    const value = { value: row.value, label: row.label, count: Number(row.count) };
    (facets[row.facet as keyof Omit<Facets, "basis" | "capped">] ??= []).push(value);
    if (row.facet === "type") total += value.count;
  }
  for (const key of ["type", "verdict", "status", "reviewer", "claimant", "outlet"] as const)
    facets[key].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  facets.month.sort((a, b) => b.value.localeCompare(a.value));
  facets.capped = total >= FACET_BASIS;
  return facets;
}

/**
 * Searches everything the actor's workspace has written that they may see (lib/access/visibility.ts):
 * claims, quotes, claimants and rationales, notes, sources, articles and reference checks. Words
 * are matched as prefixes and a query word that matches nothing does not hide the rest (all but
 * one must match, then rank decides); a short query also matches claims and titles by trigram
 * similarity, for typos. An empty query lists recent work, newest first. Keyset pages: pass
 * `nextCursor` back as `cursor`. Facets come with the first page only.
 */
export async function searchWorkspace(options: { actor: Actor | null; query: unknown }): Promise<SearchAnswer> {
  const { plan, cursor, limit, terms, groups, text, share } = await planSearch(options);
  const run = async (p: SearchPlan): Promise<[HitRow[], FacetRow[] | null]> => {
    const [answer] = await db.$queryRaw<{ page: HitRow[]; facets: FacetRow[] | null }[]>(
      searchSql(p, limit, cursor, !cursor),
    );
    return [answer.page, answer.facets];
  };
  const second = () => secondAttempt(plan, terms, groups, text, share);
  let used = cursor?.second ? await second() : plan;
  let [rows, facetRows] = await run(used);
  // Nothing found: the all-words-but-one fallback, or a one-word query read as a typo.
  if (!cursor && rows.length === 0 && plan.tsquery) {
    const retry = await second();
    if (retry !== plan) {
      used = retry;
      [rows, facetRows] = await run(retry);
    }
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    results: page.map(shape),
    facets: facetRows ? shapeFacets(facetRows) : null,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ key: last.key, id: last.id, now: plan.now.getTime(), second: used !== plan })
        : null,
  };
}

/** What a search will run, from its query (searchWorkspace; the benchmark explains the same statement). */
export async function planSearch(options: { actor: Actor | null; query: unknown }) {
  const actor = requireActor(options.actor);
  const query = parseInput(searchQuerySchema, options.query);
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const text = (query.q ?? "").trim();
  const [visibility, workspace] = await Promise.all([
    visibilityFor(db, actor),
    db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { searchLanguage: true } }),
  ]);
  const groups = searchTerms(text, { english: workspace.searchLanguage === "english" });
  const filters: SearchFilters = {
    types: query.type ?? [...SEARCH_TYPES],
    verdictKeys: query.verdict,
    statuses: query.status,
    reviewerIds: query.reviewer,
    claimant: query.claimant,
    outlet: query.outlet,
    createdFrom: query.from ? startOfDay(query.from) : undefined,
    createdBefore: (query.to && startOfNextDay(query.to)) || undefined,
  };
  const [terms, share] = await Promise.all([
    planQuery(actor.workspaceId, groups, "search"),
    // Recent work (no words) reads by date and never walks.
    groups.length ? filterShare(actor.workspaceId, filters) : 1,
  ]);
  const plan: SearchPlan = {
    // A query of only stop words or symbols lists recent work rather than nothing.
    tsquery: terms.match,
    rankQuery: terms.rank,
    indexQuery: terms.index,
    raw: "",
    now: new Date(cursor?.now ?? Date.now()),
    visibility,
    ...chooseRead(terms.reach?.match, terms.rows, share),
    filters,
  };
  // A cursor belongs to its kind of list: scores for a query, times for recent work.
  if (
    cursor &&
    !(plan.tsquery ? /^\d/.test(cursor.key) && !cursor.key.includes("T") : isCalendarDateOrTimestamp(`${cursor.key}Z`))
  ) {
    throw new AppError("BAD_REQUEST", "cursor is not valid; start again from the first page");
  }
  return { plan, cursor, limit, terms, groups, text, share };
}

/**
 * The second attempt of a query whose first found nothing: the common words without the one
 * uncommon word that occurs nowhere (lib/search/terms.ts chooseMatch); or, for a one-word query,
 * the word as a typo: on a small desk by trigram similarity with claims and titles, on a large one
 * corrected to the closest frequent word of the index (lib/search/plan.ts). The same plan when
 * there is nothing else to try. Each reads its matches as its own statistics say (chooseRead).
 */
export async function secondAttempt(
  plan: SearchPlan,
  terms: Awaited<ReturnType<typeof planQuery>>,
  groups: string[][],
  text: string,
  share: number,
): Promise<SearchPlan> {
  if (terms.fallback)
    return {
      ...plan,
      tsquery: terms.fallback,
      indexQuery: undefined,
      ...chooseRead(terms.reach?.fallback, terms.rows, share),
    };
  if (groups.length !== 1) return plan;
  const raw = fold(text).replace(/\s+/g, " ").trim();
  if (terms.rows < PRUNE_FROM_ROWS) return raw.length <= TRIGRAM_MAX_LENGTH ? { ...plan, raw } : plan;
  const typo = await correctTypo(plan.visibility.workspaceId, groups[0][0]);
  return typo && /^[\p{L}\p{N}]+$/u.test(typo.lexeme)
    ? {
        ...plan,
        indexQuery: undefined,
        tsquery: `'${typo.lexeme}':*`,
        rankQuery: `'${typo.lexeme}':*`,
        ...chooseRead({ share: typo.share, single: true }, terms.rows, share),
      }
    : plan;
}
