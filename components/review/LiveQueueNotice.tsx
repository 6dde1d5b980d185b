"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useArticleEvents, type LiveEvent } from "@/components/annotate/useArticleEvents";

/**
 * The review queue's live side (the editor's own stream, from the log position the queue was
 * read at, so none falls in between): submissions that arrive while the queue is open are
 * announced with a count, and a click brings them in. The list is not reshuffled by itself, so
 * the item being reviewed and a comment being typed stay put. The notice floats over the page
 * (globals.css, .queue-arrivals): text appearing above the list must not move an item under a
 * finger or the pointer, and a line held for it would leave a blank band.
 */
export function LiveQueueNotice({ since }: { since: string }) {
  const router = useRouter();
  const [arrived, setArrived] = useState<string[]>([]);
  const onEvent = (event: LiveEvent) => {
    if (event.type === "annotation.status" && event.to === "SUBMITTED" && event.annotationId) {
      const id = event.annotationId;
      setArrived((current) => (current.includes(id) ? current : [...current, id]));
    }
  };
  useArticleEvents({ articleId: null, since, onEvent, onReset: () => router.refresh() });
  // The live region is on the page from the start, so screen readers announce what enters it.
  return (
    <p className="notice queue-arrivals" role="status" data-testid="queue-arrivals">
      {arrived.length > 0 && (
        <>
          {arrived.length === 1 ? "1 new submission" : `${arrived.length} new submissions`} arrived.{" "}
          <button
            type="button"
            className="link"
            onClick={() => {
              setArrived([]);
              router.refresh();
            }}
          >
            Show
          </button>
        </>
      )}
    </p>
  );
}
