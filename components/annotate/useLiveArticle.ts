"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { AnnotationView } from "@/lib/annotations/view";
import type { OrphanSummary } from "@/lib/annotations/annotations";
import { annotationApi } from "./api-client";
import { useArticleEvents, useEditingReport, type LiveEvent } from "./useArticleEvents";

type Options = {
  article: { id: string; revisionId: string };
  viewerId: string;
  /** The event log position the page's data was read at. */
  since: string;
  /** The annotation whose form this tab has open, if any. */
  editingId: string | null;
  /** The version of an annotation the page holds, to ignore answers older than it. */
  versionOf: (id: string) => number | undefined;
  upsert: (annotation: AnnotationView) => void;
  remove: (id: string) => void;
  setOrphans: (update: (orphans: OrphanSummary[]) => OrphanSummary[]) => void;
};

const toOrphan = (a: AnnotationView): OrphanSummary => ({
  id: a.id,
  quote: a.quote,
  claim: a.claim,
  verdict: a.verdict,
  author: a.author,
  version: a.version,
  reason: null,
});

/**
 * The article page's live side: each event about an annotation re-reads it through the API (so
 * what the page shows passes the same visibility rule as any read) and updates highlights, list,
 * detail, notes and status; a form open on it is left alone and told who changed it. A revision
 * becomes a banner; presence comes from the stream.
 */
export function useLiveArticle(options: Options) {
  const router = useRouter();
  const [revised, setRevised] = useState<{ revision: number; by: string | null } | null>(null);
  const [changedBy, setChangedBy] = useState<Record<string, string>>({});
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  // A notice belongs to one editing session: closing or switching the form clears it.
  const [trackedEditing, setTrackedEditing] = useState(options.editingId);
  if (trackedEditing !== options.editingId) {
    setTrackedEditing(options.editingId);
    setChangedBy({});
  }

  const onEvent = useCallback(async (event: LiveEvent) => {
    const { article, viewerId, upsert, remove, setOrphans, versionOf, editingId } = latest.current;
    if (event.type === "article.revised") {
      if (event.revision) setRevised({ revision: event.revision, by: event.actor?.name ?? null });
      return;
    }
    const id = event.annotationId;
    if (!id) return;
    if (event.actor && event.actor.id !== viewerId && id === editingId)
      setChangedBy((current) => ({ ...current, [id]: event.actor!.name }));
    if (event.type === "annotation.deleted") return remove(id);
    const result = await annotationApi.get(id);
    if (!result.ok) {
      // Gone, or no longer the reader's to see.
      if (result.error.status === 404) remove(id);
      return;
    }
    const fresh = result.data;
    if ((versionOf(id) ?? 0) > fresh.version) return;
    if (fresh.placement === "DISMISSED" || fresh.supersededAt) return remove(id);
    if (fresh.placement === "ORPHANED") {
      remove(id);
      setOrphans((current) => [...current.filter((o) => o.id !== id), toOrphan(fresh)]);
      return;
    }
    // Work on another revision than the page shows waits for the reload the banner offers.
    if (fresh.revisionId !== article.revisionId) return;
    setOrphans((current) => current.filter((o) => o.id !== id));
    upsert(fresh);
  }, []);

  const { streamId, viewers } = useArticleEvents({
    articleId: options.article.id,
    since: options.since,
    onEvent,
    onReset: () => router.refresh(),
  });
  useEditingReport(streamId, options.editingId);
  return { viewers, revised, changedBy: options.editingId ? changedBy[options.editingId] : undefined };
}
