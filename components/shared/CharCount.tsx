const format = (n: number) => n.toLocaleString("en-GB");

/** Share of a limit from which the count shows: far from it, a counter is only noise. */
const NEAR = 0.8;

/**
 * A field's length against its limit, shown once the text comes near it and in red past it.
 * Fields keep no maxLength: a paste or prefill over the limit is shown as over, never cut off
 * unseen, and the form's own check refuses it with the same numbers. Point the field's
 * aria-describedby at `id`.
 */
export function CharCount({ id, value, max }: { id: string; value: string; max: number }) {
  const length = value.length;
  if (length < max * NEAR) {
    return (
      <span id={id} className="visually-hidden">
        Up to {format(max)} characters.
      </span>
    );
  }
  const over = length - max;
  return (
    <span
      id={id}
      className={over > 0 ? "char-count over" : "char-count"}
      data-testid="char-count"
      aria-live={over > 0 ? "polite" : undefined}
    >
      {over > 0
        ? `${format(length)} / ${format(max)}: ${format(over)} over the limit`
        : `${format(length)} / ${format(max)}`}
    </span>
  );
}
