import type { VerdictView } from "@/lib/annotations/view";

export function VerdictChip({ verdict }: { verdict: VerdictView }) {
  return (
    <span className="verdict-chip" style={{ borderColor: verdict.color }}>
      <span className="swatch" style={{ background: verdict.color }} aria-hidden="true" />
      {verdict.label}
    </span>
  );
}
