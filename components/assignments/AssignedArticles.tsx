import Link from "next/link";
import type { MyAssignment } from "@/lib/assignments/assignments";

/** My work's "Assigned to you": soonest due first, overdue ones marked. */
export function AssignedArticles({ items }: { items: MyAssignment[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="assigned-heading">
      <h2 id="assigned-heading">Assigned to you</h2>
      <ul className="entries" data-testid="assigned">
        {items.map((item) => (
          <li key={item.article.id}>
            <Link href={`/articles/${item.article.id}`}>{item.article.title}</Link>{" "}
            {item.dueOn ? (
              <span className={item.overdue ? "error" : "muted"}>
                {item.overdue ? `overdue (was due ${item.dueOn})` : `due ${item.dueOn}`}
              </span>
            ) : (
              <span className="muted">no due date</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
