import type { Metadata } from "next";
import Link from "next/link";
import { annotationHref } from "@/lib/annotations/links";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listMyWork } from "@/lib/reviews/my-work";
import { STATUS_LABEL } from "@/lib/reviews/transitions";
import { listMyAssignments } from "@/lib/assignments/assignments";
import { AssignedArticles } from "@/components/assignments/AssignedArticles";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage() {
  const actor = await requirePageActor("/my-work");
  const [items, assigned] = await Promise.all([listMyWork({ actor }), listMyAssignments({ actor })]);
  return (
    <main>
      <h1>My work</h1>
      <AssignedArticles items={assigned} />
      {items.length === 0 ? (
        <p className="muted">You have no annotations in this workspace yet.</p>
      ) : (
        <table className="list" data-testid="my-work">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Article</th>
              <th scope="col">Status</th>
              <th scope="col">Last decision</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link href={annotationHref(item.article.id, item.id)}>{item.claim}</Link>
                </td>
                <td>
                  <Link href={`/articles/${item.article.id}`}>{item.article.title}</Link>
                </td>
                <td>{STATUS_LABEL[item.status]}</td>
                <td>
                  {item.lastDecision ? (
                    <>
                      {STATUS_LABEL[item.lastDecision.toStatus]} by {item.lastDecision.by},{" "}
                      {formatDateTime(item.lastDecision.at)}
                      {item.lastDecision.comment && <>: “{item.lastDecision.comment}”</>}
                    </>
                  ) : (
                    <span className="muted">none yet</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
