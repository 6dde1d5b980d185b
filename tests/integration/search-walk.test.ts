// Recency inside the search index (prisma/routines/50-search.sql, lib/search/sql.ts hitSelects):
// every vector holds its row's creation month, kept by the one search trigger on every table, and
// a query with more matches than it ranks finds the newest by walking the months, newest first:
// the same rows as reading them all.
import { describe, expect, it } from "vitest";
import { visibilityFor } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import { searchSql, type HitRow, type SearchPlan, type SearchType } from "@/lib/search/sql";
import { createWorkspace } from "../support/factories";
import { annotateClaims } from "../support/search-desk";

const ALL: SearchType[] = ["annotation", "note", "source", "article", "reference"];

async function monthsOf(table: "Annotation" | "Note" | "Source" | "Article", id: string): Promise<string[]> {
  const [row] = await db.$queryRawUnsafe<{ months: string[] }[]>(
    `SELECT array(SELECT l FROM unnest(tsvector_to_array("searchVector")) l WHERE l ~ '^§[0-9]') AS months FROM "${table}" WHERE id = $1`,
    id,
  );
  return row.months;
}

describe("search: recency inside the index", () => {
  it("keeps each row's creation month in its vector, on every table and when the date changes", async () => {
    const d = await createWorkspace("Month desk");
    const {
      ids: [id],
      article,
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [
        { claim: "Ferry fares doubled", note: "Asked the operator", sources: [{ url: "https://ferries.example/f" }] },
      ],
    });
    const month = (at: Date) => `§${at.getUTCFullYear() * 100 + at.getUTCMonth() + 1}`;
    const created = await db.annotation.findUniqueOrThrow({
      where: { id },
      include: { notes: true, sources: true, article: true },
    });
    expect(await monthsOf("Annotation", id)).toEqual([month(created.createdAt)]);
    expect(await monthsOf("Note", created.notes[0].id)).toEqual([month(created.notes[0].createdAt)]);
    expect(await monthsOf("Source", created.sources[0].id)).toEqual([month(created.sources[0].createdAt)]);
    expect(await monthsOf("Article", article.id)).toEqual([month(created.article.createdAt)]);

    await db.$executeRaw`UPDATE "Annotation" SET "createdAt" = '2024-02-10 12:00' WHERE id = ${id}`;
    expect(await monthsOf("Annotation", id)).toEqual(["§202402"]);
  });

  it("walking month by month finds the same newest matches as reading every match, under any cap", async () => {
    const d = await createWorkspace("Walk desk");
    // Twelve "tram" claims, one a month over a year (two in the newest month), and other words between.
    const claims = Array.from({ length: 12 }, (_, i) => ({ claim: `Tram ridership ${i} rose` }));
    const { ids } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [...claims, { claim: "Bus ridership fell" }],
    });
    for (const [i, id] of ids.entries()) {
      const at = new Date(Date.UTC(2025, 11 - Math.max(0, i - 1), 5 + i, 12));
      await db.$executeRaw`UPDATE "Annotation" SET "createdAt" = ${at} WHERE id = ${id}`;
    }
    const plan = async (walk: boolean, wide = false, firstRead = 1, probe = false): Promise<SearchPlan> => ({
      tsquery: "'tram':*",
      rankQuery: "'tram':*",
      raw: "",
      now: new Date(Date.UTC(2026, 0, 1)),
      filters: { types: ALL },
      visibility: await visibilityFor(db, d.reviewer),
      walk,
      wide,
      firstRead,
      probe,
    });
    const run = async (walk: boolean, cap: number, wide = false, firstRead = 1, probe = false) => {
      const [answer] = await db.$queryRaw<{ page: HitRow[] }[]>(
        searchSql(await plan(walk, wide, firstRead, probe), 50, undefined, true, cap),
      );
      return answer.page.map((row) => row.id).sort();
    };
    for (const cap of [1, 2, 3, 5, 12, 50]) {
      // Caps under 12 walk the months (more matches than the cap); 12 and 50 take every match at once.
      const read = await run(false, cap);
      expect(read).toHaveLength(Math.min(cap, 12));
      expect(await run(true, cap)).toEqual(read);
      // A word the statistics call common walks at once: the same rows.
      expect(await run(true, cap, true)).toEqual(read);
      // A first read of several caps keeps the newest cap of what it read when that was every
      // match (caps 3 and 5 with 4 caps), and walks when it was not (caps 1 and 2): the same rows.
      expect(await run(true, cap, false, 4)).toEqual(read);
      // Probing the newest months first (they hold none of these): a cap first, the same rows.
      expect(await run(true, cap, false, 1, true)).toEqual(read);
    }
    // The newest three, whatever the cap's boundary falls inside a month.
    expect(await run(true, 3)).toEqual([ids[0], ids[1], ids[2]].sort());
  });
  it("probing the newest months walks at once when they are busy, and reads a cap first when not: the same rows", async () => {
    const d = await createWorkspace("Probe desk");
    // Six "tram" claims in the last weeks and four months ago, and three "trams" ones that only the
    // prefix finds (the probe counts exact words: fewer, never more, than the search matches).
    const claims = [
      ...Array.from({ length: 10 }, (_, i) => ({ claim: `Tram ridership ${i} rose` })),
      ...Array.from({ length: 3 }, (_, i) => ({ claim: `Trams ran late ${i} times` })),
    ];
    const { ids } = await annotateClaims({ workspaceId: d.workspace.id, author: d.reviewer, claims });
    const day = 24 * 3600 * 1000;
    for (const [i, id] of ids.entries()) {
      const at = new Date(Date.now() - (i < 6 ? i + 1 : 120 + 9 * i) * day);
      await db.$executeRaw`UPDATE "Annotation" SET "createdAt" = ${at} WHERE id = ${id}`;
    }
    const run = async (cap: number, read: Pick<SearchPlan, "walk" | "probe" | "indexQuery">, tsquery = "'tram':*") => {
      const plan: SearchPlan = {
        tsquery,
        rankQuery: tsquery,
        raw: "",
        now: new Date(),
        filters: { types: ALL },
        visibility: await visibilityFor(db, d.reviewer),
        ...read,
      };
      const [answer] = await db.$queryRaw<{ page: HitRow[] }[]>(searchSql(plan, 50, undefined, true, cap));
      return answer.page.map((row) => row.id).sort();
    };
    // Busy (at least cap / 8 exact matches in the first window) up to cap 55; quiet at 100.
    for (const cap of [1, 3, 7, 12, 50, 100]) {
      const read = await run(cap, { walk: false });
      expect(read).toHaveLength(Math.min(cap, 13));
      expect(await run(cap, { probe: true }), String(cap)).toEqual(read);
      // GIN asked for fewer words than the query (a word in most rows left to the row check,
      // chooseMatch `index`): the same rows, "trams ran late" left out by the row check.
      const both = "'tram':* & 'rose':*";
      const rose = await run(cap, { walk: false }, both);
      expect(rose).toHaveLength(Math.min(cap, 10));
      for (const read of [{}, { probe: true }, { walk: false }])
        expect(await run(cap, { ...read, indexQuery: "'tram':*" }, both)).toEqual(rose);
    }
  });
});
