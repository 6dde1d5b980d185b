import type { Prisma } from "../db/generated/client";
import type { AnnotationStatus, Placement } from "../db/generated/enums";

/** What lib returns for an annotation: the API's JSON shape and the UI's state. */
export type SourceView = {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  excerpt: string | null;
  archiveUrl: string | null;
  accessedAt: string | null;
};

export type NoteView = {
  id: string;
  parentId: string | null;
  author: { id: string; name: string };
  /** Null once deleted; a deleted note stays in the thread only to hold its replies. */
  body: string | null;
  deleted: boolean;
  /** Optimistic concurrency: an edit or delete names it, and a stale one gets 409 with the current note. */
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type VerdictView = { key: string; label: string; color: string; rating: number | null };

/** The latest review decision, as the author sees it on their annotation. */
export type ReviewDecision = {
  fromStatus: AnnotationStatus;
  toStatus: AnnotationStatus;
  comment: string | null;
  by: string;
  at: string;
};

export type AnnotationView = {
  id: string;
  articleId: string;
  revisionId: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  claim: string;
  claimant: string | null;
  verdict: VerdictView;
  rationale: string | null;
  status: AnnotationStatus;
  /** ANCHORED; NEEDS_CHECK after a fuzzy move; ORPHANED (on an older revision) until re-placed. */
  placement: Placement;
  /** The last transition in the review workflow, with its comment; null before any. */
  lastReview: ReviewDecision | null;
  /**
   * Set on a correction of a published annotation: what it corrects (with its author, who keeps the
   * credit: the correction continues their check) and the public note.
   */
  correction: {
    of: { id: string; claim: string; verdict: VerdictView; author: { id: string; name: string } };
    note: string;
  } | null;
  /** When a published correction replaced this published annotation; it then leaves views and exports. */
  supersededAt: string | null;
  /** The live correction under way for this published annotation, if any. */
  correctedBy: { id: string; status: AnnotationStatus } | null;
  /** The earlier check ("Checked before") whose verdict, rationale and sources this one started from. */
  reusedFrom: { annotationId: string | null; referenceId: string | null } | null;
  author: { id: string; name: string };
  version: number;
  createdAt: string;
  updatedAt: string;
  sources: SourceView[];
  notes: NoteView[];
};

export const annotationInclude = {
  verdictOption: { select: { key: true, label: true, color: true, rating: true } },
  author: { select: { id: true, name: true } },
  sources: { orderBy: { position: "asc" } },
  notes: { orderBy: { createdAt: "asc" }, include: { author: { select: { id: true, name: true } } } },
  reviews: { orderBy: { createdAt: "asc" }, include: { editor: { select: { name: true } } } },
  corrects: {
    select: {
      id: true,
      claim: true,
      verdictOption: { select: { key: true, label: true, color: true, rating: true } },
      author: { select: { id: true, name: true } },
      importedAuthor: true,
    },
  },
  corrections: { where: { deletedAt: null }, select: { id: true, status: true } },
} satisfies Prisma.AnnotationInclude;

type AnnotationRow = Prisma.AnnotationGetPayload<{ include: typeof annotationInclude }>;
type NoteRow = AnnotationRow["notes"][number];

/** Who wrote it: for imported work the original author's name, otherwise the member's. */
const authorOf = (row: { author: { id: string; name: string }; importedAuthor: string | null }) => ({
  id: row.author.id,
  name: row.importedAuthor ?? row.author.name,
});

export function toNoteView(note: NoteRow): NoteView {
  return {
    id: note.id,
    parentId: note.parentId,
    author: authorOf(note),
    body: note.deletedAt ? null : note.body,
    deleted: note.deletedAt !== null,
    version: note.version,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}

/** Deleted notes stay in a thread only to hold live replies; the rest are left out entirely. */
export function liveThread<T extends { id: string; parentId: string | null; deletedAt: Date | null }>(notes: T[]): T[] {
  const hasLiveReply = new Set(notes.filter((n) => !n.deletedAt && n.parentId).map((n) => n.parentId));
  return notes.filter((n) => !n.deletedAt || hasLiveReply.has(n.id));
}

/** A source's content as the API and exports give it; the accessed date as YYYY-MM-DD. */
export function sourceContent(source: AnnotationRow["sources"][number]): Omit<SourceView, "id"> {
  return {
    url: source.url,
    title: source.title,
    publisher: source.publisher,
    excerpt: source.excerpt,
    archiveUrl: source.archiveUrl,
    accessedAt: source.accessedAt ? source.accessedAt.toISOString().slice(0, 10) : null,
  };
}

function lastDecision(reviews: AnnotationRow["reviews"]): ReviewDecision | null {
  const last = reviews.at(-1);
  return last
    ? {
        fromStatus: last.fromStatus,
        toStatus: last.toStatus,
        comment: last.comment,
        by: last.editor.name,
        at: last.createdAt.toISOString(),
      }
    : null;
}

export function toAnnotationView(row: AnnotationRow): AnnotationView {
  return {
    id: row.id,
    articleId: row.articleId,
    revisionId: row.revisionId,
    start: row.start,
    end: row.end,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    claim: row.claim,
    claimant: row.claimant,
    verdict: row.verdictOption,
    rationale: row.rationale,
    status: row.status,
    placement: row.placement,
    lastReview: lastDecision(row.reviews),
    correction: row.corrects
      ? {
          of: {
            id: row.corrects.id,
            claim: row.corrects.claim,
            verdict: row.corrects.verdictOption,
            author: authorOf(row.corrects),
          },
          note: row.correctionNote ?? "",
        }
      : null,
    supersededAt: row.supersededAt?.toISOString() ?? null,
    correctedBy: row.corrections[0] ?? null,
    reusedFrom:
      row.reusedFromId || row.reusedFromReferenceId
        ? { annotationId: row.reusedFromId, referenceId: row.reusedFromReferenceId }
        : null,
    author: authorOf(row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sources: row.sources.map((s) => ({ id: s.id, ...sourceContent(s) })),
    notes: liveThread(row.notes).map(toNoteView),
  };
}

/** The audit snapshot of an annotation: its editable content, not its bookkeeping. */
export function auditSnapshot(view: AnnotationView): Prisma.InputJsonObject {
  return {
    start: view.start,
    end: view.end,
    quote: view.quote,
    claim: view.claim,
    claimant: view.claimant,
    verdict: view.verdict.key,
    rationale: view.rationale,
    status: view.status,
    version: view.version,
    sources: view.sources.map(({ url, title, publisher, excerpt, archiveUrl, accessedAt }) => ({
      url,
      title,
      publisher,
      excerpt,
      archiveUrl,
      accessedAt,
    })),
  };
}

/** What the article page needs up front for highlights and the list; details load on open. */
export type AnnotationSummary = Pick<
  AnnotationView,
  "id" | "start" | "end" | "claim" | "verdict" | "status" | "placement" | "author" | "version"
> & {
  noteCount: number;
  /** For a correction: the author of the version it corrects, who keeps the credit ("corrected by" this one's author). */
  correctedFrom: { id: string; name: string } | null;
};

export function toSummary(view: AnnotationView): AnnotationSummary {
  const { id, start, end, claim, verdict, status, placement, author, version } = view;
  return {
    id,
    start,
    end,
    claim,
    verdict,
    status,
    placement,
    author,
    version,
    noteCount: view.notes.filter((n) => !n.deleted).length,
    correctedFrom: view.correction?.of.author ?? null,
  };
}
