import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData } from "@/lib/http/page-data";
import { listScaleOptions } from "@/lib/verdicts/scale";
import { AddOptionForm } from "@/components/admin/AddOptionForm";
import { ScaleOptionsTable } from "@/components/admin/ScaleOptionsTable";
import { getScaleVersion } from "@/lib/verdicts/reorder";

export const metadata: Metadata = { title: "Verdict scale" };

export default async function ScalePage() {
  const actor = await requirePageActor("/admin/scale");
  const [options, version] = await loadPageData(() =>
    Promise.all([listScaleOptions({ actor }), getScaleVersion({ actor })]),
  );
  return (
    <main>
      <h1>Verdict scale</h1>
      <p className="muted">
        Order runs from best to worst: drag a row by its handle, or focus the handle and use the arrow keys. The rating
        is ClaimReview&apos;s ratingValue (worst and best come from the lowest and highest ratings); leave it blank for
        verdicts outside the true–false axis. An option in use can be retired (it stays on its annotations and leaves
        the picker) but not deleted.
      </p>
      <ScaleOptionsTable options={options} version={version} />
      <section className="card" aria-labelledby="add-verdict">
        <h2 id="add-verdict">Add a verdict</h2>
        <AddOptionForm />
      </section>
    </main>
  );
}
