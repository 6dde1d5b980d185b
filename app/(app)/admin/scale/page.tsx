import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData } from "@/lib/http/page-data";
import { listScaleOptions } from "@/lib/verdicts/scale";
import { AddOptionForm } from "@/components/admin/AddOptionForm";
import { ScaleOptionRow } from "@/components/admin/ScaleOptionRow";

export const metadata: Metadata = { title: "Verdict scale" };

export default async function ScalePage() {
  const actor = await requirePageActor("/admin/scale");
  const options = await loadPageData(() => listScaleOptions({ actor }));
  return (
    <main>
      <h1>Verdict scale</h1>
      <p className="muted">
        Order runs from best to worst. The rating is ClaimReview&apos;s ratingValue (worst and best come from the lowest and highest ratings); leave it blank for verdicts outside
        the true–false axis. An option in use can be retired (it stays on its annotations and leaves the picker) but not deleted.
      </p>
      <table className="list">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Label</th>
            <th scope="col">Colour</th>
            <th scope="col">Rating</th>
            <th scope="col">In use</th>
            <th scope="col">
              <span className="muted">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {options.map((option, i) => (
            <ScaleOptionRow key={option.id} option={option} first={i === 0} last={i === options.length - 1} />
          ))}
        </tbody>
      </table>
      <section className="card" aria-labelledby="add-verdict">
        <h2 id="add-verdict">Add a verdict</h2>
        <AddOptionForm />
      </section>
    </main>
  );
}
