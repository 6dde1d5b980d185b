// Filters inside the search index (prisma/routines/50-search.sql, "Filters inside the index";
// lib/search/sql.ts filtersTsquery): an annotation's vector, and its notes' and sources', holds
// its status, verdict and author as lexemes, kept current by triggers whatever changes them, so a
// filtered search walks the months like an unfiltered one and finds the same newest matches as
// reading them all.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { visibilityFor } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/db/connection";
import type { AnnotationStatus } from "@/lib/db/generated/enums";
import { chooseRead, filterShare } from "@/lib/search/plan";
import {
  MATCH_CAP,
  searchSql,
  type HitRow,
  type SearchFilters,
  type SearchPlan,
  type SearchType,
} from "@/lib/search/sql";
import { createWorkspace } from "../support/factories";
import { annotateClaims } from "../support/search-desk";

const ALL: SearchType[] = ["annotation", "note", "source", "article", "reference"];

/** The filter lexemes of a row's vector (those that are not months), sorted. */
async function tagsOf(table: "Annotation" | "Note" | "Source", id: string): Promise<string[]> {
  const [row] = await db.$queryRawUnsafe<{ tags: string[] }[]>(
    `SELECT array(SELECT l FROM unnest(tsvector_to_array("searchVector")) l WHERE l ~ '^§[a-z]' ORDER BY l) AS tags FROM "${table}" WHERE id = $1`,
    id,
  );
  return row.tags;
}

type Desk = Awaited<ReturnType<typeof createWorkspace>>;

async function search(
  d: Desk,
  filters: Omit<SearchFilters, "types">,
  walk: boolean,
  cap: number,
  read: Pick<SearchPlan, "wide" | "firstRead" | "probe"> = {},
) {
  const plan: SearchPlan = {
    tsquery: "'tram':*",
    rankQuery: "'tram':*",
    raw: "",
    now: new Date(Date.UTC(2026, 0, 1)),
    filters: { types: ALL, ...filters },
    visibility: await visibilityFor(db, d.admin),
    walk,
    ...read,
  };
  const [answer] = await db.$queryRaw<{ page: HitRow[] }[]>(searchSql(plan, 50, undefined, false, cap));
  return answer.page.map((row) => `${row.type}:${row.id}`).sort();
}

describe("search: how matches are read, from the statistics", () => {
  it("walks at once for a common single word, reads a few caps in one go, and a cap first otherwise", () => {
    const rows = 1_000_000;
    // "energy" in 2.5% of a million annotations: walk; under a verdict kept by one in seven, 3,571
    // rows (a few caps): one first read of up to four caps.
    const read = (wide: boolean, firstRead: number, probe = false) => ({ wide, firstRead, probe });
    expect(chooseRead({ share: 0.025, single: true }, rows, 1)).toEqual(read(true, 1));
    expect(chooseRead({ share: 0.025, single: true }, rows, 1 / 7)).toEqual(read(false, 4));
    expect(chooseRead({ share: 0.025, single: false }, rows, 1 / 7)).toEqual(read(false, 4));
    // Several common words may share few rows or be one phrase: probe the newest months first.
    expect(chooseRead({ share: 0.025, single: false }, rows, 1)).toEqual(read(false, 1, true));
    // A rare word, and no statistics (a small desk).
    expect(chooseRead({ share: MATCH_CAP / rows / 2, single: true }, rows, 1)).toEqual(read(false, 1));
    expect(chooseRead(undefined, rows, 1)).toEqual(read(false, 1));
  });

  it("reads the filters' share of annotations from the index column's statistics", async () => {
    const d = await createWorkspace("Filter share desk");
    await annotateClaims({ workspaceId: d.workspace.id, author: d.reviewer, claims: [{ claim: "Tram fares rose" }] });
    await db.$executeRaw`ANALYZE "Annotation"`;
    expect(await filterShare(d.workspace.id, { types: ALL })).toBe(1);
    for (const filters of [
      { statuses: ["DRAFT" as const] },
      { verdictKeys: ["false", "true"], reviewerIds: [d.reviewer.userId] },
      { verdictKeys: ["no-such-verdict"] },
    ]) {
      const share = await filterShare(d.workspace.id, { types: ALL, ...filters });
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
  });
});

describe("search: filters inside the index", () => {
  it("keeps status, verdict and author lexemes current on the annotation, its notes and its sources", async () => {
    const d = await createWorkspace("Tag desk");
    const {
      ids: [id],
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [
        { claim: "Tram fares doubled", note: "Tram operator asked", sources: [{ url: "https://trams.example/f" }] },
      ],
    });
    const row = await db.annotation.findUniqueOrThrow({ where: { id }, include: { notes: true, sources: true } });
    const option = (key: string) => d.options.find((o) => o.key === key)!.id;
    const expectTags = async (status: AnnotationStatus, verdict: string, author: string) => {
      const tags = [`§r${author}`, `§s${status}`, `§v${option(verdict)}`].sort();
      expect(await tagsOf("Annotation", id)).toEqual(tags);
      expect(await tagsOf("Note", row.notes[0].id)).toEqual(tags);
      expect(await tagsOf("Source", row.sources[0].id)).toEqual(tags);
      // Found by each filter (walking and reading all), and not by another value of it.
      for (const walk of [true, false]) {
        expect(await search(d, { statuses: [status], verdictKeys: [verdict], reviewerIds: [author] }, walk, 1)).toEqual(
          [`annotation:${id}`, `note:${row.notes[0].id}`, `source:${row.sources[0].id}`].sort(),
        );
        expect(await search(d, { statuses: status === "DRAFT" ? ["PUBLISHED"] : ["DRAFT"] }, walk, 50)).toEqual([]);
        expect(await search(d, { verdictKeys: [verdict === "false" ? "true" : "false"] }, walk, 50)).toEqual([]);
      }
    };
    await expectTags("DRAFT", "false", d.reviewer.userId);
    // Review, publish and withdraw change the status; a verdict edit the option; reassignment the author.
    await db.annotation.update({ where: { id }, data: { status: "SUBMITTED" } });
    await expectTags("SUBMITTED", "false", d.reviewer.userId);
    await db.annotation.update({ where: { id }, data: { status: "PUBLISHED", approvedAt: new Date() } });
    await expectTags("PUBLISHED", "false", d.reviewer.userId);
    await db.annotation.update({ where: { id }, data: { verdictOptionId: option("misleading") } });
    await expectTags("PUBLISHED", "misleading", d.reviewer.userId);
    await db.annotation.update({ where: { id }, data: { authorId: d.editor.userId } });
    await expectTags("PUBLISHED", "misleading", d.editor.userId);
    await db.$executeRaw`UPDATE "Annotation" SET status = 'APPROVED', "verdictOptionId" = ${option("true")} WHERE id = ${id}`;
    await expectTags("APPROVED", "true", d.editor.userId);
    // A note or source written later takes the annotation's current lexemes.
    const later = await db.note.create({
      data: { annotationId: id, authorId: d.editor.userId, body: "Tram depot visited" },
    });
    expect(await tagsOf("Note", later.id)).toEqual(await tagsOf("Annotation", id));
    // A rebuild (a language change) writes them too.
    await db.$executeRaw`SELECT factmark_reindex_search(${d.workspace.id})`;
    expect(await tagsOf("Note", later.id)).toEqual(await tagsOf("Annotation", id));
    expect(await tagsOf("Source", row.sources[0].id)).toEqual(await tagsOf("Annotation", id));
  });

  it("a note written while a status change is uncommitted waits for it and takes the new lexemes", async () => {
    const d = await createWorkspace("Tag race desk");
    const {
      ids: [id],
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [{ claim: "Tram fares halved" }],
    });
    const review = new pg.Client(parseDatabaseUrl(process.env.DATABASE_URL!));
    await review.connect();
    try {
      await review.query("BEGIN");
      // Its retag of the annotation's notes cannot see a note another transaction has not committed.
      await review.query(`UPDATE "Annotation" SET status = 'SUBMITTED' WHERE id = $1`, [id]);
      // A Prisma query is sent when it is awaited or then'd: then'd here, so it runs now.
      let settled = false;
      const note = db.note
        .create({ data: { annotationId: id, authorId: d.editor.userId, body: "Tram depot asked" } })
        .finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false); // it waits for the status change to end
      await review.query("COMMIT");
      const written = await note;
      expect(await tagsOf("Note", written.id)).toEqual(await tagsOf("Annotation", id));
      expect(await tagsOf("Note", written.id)).toContain("§sSUBMITTED");
    } finally {
      await review.end();
    }
  });

  it("a filtered walk finds the same newest matches as reading every match, under any cap", async () => {
    const d = await createWorkspace("Filter walk desk");
    const statuses: AnnotationStatus[] = ["DRAFT", "APPROVED", "PUBLISHED"];
    const verdicts = ["false", "true", "misleading", "false"];
    // Twenty-four "tram" claims over a year, statuses, verdicts and authors in different rhythms,
    // every fifth with a "tram" note, and other words between.
    const claims = Array.from({ length: 24 }, (_, i) => ({
      claim: `Tram ridership ${i} rose`,
      status: statuses[i % 3],
      verdict: verdicts[i % 4],
      note: i % 5 === 0 ? `Tram count ${i} checked` : undefined,
    }));
    const first = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: claims.slice(0, 12),
    });
    const second = await annotateClaims({ workspaceId: d.workspace.id, author: d.editor, claims: claims.slice(12) });
    await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [{ claim: "Bus ridership fell" }],
    });
    const ids = [...first.ids, ...second.ids];
    for (const [i, id] of ids.entries()) {
      const at = new Date(Date.UTC(2025, 11 - Math.floor(i / 2), 20 - (i % 2), 12));
      await db.$executeRaw`UPDATE "Annotation" SET "createdAt" = ${at} WHERE id = ${id}`;
      await db.$executeRaw`UPDATE "Note" SET "createdAt" = ${at} WHERE "annotationId" = ${id}`;
    }
    const filterSets: Omit<SearchFilters, "types">[] = [
      { statuses: ["APPROVED"] },
      { verdictKeys: ["false"] },
      { reviewerIds: [d.editor.userId] },
      { statuses: ["APPROVED", "PUBLISHED"], verdictKeys: ["true", "misleading"] },
      { statuses: ["PUBLISHED"], reviewerIds: [d.reviewer.userId], createdFrom: new Date(Date.UTC(2025, 6, 1)) },
      { verdictKeys: ["mixed"] },
    ];
    for (const filters of filterSets) {
      const everything = await search(d, filters, false, 100);
      for (const cap of [1, 2, 3, 5, 50]) {
        const read = await search(d, filters, false, cap);
        // The cap is per kind (annotations, notes).
        for (const kind of ["annotation:", "note:"]) {
          const count = (rows: string[]) => rows.filter((r) => r.startsWith(kind)).length;
          expect(count(read)).toBe(Math.min(cap, count(everything)));
        }
        expect(await search(d, filters, true, cap), JSON.stringify({ filters, cap })).toEqual(read);
        // Walking at once (a common word under the filters), and a first read of several caps
        // (a few caps of matches, lib/search/plan.ts chooseRead): the same newest rows.
        expect(await search(d, filters, true, cap, { wide: true })).toEqual(read);
        // Probing the newest months first (several common words), busy or not: the same rows.
        expect(await search(d, filters, true, cap, { probe: true })).toEqual(read);
        for (const firstRead of [2, 4])
          expect(
            await search(d, filters, true, cap, { firstRead }),
            JSON.stringify({ filters, cap, firstRead }),
          ).toEqual(read);
      }
    }
    // The filters are exact: the newest three approved claims are rows 1, 4 and 7 (every third from the second).
    const newest = await search(d, { statuses: ["APPROVED"] }, true, 3);
    expect(newest.filter((r) => r.startsWith("annotation:"))).toEqual(
      [1, 4, 7].map((i) => `annotation:${ids[i]}`).sort(),
    );
    const approved = await search(d, { statuses: ["APPROVED"] }, true, 100);
    expect(approved.filter((r) => r.startsWith("annotation:"))).toEqual(
      ids
        .filter((_, i) => i % 3 === 1)
        .map((id) => `annotation:${id}`)
        .sort(),
    );
    expect(await search(d, { verdictKeys: ["mixed"] }, true, 50)).toEqual([]);
  });
});
