import Link from "next/link";
import { STATUS_LABEL } from "@/lib/reviews/transitions";
import type { Facets } from "@/lib/search/search";
import { searchHref, type SearchParams } from "@/lib/search/url";
import { TYPE_LABEL } from "./SearchResults";

const FACETS = [
  ["type", "Kind"],
  ["verdict", "Verdict"],
  ["status", "Status"],
  ["reviewer", "Reviewer"],
  ["claimant", "Claimant"],
  ["outlet", "Outlet"],
  ["month", "Month"],
] as const;

function labelOf(facet: (typeof FACETS)[number][0], value: string, label: string | null): string {
  if (facet === "type") return TYPE_LABEL[value as keyof typeof TYPE_LABEL] ?? value;
  if (facet === "status") return STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? value;
  return label ?? value;
}

/** A month facet filters on its first and last day. */
function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** Counts by facet, each a link that narrows the search to it (the URL keeps everything else). */
export function FacetPanel({ facets, params }: { facets: Facets; params: SearchParams }) {
  return (
    <aside className="facets" aria-label="Narrow the results">
      {FACETS.map(([facet, title]) =>
        facets[facet].length === 0 ? null : (
          <section key={facet}>
            <h2>{title}</h2>
            <ul>
              {facets[facet].slice(0, 10).map((f) => (
                <li key={f.value}>
                  <Link href={searchHref(params, facet === "month" ? monthRange(f.value) : { [facet]: f.value })}>
                    {labelOf(facet, f.value, f.label)}
                  </Link>{" "}
                  <span className="muted">{f.count.toLocaleString("en")}</span>
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
      {facets.capped && <p className="muted">Counts cover the best {facets.basis.toLocaleString("en")} matches.</p>}
    </aside>
  );
}
