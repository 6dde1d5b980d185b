"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "next/navigation";
import dynamic from "next/dynamic";
import { ANNOTATION_PARAM } from "@/lib/annotations/links";
import type { ArticleValue } from "@/lib/articles/slate-value";
import { toSummary, type AnnotationSummary, type AnnotationView } from "@/lib/annotations/view";
import type { VerdictChoice } from "@/lib/verdicts/queries";
import type { TextSpan } from "@/lib/anchoring/offsets";
import { hasRole, type Role } from "@/lib/auth/roles";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { ArticleEditor } from "./ArticleEditor";
import { AnnotationList } from "./AnnotationList";
import { VerdictChip } from "./VerdictChip";
import { annotationApi } from "./api-client";
import { OrphanList } from "./OrphanList";
import type { OrphanSummary } from "@/lib/annotations/annotations";
import { useLiveArticle } from "./useLiveArticle";
import { LivePresence, PanelNotices, RevisionBanner } from "./LivePresence";
import { DraftScope } from "@/components/shared/useLocalDraft";
import { UnsavedAnnotations } from "./UnsavedAnnotations";
import { INTERACTIVE_MARK } from "./interactive-mark";
import { isAnnotateShortcut } from "./annotate-shortcut";
import { byPosition, useStreamedAnnotations, type SentAnnotations } from "./useStreamedAnnotations";
// Run with the page's first code, before React can render the server's detail anew and drop what
// was typed into it: the module keeps that text for the detail's fields (useTypedBeforeHydration.ts).
import "@/components/shared/useTypedBeforeHydration";

// The form (with zod's schemas) and the detail (notes, history, review actions, corrections) are
// not needed before the first interaction: their code loads apart from the page's and is fetched
// once the page is interactive (#15). A deep link's detail is rendered by the server and its code
// sent with the page; the page turns interactive only once that detail has hydrated too, so its
// buttons work as soon as the page says so.
const loadForm = () => import("./AnnotationForm").then((m) => m.AnnotationForm);
const loadDetail = () => import("./AnnotationDetail").then((m) => m.AnnotationDetail);
const loading = () => <p className="muted">Loading…</p>;
const AnnotationForm = dynamic(loadForm, { loading });
const AnnotationDetail = dynamic(loadDetail, { loading });

type Props = {
  /** The revision's Slate value; its canonical text is derived here rather than sent twice. */
  article: { id: string; revisionId: string; value: ArticleValue };
  /** The summaries, sent with the text or streamed after it (useStreamedAnnotations.tsx). */
  annotations: SentAnnotations;
  /** Annotations the latest revision could not follow. */
  initialOrphans: OrphanSummary[];
  /** The annotation the page's link names, opened in the panel. */
  linked: AnnotationView | null;
  choices: VerdictChoice[];
  viewer: { id: string; role: Role };
  /** The live event log position the page's data was read at (lib/live/log.ts). */
  livePosition: string;
};

type Panel =
  | { kind: "list" }
  | { kind: "create"; span: TextSpan }
  | { kind: "detail"; id: string }
  | { kind: "edit"; id: string }
  | { kind: "here"; ids: string[] };

/** The annotation a panel shows, if any: what the URL names. */
const openIdOf = (panel: Panel) => (panel.kind === "detail" || panel.kind === "edit" ? panel.id : null);

/** Marks every highlight of one annotation with a class for a moment, without re-rendering Slate. */
function markHighlights(id: string, className: string, durationMs?: number) {
  const marks = document.querySelectorAll<HTMLElement>(`mark[data-annotation-ids~="${CSS.escape(id)}"]`);
  marks.forEach((mark) => mark.classList.add(className));
  if (durationMs) setTimeout(() => marks.forEach((mark) => mark.classList.remove(className)), durationMs);
  return marks;
}

/** Flashes an annotation's highlights and scrolls the first into view unless it is already on screen. */
function reveal(id: string) {
  const [first] = markHighlights(id, "flash", 1600);
  if (!first) return;
  const box = first.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

/** The article page's working surface: the Slate article, the selection toolbar and the side panel. */
export function ArticleWorkspace({
  article: sent,
  annotations: sentAnnotations,
  initialOrphans,
  linked,
  choices,
  viewer,
  livePosition,
}: Props) {
  const article = useMemo(() => ({ ...sent, text: canonicalText(sent.value) }), [sent]);
  const { annotations, arrived, change } = useStreamedAnnotations(sentAnnotations);
  const [orphans, setOrphans] = useState(initialOrphans);
  const [selection, setSelection] = useState<TextSpan | null>(null);
  const [toolbarAt, setToolbarAt] = useState<{ top: number; left: number } | null>(null);
  const [panel, setPanel] = useState<Panel>(linked ? { kind: "detail", id: linked.id } : { kind: "list" });

  // The URL names the open annotation, so it can be shared and Back returns to the list. `show`
  // is how the user moves the panel (it pushes a history entry when the open annotation changes);
  // the effect below follows the URL when Back or Forward moves it.
  const show = useCallback((next: Panel, { replace = false } = {}) => {
    setPanel(next);
    const id = openIdOf(next);
    const url = new URL(window.location.href);
    if (url.searchParams.get(ANNOTATION_PARAM) === id) return;
    if (id) url.searchParams.set(ANNOTATION_PARAM, id);
    else url.searchParams.delete(ANNOTATION_PARAM);
    window.history[replace ? "replaceState" : "pushState"](null, "", url);
  }, []);
  const linkedId = useSearchParams().get(ANNOTATION_PARAM);
  const [followedId, setFollowedId] = useState(linkedId);
  if (followedId !== linkedId) {
    // Adjusted while rendering (React's pattern for state that follows an outside value).
    setFollowedId(linkedId);
    if (openIdOf(panel) !== linkedId) setPanel(linkedId ? { kind: "detail", id: linkedId } : { kind: "list" });
  }
  useEffect(() => {
    if (linkedId && arrived) reveal(linkedId);
  }, [linkedId, arrived]);
  const surface = useRef<HTMLDivElement>(null);
  // Full annotations (context, sources, notes) are fetched when opened and kept here.
  const [details, setDetails] = useState<Record<string, AnnotationView>>(() => (linked ? { [linked.id]: linked } : {}));

  // Selections made before hydration reach no handler: mark the page once they will, and once
  // a detail the server rendered has hydrated (its code loads apart), so its buttons work too.
  // (Tests and the benchmark wait for data-interactive.)
  const root = useRef<HTMLDivElement>(null);
  const interactive = useRef(false);
  const markInteractive = useCallback(() => {
    if (interactive.current) return;
    interactive.current = true;
    if (root.current) root.current.dataset.interactive = "true";
    performance.mark(INTERACTIVE_MARK);
    // Fetch the form's and the detail's code while the reader reads, so they open without a wait.
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void Promise.all([loadForm(), loadDetail()]).catch(() => undefined));
  }, []);
  const detailShown = panel.kind === "detail" && Boolean(details[panel.id]);
  useEffect(() => {
    if (!detailShown) markInteractive();
  }, [detailShown, markInteractive]);
  const [loadError, setLoadError] = useState<string | null>(null);

  const upsert = useCallback(
    (annotation: AnnotationView) => {
      // A published correction replaces the annotation it corrects.
      const replaced = annotation.status === "PUBLISHED" ? annotation.correction?.of.id : undefined;
      const summary = toSummary(annotation);
      change((current) =>
        [...current.filter((a) => a.id !== annotation.id && a.id !== replaced), summary].sort(byPosition),
      );
      setDetails((current) => ({ ...current, [annotation.id]: annotation }));
    },
    [change],
  );

  const remove = useCallback(
    (id: string) => {
      change((current) => current.filter((a) => a.id !== id));
      setDetails((current) => {
        const rest = { ...current };
        delete rest[id];
        return rest;
      });
    },
    [change],
  );
  const live = useLiveArticle({
    article,
    viewerId: viewer.id,
    since: livePosition,
    editingId: panel.kind === "edit" ? panel.id : null,
    versionOf: (id) => details[id]?.version,
    upsert,
    remove,
    setOrphans,
  });

  // The span as the last selectionchange left it, set synchronously: a shortcut pressed before
  // React has rendered that selection (a busy main thread) annotates it, not the one before.
  const spanNow = useRef<TextSpan | null>(null);
  const onSelectSpan = useCallback((span: TextSpan | null) => {
    spanNow.current = span;
    setSelection(span);
  }, []);

  const openAnnotate = useCallback(() => {
    const span = spanNow.current;
    if (!span) return;
    show({ kind: "create", span });
    setToolbarAt(null);
  }, [show]);

  // Place the toolbar centred just above the browser's selection.
  useEffect(() => {
    const range = selection && window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0) : null;
    if (!range || !surface.current) return setToolbarAt(null);
    const box = range.getBoundingClientRect();
    const origin = surface.current.getBoundingClientRect();
    setToolbarAt({ top: box.top - origin.top - 40, left: Math.max(0, box.left - origin.left + box.width / 2 - 60) });
  }, [selection]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isAnnotateShortcut(event) && spanNow.current) {
        event.preventDefault();
        openAnnotate();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [openAnnotate]);

  // The open annotation's highlights stay marked while it is open.
  const openId = openIdOf(panel);
  useEffect(() => {
    if (!openId) return;
    const marks = markHighlights(openId, "active");
    return () => marks.forEach((mark) => mark.classList.remove("active"));
  }, [openId, annotations]);

  const choose = useCallback((id: string) => show({ kind: "detail", id }), [show]);

  const onHighlightClick = useCallback(
    (ids: string[]) => show(ids.length === 1 ? { kind: "detail", id: ids[0] } : { kind: "here", ids }),
    [show],
  );

  useEffect(() => {
    if (!openId || details[openId]) return;
    let current = true;
    annotationApi.get(openId).then((result) => {
      if (!current) return;
      setLoadError(result.ok ? null : result.error.message);
      if (result.ok) setDetails((loaded) => ({ ...loaded, [openId]: result.data }));
    });
    return () => {
      current = false;
    };
  }, [openId, details]);

  const find = (id: string) => annotations.find((a) => a.id === id);
  const mayChange = (authorId: string) => authorId === viewer.id || hasRole(viewer.role, "EDITOR");
  const canChange = (a: AnnotationView) => mayChange(a.author.id);

  function renderPanel() {
    if (panel.kind === "create") {
      const { start, end } = panel.span;
      return (
        <AnnotationForm
          key={`create-${start}-${end}`}
          target={{
            kind: "create",
            articleId: article.id,
            revisionId: article.revisionId,
            start,
            end,
            quote: article.text.slice(start, end),
          }}
          choices={choices}
          onSaved={(created) => {
            upsert(created);
            show({ kind: "detail", id: created.id });
            window.getSelection()?.removeAllRanges();
          }}
          onCancel={() => show({ kind: "list" })}
          onNewerVersion={upsert}
        />
      );
    }
    if (panel.kind === "here") {
      const here = panel.ids.map(find).filter((a): a is AnnotationSummary => Boolean(a));
      return (
        <section aria-labelledby="here-heading">
          <h2 id="here-heading">{here.length} annotations cover this text</h2>
          <ul className="entries">
            {here.map((a) => (
              <li key={a.id}>
                <button type="button" className="entry" onClick={() => show({ kind: "detail", id: a.id })}>
                  <VerdictChip verdict={a.verdict} /> <span className="entry-claim">{a.claim}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="link" onClick={() => show({ kind: "list" })}>
            Back to list
          </button>
        </section>
      );
    }
    const open = openId ? details[openId] : undefined;
    if (openId && !open) {
      return loadError ? (
        <p className="error" role="alert">
          {loadError}
        </p>
      ) : (
        <p className="muted">Loading…</p>
      );
    }
    if (open && panel.kind === "edit") {
      return (
        <AnnotationForm
          key={`edit-${open.id}`}
          target={{ kind: "edit", annotation: open }}
          choices={choices}
          onSaved={(saved) => {
            upsert(saved);
            show({ kind: "detail", id: saved.id });
          }}
          onCancel={() => show({ kind: "detail", id: open.id })}
          onNewerVersion={upsert}
        />
      );
    }
    if (open) {
      return (
        <AnnotationDetail
          annotation={open}
          viewerId={viewer.id}
          viewerRole={viewer.role}
          canChange={canChange(open)}
          onEdit={() => show({ kind: "edit", id: open.id })}
          onDeleted={(id) => {
            remove(id);
            // Back must not lead to the annotation that is gone.
            show({ kind: "list" }, { replace: true });
          }}
          onNotesChange={(notes) => upsert({ ...open, notes })}
          onChanged={upsert}
          onOpen={(id) => show({ kind: "detail", id })}
          onCorrectionStarted={(correction) => {
            upsert(correction);
            setDetails((current) => ({
              ...current,
              [open.id]: { ...open, correctedBy: { id: correction.id, status: correction.status } },
            }));
            show({ kind: "edit", id: correction.id });
          }}
          onClose={() => show({ kind: "list" })}
          onReady={markInteractive}
        />
      );
    }
    return (
      <>
        <UnsavedAnnotations article={article} onResume={(span) => show({ kind: "create", span })} />
        <OrphanList
          orphans={orphans}
          selection={selection}
          article={article}
          canChange={mayChange}
          onPlaced={(placed) => {
            // The selection did its job: drop it, and the Annotate toolbar with it, off the new highlight.
            // After this render has committed (a task later), or Slate would draw it again.
            setTimeout(() => window.getSelection()?.removeAllRanges(), 0);
            setOrphans((current) => current.filter((o) => o.id !== placed.id));
            upsert(placed);
          }}
          onDismissed={(id) => setOrphans((current) => current.filter((o) => o.id !== id))}
        />
        <AnnotationList annotations={annotations} arrived={arrived} choices={choices} onChoose={choose} />
      </>
    );
  }

  return (
    // Drafts kept in local storage belong to this person on this article.
    <DraftScope value={`${viewer.id}:${article.id}`}>
      <div className="workspace" ref={root}>
        <LivePresence viewers={live.viewers} viewerId={viewer.id} />
        {live.revised && <RevisionBanner revision={live.revised.revision} by={live.revised.by} />}
        <div className="article-surface" ref={surface}>
          <ArticleEditor
            value={article.value}
            annotations={annotations}
            onSelectSpan={onSelectSpan}
            onHighlightClick={onHighlightClick}
          />
          {toolbarAt && selection && (
            <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={toolbarAt}>
              <button
                type="button"
                className="primary"
                onMouseDown={(e) => e.preventDefault()}
                onClick={openAnnotate}
                aria-keyshortcuts="Control+Alt+M"
              >
                Annotate <kbd>Ctrl+Alt+M</kbd>
              </button>
            </div>
          )}
        </div>
        <aside className="side-panel" aria-label="Annotations panel">
          {openId && (
            <PanelNotices
              viewers={live.viewers}
              viewerId={viewer.id}
              annotationId={openId}
              changedBy={live.changedBy}
            />
          )}
          {renderPanel()}
        </aside>
      </div>
    </DraftScope>
  );
}
