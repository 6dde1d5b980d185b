import "server-only";
import { db } from "../db/client";
import { maySeeEvent, visibilityOnArticles, isHiddenPerson } from "../access/visibility";
import { hasRole, type Role } from "../auth/roles";
import type { LoggedEvent } from "./log";
import { sseEvent } from "./sse";
import { listViewers, type Viewer } from "./streams";

/**
 * One event, framed for the wire, with its transaction: the stream leaves out what its position
 * already has and then moves the position (lib/live/stream.ts). Frames carry no SSE id.
 */
export type Frame = { txid: bigint; text: string };

/** Who a stream belongs to and what it follows: one article, or (articleId null) the person's own stream. */
export type Audience = { userId: string; workspaceId: string; role: Role; articleId: string | null };

const annotationSelect = {
  id: true,
  workspaceId: true,
  articleId: true,
  authorId: true,
  priorAuthorIds: true,
  start: true,
  end: true,
  claim: true,
  status: true,
  placement: true,
  version: true,
  revisionId: true,
  verdictOption: { select: { key: true, label: true, color: true } },
} as const;

/** Whether a stream follows this event at all (before visibility): its article, or for the own stream, what concerns the person. */
function follows(audience: Audience, event: LoggedEvent, authorId: string | null): boolean {
  if (event.workspaceId !== audience.workspaceId) return false;
  // A notification goes to its recipient's own stream only.
  if (event.type === "notification") return audience.articleId === null && event.data?.userId === audience.userId;
  if (audience.articleId !== null) return event.articleId === audience.articleId;
  // Review-queue arrivals for editors (someone else's submission).
  return (
    event.type === "annotation.status" &&
    event.data?.to === "SUBMITTED" &&
    hasRole(audience.role, "EDITOR") &&
    authorId !== audience.userId
  );
}

/**
 * Turns logged events into SSE frames for many streams with a fixed number of queries whatever
 * their number: the annotations, the actors' names, the open blinds of the people listening on
 * those articles (lib/access/visibility.ts decides, as for every read) and, for presence, the
 * viewers. Answers a function giving the frames one audience may receive, in log order.
 */
export async function prepareFrames(
  events: LoggedEvent[],
  audiences: Audience[],
): Promise<(audience: Audience) => Frame[]> {
  const relevant = events.filter((e) => audiences.some((a) => a.workspaceId === e.workspaceId));
  if (relevant.length === 0) return () => [];
  const annotationIds = [...new Set(relevant.flatMap((e) => (e.annotationId ? [e.annotationId] : [])))];
  const articleIds = [...new Set(relevant.flatMap((e) => (e.articleId ? [e.articleId] : [])))];
  const actorIds = [...new Set(relevant.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const presenceArticles = [...new Set(relevant.filter((e) => e.type === "presence").map((e) => e.articleId!))];
  const [annotations, actors, visibility, viewers] = await Promise.all([
    annotationIds.length
      ? db.annotation.findMany({ where: { id: { in: annotationIds } }, select: annotationSelect })
      : [],
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [],
    visibilityOnArticles(
      db,
      audiences.map((a) => ({ userId: a.userId, workspaceId: a.workspaceId })),
      articleIds,
    ),
    presenceArticles.length ? listViewers(presenceArticles) : new Map<string, Viewer[]>(),
  ]);
  const annotationById = new Map(annotations.map((a) => [a.id, a]));
  const actorById = new Map(actors.map((a) => [a.id, a]));
  // The frame of an event is the same for everyone who may receive it (except presence): built once.
  const shared = new Map<bigint, string>();
  const frameOf = (event: LoggedEvent) => {
    let frame = shared.get(event.id);
    if (frame === undefined) {
      const a = event.annotationId ? annotationById.get(event.annotationId) : undefined;
      const annotation = a && {
        id: a.id,
        revisionId: a.revisionId,
        start: a.start,
        end: a.end,
        claim: a.claim,
        status: a.status,
        placement: a.placement,
        version: a.version,
        verdict: a.verdictOption,
      };
      frame = sseEvent({ type: event.type, data: { ...base(event), ...event.data, annotation } });
      shared.set(event.id, frame);
    }
    return frame;
  };
  const base = (event: LoggedEvent) => ({
    articleId: event.articleId,
    annotationId: event.annotationId,
    actor: event.actorId ? (actorById.get(event.actorId) ?? null) : null,
    at: event.createdAt.toISOString(),
  });

  return (audience) => {
    const v = visibility.get(`${audience.workspaceId}:${audience.userId}`);
    if (!v) return [];
    const frames: Frame[] = [];
    for (const event of relevant) {
      const annotation = event.annotationId ? annotationById.get(event.annotationId) : null;
      if (event.annotationId && !annotation) continue;
      if (!follows(audience, event, annotation?.authorId ?? null) || !maySeeEvent(v, event, annotation ?? null))
        continue;
      if (event.type === "presence") {
        // People the listener is blinded from are left out of the list, like their work.
        const list = (viewers.get(event.articleId!) ?? []).filter(
          (p) => !isHiddenPerson(v, event.articleId!, p.userId),
        );
        frames.push({
          txid: event.txid,
          text: sseEvent({ type: "presence", data: { ...base(event), viewers: list } }),
        });
      } else {
        frames.push({ txid: event.txid, text: frameOf(event) });
      }
    }
    return frames;
  };
}
