import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData, withFilterProblem } from "@/lib/http/page-data";
import { listReviewQueue, QUEUE_LIMIT } from "@/lib/reviews/queue";
import { ReviewQueue } from "@/components/review/ReviewQueue";
import { LiveQueueNotice } from "@/components/review/LiveQueueNotice";
import { readLogPosition } from "@/lib/live/log";
import { FilterProblem, FilterSelect } from "@/components/shell/FilterSelect";
import { listFilterOptions } from "@/lib/dashboard/page-options";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const filters = await searchParams;
  const actor = await requirePageActor("/review");
  // Nonsense filters (a malformed id, say) get their message on the page; other refusals (a
  // reviewer's 403) go to the usual pages.
  // Read before the queue: its live notice starts here, so no submission falls in between.
  const livePosition = await readLogPosition();
  const [{ data: items = [], problem }, options] = await loadPageData(() =>
    Promise.all([withFilterProblem(listReviewQueue({ actor, filters })), listFilterOptions({ actor })]),
  );
  return (
    <main>
      <h1>Review queue</h1>
      <form method="get" className="form-row" aria-label="Queue filters">
        <FilterSelect name="article" label="Article" options={options.articles} value={filters.article} />
        <FilterSelect name="reviewer" label="Reviewer" options={options.reviewers} value={filters.reviewer} />
        <FilterSelect name="verdict" label="Verdict" options={options.verdicts} value={filters.verdict} />
        <div>
          <button type="submit">Filter</button>
        </div>
      </form>
      {problem && <FilterProblem problem={problem} />}
      <p className="muted">
        {items.length} waiting, oldest first
        {items.length === QUEUE_LIMIT ? ` (the first ${QUEUE_LIMIT}: narrow with the filters)` : ""}. Keys: <kbd>j</kbd>
        /<kbd>k</kbd> next/previous, <kbd>a</kbd> approve, <kbd>r</kbd> request changes (write the comment, then{" "}
        <kbd>Ctrl+Enter</kbd>), <kbd>o</kbd> open in its article.
      </p>
      <LiveQueueNotice since={livePosition} />
      {/* A refresh that brings new submissions starts the queue afresh with them. */}
      <ReviewQueue key={items.map((item) => item.id).join(" ")} initialItems={items} />
    </main>
  );
}
