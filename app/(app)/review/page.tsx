import type { Metadata } from "next";
import { listArticleTitles } from "@/lib/articles/queries";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData, withFilterProblem } from "@/lib/http/page-data";
import { listColleagues } from "@/lib/people/members";
import { listReviewQueue, QUEUE_LIMIT } from "@/lib/reviews/queue";
import { listVerdictChoices } from "@/lib/verdicts/queries";
import { ReviewQueue } from "@/components/review/ReviewQueue";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const filters = await searchParams;
  const actor = await requirePageActor("/review");
  // Nonsense filters (a malformed id, say) get their message on the page; other refusals (a
  // reviewer's 403) go to the usual pages.
  const [{ data: items = [], problem }, articles, people, choices] = await loadPageData(() =>
    Promise.all([withFilterProblem(listReviewQueue({ actor, filters })), listArticleTitles({ actor }), listColleagues({ actor }), listVerdictChoices({ actor })]),
  );
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={filters[name] ?? ""}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <main>
      <h1>Review queue</h1>
      <form method="get" className="form-row" aria-label="Queue filters">
        {select("article", "Article", articles.map((a) => ({ value: a.id, label: a.title })))}
        {select("reviewer", "Reviewer", people.map((p) => ({ value: p.id, label: p.name })))}
        {select("verdict", "Verdict", choices.map((c) => ({ value: c.key, label: c.label })))}
        <div>
          <button type="submit">Filter</button>
        </div>
      </form>
      {problem && (
        <p className="error" role="alert">
          These filters do not work: {problem}
        </p>
      )}
      <p className="muted">
        {items.length} waiting, oldest first{items.length === QUEUE_LIMIT ? ` (the first ${QUEUE_LIMIT}: narrow with the filters)` : ""}. Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous,{" "}
        <kbd>a</kbd> approve, <kbd>r</kbd> request changes (write the comment, then <kbd>Ctrl+Enter</kbd>), <kbd>o</kbd> open in its article.
      </p>
      <ReviewQueue initialItems={items} />
    </main>
  );
}
