import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { loadPageData } from "@/lib/http/page-data";
import { listReferenceChecks } from "@/lib/references/references";
import { ReferenceImport } from "@/components/references/ReferenceImport";
import { RemoveReferenceButton } from "@/components/references/RemoveReferenceButton";

export const metadata: Metadata = { title: "Reference checks" };

export default async function ReferencesPage() {
  const actor = await requirePageActor("/admin/references");
  const references = await loadPageData(() => listReferenceChecks({ actor }));
  return (
    <main>
      <h1>Reference checks</h1>
      <p className="muted">
        Checks published elsewhere, imported from ClaimReview JSON-LD (another publisher&apos;s, or our own export).
        They are read-only: search lists them and the annotation form offers them under “Checked before”, labelled with
        their publisher. Importing a file again updates the checks it names (one per URL) and adds none twice.
      </p>
      <section className="card" aria-labelledby="import-references">
        <h2 id="import-references">Import</h2>
        <ReferenceImport />
      </section>
      <h2>{references.length.toLocaleString("en")} reference checks</h2>
      {references.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <table className="list" data-testid="reference-list">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Rating</th>
              <th scope="col">Publisher</th>
              <th scope="col">Published</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {references.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={r.url} rel="noopener noreferrer nofollow">
                    {r.claim}
                  </a>
                  {r.claimant && <div className="muted">by {r.claimant}</div>}
                </td>
                <td>{r.ratingLabel ?? (r.ratingValue !== null ? String(r.ratingValue) : "—")}</td>
                <td>{r.publisher ?? "—"}</td>
                <td>{formatDate(r.datePublished)}</td>
                <td>
                  <RemoveReferenceButton id={r.id} claim={r.claim} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
