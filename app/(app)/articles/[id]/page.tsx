import { getArticleForReading, type ArticleReading } from "@/lib/articles/queries";
import { getAnnotation, listAnnotationSummaries } from "@/lib/annotations/annotations";
import { packSummaries, type PackedSummaries } from "@/lib/annotations/summary-wire";
import { ANNOTATION_PARAM, annotationHref } from "@/lib/annotations/links";
import { AppError } from "@/lib/errors";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/format";
import { hasRole } from "@/lib/auth/roles";
import { ArticleWorkspace } from "@/components/annotate/ArticleWorkspace";
import { ArticleExportLinks } from "@/components/exchange/ArticleExportLinks";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationView } from "@/lib/annotations/view";
import { readLogPosition } from "@/lib/live/log";
import { getArticlePageContext } from "@/lib/articles/page-context";
import { EditorTools } from "@/components/annotate/EditorTools";
import { PRESENCE_SLOT_ID } from "@/components/annotate/LivePresence";

/** The annotation a link names (`?annotation=`), or null when it is gone or not the reader's to see. */
async function loadLinked(actor: Actor, annotationId: string | string[] | undefined): Promise<AnnotationView | null> {
  if (typeof annotationId !== "string") return null;
  try {
    return await getAnnotation({ actor, annotationId });
  } catch (error) {
    if (error instanceof AppError && ["NOT_FOUND", "BAD_REQUEST", "FORBIDDEN"].includes(error.code)) return null;
    throw error;
  }
}

/**
 * The article page. Its shell (header, title, meta) is sent as soon as the reader and the article
 * are known, so the browser fetches and compiles the page's scripts while the server reads the
 * rest and renders the article (#15); a long or slow list of annotations follows the article's
 * text as a streamed promise, so a heavily annotated article paints and hydrates while they are
 * read and sent. Every refusal (sign-in, 403, 404, a link naming another article) is decided before
 * anything is sent, so it still answers with its own status.
 */
export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const linkedId = (await searchParams)[ANNOTATION_PARAM];
  // The live position is read before the data (the page's stream starts there, so no change falls
  // in between), alongside the reader: one round trip for both.
  const [actor, livePosition] = await Promise.all([
    requirePageActor(typeof linkedId === "string" ? annotationHref(id, linkedId) : `/articles/${id}`),
    readLogPosition(),
  ]);
  // Everything is read at once, as before; only the article and the link are awaited here.
  const annotations = loadAnnotations(actor, id);
  const context = loadContext(actor, id);
  const [article, linked] = await loadPageData(() =>
    Promise.all([getArticleForReading({ actor, articleId: id }), loadLinked(actor, linkedId)]),
  );
  // An annotation's link names its article too; a link with the wrong one still finds it.
  if (linked && linked.articleId !== article.id) redirect(annotationHref(linked.articleId, linked.id));
  return (
    <main className="wide">
      <title>{article.title}</title>
      {article.section && <p className="muted">{article.section}</p>}
      <div className="article-title">
        <h1>{article.title}</h1>
        <div id={PRESENCE_SLOT_ID} />
      </div>
      <p className="article-meta">
        {[
          article.outlet,
          article.author,
          article.publishedAt && formatDate(article.publishedAt),
          `revision ${article.revision.number}`,
        ]
          .filter(Boolean)
          .join(" · ")}
        {article.sourceUrl && (
          <>
            {" · "}
            <a href={article.sourceUrl} rel="noopener noreferrer" target="_blank">
              Original
            </a>
          </>
        )}
      </p>
      <Suspense fallback={<p className="muted">Loading the article…</p>}>
        <ArticleSection
          actor={actor}
          article={article}
          linkedId={linkedId}
          linked={linked}
          livePosition={livePosition}
          annotations={annotations}
          context={context}
        />
      </Suspense>
    </main>
  );
}

/**
 * Started with the article's read, these are never awaited when the article itself is refused:
 * the page answers that refusal, and their own (the same one) must not be an unhandled rejection.
 */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The annotations' summaries, packed for the page (summary-wire.ts), and how many once they have been read. */
function loadAnnotations(actor: Actor, articleId: string) {
  // Refused (the article gone meanwhile), it rejects with Next's 404 or 403, which the page renders.
  const read: { done?: { packed: PackedSummaries; count: number } } = {};
  const promise = started(
    loadPageData(() => listAnnotationSummaries({ actor, articleId })).then((list) => {
      read.done = { packed: packSummaries(list), count: list.length };
      return read.done.packed;
    }),
  );
  return { promise, read };
}

/**
 * A list this short that the server has already read by the time the text is ready goes with
 * the text, so its highlights are in the page's first HTML; any other streams after the text, as
 * a promise (components/annotate/useStreamedAnnotations.tsx). Above it the editor paints the
 * highlights first anyway (ArticleEditor's PAINT_FIRST_ABOVE), and its payload would hold the text back.
 */
const SENT_WITH_TEXT_AT_MOST = 200;

/** Orphans, verdict choices, settings, the blind, people and assignments: one statement. */
const loadContext = (actor: Actor, articleId: string) => started(getArticlePageContext({ actor, articleId }));

/** Everything below the article's title: its actions, the editors' forms and the workspace. */
async function ArticleSection({
  actor,
  article,
  linkedId,
  linked,
  livePosition,
  annotations,
  context,
}: {
  actor: Actor;
  article: ArticleReading;
  linkedId: string | string[] | undefined;
  linked: AnnotationView | null;
  livePosition: string;
  annotations: ReturnType<typeof loadAnnotations>;
  context: ReturnType<typeof loadContext>;
}) {
  const { orphans, choices, settings, blind, people, assignments } = await loadPageData(() => context);
  const isEditor = hasRole(actor.role, "EDITOR");
  const mayRevise = isEditor || settings.reviewersMayAddArticles;
  return (
    <>
      {/* Not prefetched, as the header's links: the page's own load comes first (#15). */}
      <nav className="article-actions" aria-label="Article">
        {isEditor && (
          <Link href={`/articles/${article.id}/edit`} prefetch={false}>
            Edit details
          </Link>
        )}
        {mayRevise && (
          <Link href={`/articles/${article.id}/revise`} prefetch={false}>
            Revise text
          </Link>
        )}
        {article.revision.number > 1 && (
          <Link href={`/articles/${article.id}/revisions`} prefetch={false}>
            Revisions ({article.revision.number})
          </Link>
        )}
      </nav>
      {blind && (
        <p className="notice" role="status" data-testid="blind-notice">
          Blind second opinion: {blind.secondReviewer.name} is checking {blind.firstReviewer.name}&apos;s work. Until
          both have submitted, neither sees the other&apos;s annotations on this article.
        </p>
      )}
      {linkedId !== undefined && !linked && (
        <p className="notice" role="status" data-testid="linked-missing">
          The linked annotation is not here: it was deleted, or it is not yours to see yet.
        </p>
      )}
      <ArticleExportLinks articleId={article.id} />
      {isEditor && (
        <EditorTools
          articleId={article.id}
          people={people}
          assignments={assignments}
          choices={choices}
          blindOpen={Boolean(blind)}
        />
      )}
      <ArticleWorkspace
        // A revision, or an import that orphans some, starts the workspace afresh; a refresh's new
        // annotations replace the ones it holds (useStreamedAnnotations.tsx).
        key={`${article.revision.id}-${orphans.length}`}
        article={{
          id: article.id,
          revisionId: article.revision.id,
          value: article.revision.body,
        }}
        annotations={
          annotations.read.done && annotations.read.done.count <= SENT_WITH_TEXT_AT_MOST
            ? { packed: annotations.read.done.packed }
            : annotations.promise
        }
        initialOrphans={orphans}
        linked={linked}
        choices={choices}
        viewer={{ id: actor.userId, role: actor.role }}
        livePosition={livePosition}
      />
    </>
  );
}
