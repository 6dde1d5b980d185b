/** Shortens `label` to `max` characters with an ellipsis (the full text stays in the table and the tooltip). */
export const shorten = (label: string, max: number) =>
  label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;

type TickProps = { x?: number; y?: number; payload?: { value: unknown }; maxChars: number; angle?: number };

/**
 * A category axis label on one line, cut to fit: long article titles used to wrap into each other
 * on "Verdicts per article" (#16). The SVG <title> gives the whole label on hover.
 */
export function CategoryTick({ x = 0, y = 0, payload, maxChars, angle = 0 }: TickProps) {
  const full = String(payload?.value ?? "");
  return (
    <text
      x={x}
      y={y}
      dy={angle ? 8 : 4}
      textAnchor="end"
      fontSize={12}
      fill="#59636e"
      transform={angle ? `rotate(${angle} ${x} ${y})` : undefined}
    >
      <title>{full}</title>
      {shorten(full, maxChars)}
    </text>
  );
}
