import { z } from "zod";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { newId } from "../db/ids";
import { requireRole, type Actor } from "../auth/actor";
import { recordAudits } from "../audit/record";
import { anchorFor } from "../anchoring/anchor";
import { locateQuote } from "../anchoring/locate";
import { lockArticle } from "../articles/lock";
import { AppError, notFound } from "../errors";
import { NATIVE_FORMAT } from "../export/native-format";
import { idSchema, parseInput, safeString } from "../validation";
import {
  describeIssues,
  importedContentSchema,
  type ImportedContent,
  type ImportItem,
  type ImportProblem,
} from "./item";
import { readNative } from "./native";
import { readW3c } from "./w3c";

/** Annotations written per round of inserts: keeps each statement's parameters well under PostgreSQL's limit. */
const WRITE_BATCH = 500;

/** Documented limits (README): a bigger file is 413 before it is parsed. */
export const IMPORT_LIMITS = { bytes: 10 * 1024 * 1024, annotations: 5_000 } as const;

export const importOptionsSchema = z.object({
  /** Import the annotations that anchor and report the rest, instead of refusing the file. */
  skipUnanchored: z
    .preprocess(
      (v) => (v === "true" ? true : v === "false" ? false : v),
      z.boolean({ message: "skipUnanchored must be true or false" }),
    )
    .default(false),
  /** The verdict (key or label) for annotations whose file gives none, such as Hypothesis notes. */
  defaultVerdict: safeString("defaultVerdict")
    .trim()
    .min(1, "defaultVerdict must not be empty")
    .max(64, "defaultVerdict: unknown verdict")
    .optional(),
});

export type ImportReport = {
  format: "factmark.v1" | "w3c";
  imported: { index: number; id: string; method: "position" | "quote" }[];
  /** Already imported into this article from the same source id: left as they are. */
  skipped: { index: number; id: string }[];
  /** Not found in the text; only when the caller asked to import the rest. */
  unanchored: ImportProblem[];
};

/**
 * Imports annotations from a factmark.v1 or W3C file into the article's current revision. The
 * whole file is checked first, and written in one transaction: all or nothing. Each annotation is
 * placed by its position when the quote is there, else by its quote (prefix and suffix choose
 * between repeats). Problems come back together, each with the item's index (400); quotes that
 * cannot be found give 409 listing them, unless `skipUnanchored` asks to import the rest.
 * Imported work arrives as drafts for this desk's own review, authored by the importer and
 * crediting the original author by name. Editors and admins only.
 */
export async function importAnnotations(options: {
  actor: Actor | null;
  articleId: unknown;
  document: unknown;
  options?: unknown;
  /** Hears how far checking and then writing have got, for progress bars. */
  onProgress?: (phase: "checking" | "writing", done: number, total: number) => void;
}): Promise<ImportReport> {
  const actor = requireRole(options.actor, "EDITOR");
  const settings = parseInput(importOptionsSchema, options.options ?? {});
  const articleId = parseInput(idSchema, options.articleId);
  const article = await db.article.findFirst({
    where: { id: articleId, workspaceId: actor.workspaceId },
    select: { id: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) throw notFound("Article");

  const isNative = typeof options.document === "object" && options.document !== null && "format" in options.document;
  if (isNative && (options.document as { format: unknown }).format !== NATIVE_FORMAT) {
    throw new AppError(
      "BAD_REQUEST",
      `Unknown format ${JSON.stringify((options.document as { format: unknown }).format)}: this version reads ${NATIVE_FORMAT} and W3C Web Annotations`,
    );
  }
  const { items, problems } = isNative ? readNative(options.document) : readW3c(options.document, revision.text);
  const count = items.length + new Set(problems.map((p) => p.index).filter((i) => i !== null)).size;
  if (count > IMPORT_LIMITS.annotations) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The file holds ${count} annotations; at most ${IMPORT_LIMITS.annotations} can be imported at once`,
    );
  }

  const verdicts = await verdictResolver(actor);
  const seen = new Set<string>();
  const placed: Omit<Placed, "id">[] = [];
  const unanchored: ImportProblem[] = [];
  for (const item of items) {
    if (item.index % 100 === 0) options.onProgress?.("checking", item.index, items.length);
    const itemProblems: string[] = [];
    const content = importedContentSchema.safeParse(item);
    if (!content.success) itemProblems.push(...describeIssues(content.error));
    if (seen.has(item.externalId)) itemProblems.push(`id ${JSON.stringify(item.externalId)} appears twice in the file`);
    seen.add(item.externalId);
    const verdict = verdicts(item.verdict ?? settings.defaultVerdict);
    if (typeof verdict !== "string") itemProblems.push(verdict.problem);
    itemProblems.push(...threadProblems(item));
    if (itemProblems.length > 0 || typeof verdict !== "string") {
      problems.push(...itemProblems.map((reason) => ({ index: item.index, reason })));
      continue;
    }
    const located = locateQuote(revision.text, item.selector);
    if ("problem" in located) unanchored.push({ index: item.index, reason: located.problem });
    else placed.push({ item: { ...item, ...content.data! }, verdictOptionId: verdict, ...located });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
    throw new AppError(
      "BAD_REQUEST",
      `The file has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was imported`,
      { problems },
    );
  }
  if (unanchored.length > 0 && !settings.skipUnanchored) {
    throw new AppError(
      "CONFLICT",
      placed.length === 0
        ? `None of the ${items.length} annotations could be found in the article's text; nothing was imported`
        : `${unanchored.length} of ${items.length} annotations could not be found in the article's text; nothing was imported. ` +
            `Import the other ${placed.length} with skipUnanchored`,
      { problems: unanchored, importable: placed.length },
    );
  }

  try {
    return await db.$transaction(
      async (tx) => {
        // Placed against `revision`: a revision committed since would leave these behind on the old text.
        await lockArticle(tx, { articleId: article.id, workspaceId: actor.workspaceId }, "share");
        const current = await tx.articleRevision.findFirstOrThrow({
          where: { articleId: article.id },
          orderBy: { number: "desc" },
          select: { id: true },
        });
        if (current.id !== revision.id)
          throw new AppError(
            "CONFLICT",
            "The article was revised while the file was being checked; nothing was imported: import it again",
          );
        const ownIds = placed.map((p) => ownAnnotationId(p.item.externalId)).filter((id): id is string => id !== null);
        const existing = await tx.annotation.findMany({
          where: {
            articleId: article.id,
            OR: [{ externalId: { in: placed.map((p) => p.item.externalId) } }, { id: { in: ownIds } }],
          },
          select: { id: true, externalId: true },
        });
        // An item is already here when an earlier import brought it, or when it is one of ours (its id, from our own export).
        const byExternal = new Map(
          existing.flatMap((row) => (row.externalId ? [[row.externalId, row.id] as const] : [])),
        );
        const byOwn = new Set(existing.map((row) => row.id));
        const existingIds = new Map(
          placed.flatMap((p) => {
            const own = ownAnnotationId(p.item.externalId);
            const id = byExternal.get(p.item.externalId) ?? (own && byOwn.has(own) ? own : undefined);
            return id ? [[p.item.externalId, id] as const] : [];
          }),
        );
        const fresh = placed.filter((p) => !existingIds.has(p.item.externalId)).map((p) => ({ ...p, id: newId() }));
        const target = {
          workspaceId: actor.workspaceId,
          articleId: article.id,
          revisionId: revision.id,
          text: revision.text,
        };
        for (let done = 0; done < fresh.length; done += WRITE_BATCH) {
          options.onProgress?.("writing", done, fresh.length);
          await writeAnnotations(tx, actor, target, fresh.slice(done, done + WRITE_BATCH));
        }
        options.onProgress?.("writing", fresh.length, fresh.length);
        await recordAudits(
          tx,
          actor,
          fresh.map(({ id, item }) => ({
            entityType: "annotation",
            entityId: id,
            action: "import",
            after: {
              externalId: item.externalId,
              quote: item.selector.exact,
              claim: item.claim,
              verdict: item.verdict,
            },
          })),
        );
        return {
          format: isNative ? NATIVE_FORMAT : "w3c",
          imported: fresh.map(({ item, id, method }) => ({ index: item.index, id, method })),
          skipped: placed
            .filter((p) => existingIds.has(p.item.externalId))
            .map((p) => ({ index: p.item.index, id: existingIds.get(p.item.externalId)! })),
          unanchored,
        };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    // The same file imported twice at once: the unique (article, externalId) index lets one through.
    if ((error as { code?: string }).code === "P2002")
      throw new AppError(
        "CONFLICT",
        "These annotations are being imported by another request right now; nothing was imported from this one: import it again to skip those already imported",
      );
    throw error;
  }
}

/**
 * Our own annotation id in an item's id: a native export gives it as is, a W3C export as the
 * annotation's IRI (…/api/annotations/<id>). Null for anyone else's ids.
 */
function ownAnnotationId(externalId: string): string | null {
  const id = /^(?:https?:\/\/[^\s]*\/api\/annotations\/)?([a-z0-9]{20,40})$/.exec(externalId)?.[1];
  return id && idSchema.safeParse(id).success ? id : null;
}

/** Matches a file's verdict (a key, or a label in any case) to an unretired option of the scale. */
async function verdictResolver(actor: Actor) {
  const options = await db.verdictOption.findMany({
    where: { scale: { workspaceId: actor.workspaceId } },
    select: { id: true, key: true, label: true, retiredAt: true },
  });
  return (wanted: string | null | undefined): { problem: string } | string => {
    if (!wanted) return { problem: "no verdict: the file gives none, and no default verdict was chosen" };
    const option =
      options.find((o) => o.key === wanted) ??
      options.find((o) => o.label.toLowerCase() === wanted.trim().toLowerCase());
    if (!option) return { problem: `verdict "${wanted}" is not an option of this workspace's scale` };
    if (option.retiredAt) return { problem: `verdict "${wanted}" is retired in this workspace` };
    return option.id;
  };
}

/** Every reply must answer a note that comes before it in the same annotation. */
function threadProblems(item: ImportItem): string[] {
  const before = new Set<string>();
  const problems: string[] = [];
  for (const note of item.notes) {
    if (note.parentExternalId !== null && !before.has(note.parentExternalId))
      problems.push(
        `note ${note.externalId} answers ${note.parentExternalId}, which is not an earlier note of this annotation`,
      );
    before.add(note.externalId);
  }
  return problems;
}

/** An item whose content passed the rules (trimmed, sources parsed) and that found its place. */
type CheckedItem = Omit<ImportItem, keyof ImportedContent> & ImportedContent;
type Placed = {
  id: string;
  item: CheckedItem;
  verdictOptionId: string;
  start: number;
  end: number;
  method: "position" | "quote";
};
type Target = { workspaceId: string; articleId: string; revisionId: string; text: string };

/** Annotations, their sources and notes in three bulk inserts. */
async function writeAnnotations(tx: Prisma.TransactionClient, actor: Actor, target: Target, placed: Placed[]) {
  const { text, ...where } = target;
  await tx.annotation.createMany({
    data: placed.map(({ id, item, verdictOptionId, start, end }) => ({
      id,
      ...where,
      ...anchorFor(text, start, end),
      claim: item.claim,
      claimant: item.claimant,
      verdictOptionId,
      rationale: item.rationale,
      authorId: actor.userId,
      externalId: item.externalId,
      importedAuthor: item.authorName,
    })),
  });
  await tx.source.createMany({
    data: placed.flatMap(({ id, item }) =>
      item.sources.map((source, position) => ({ ...source, annotationId: id, position })),
    ),
  });
  const noteIds = new Map<string, string>();
  const now = new Date();
  await tx.note.createMany({
    data: placed.flatMap(({ id, item }) =>
      item.notes.map((note) => {
        const noteId = newId();
        noteIds.set(`${id} ${note.externalId}`, noteId);
        return {
          id: noteId,
          annotationId: id,
          parentId: note.parentExternalId === null ? null : noteIds.get(`${id} ${note.parentExternalId}`)!,
          authorId: actor.userId,
          importedAuthor: note.authorName,
          body: note.body ?? "",
          deletedAt: note.body === null ? now : null,
        };
      }),
    ),
  });
}
