import type { PublicCheck } from "@/lib/publish/checks";

const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;

/**
 * The share image of a check (1200×630, drawn by next/og with its bundled font, nothing fetched):
 * the verdict in words and its place on the scale, the claim, the desk. Satori lays out only
 * flex boxes, so every element with several children is one.
 */
export function VerdictCardImage({ check }: { check: PublicCheck }) {
  const { verdict } = check;
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: "#ffffff",
        color: "#1b1f24",
        padding: 64,
        fontSize: 32,
      }}
    >
      <div style={{ display: "flex", fontSize: 30, color: "#57606a" }}>{`${check.desk} · fact-check`}</div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div
          style={{
            display: "flex",
            fontSize: 76,
            fontWeight: 700,
            border: "6px solid #1b1f24",
            borderRadius: 16,
            padding: "8px 28px",
            alignSelf: "flex-start",
          }}
        >
          {verdict.label}
        </div>
        {verdict.index !== null ? (
          <div style={{ display: "flex", marginTop: 24, gap: 10 }}>
            {verdict.scale.map((label, i) => (
              <div
                key={label}
                style={{
                  display: "flex",
                  fontSize: 24,
                  padding: "4px 12px",
                  borderRadius: 8,
                  border: i === verdict.index ? "4px solid #1b1f24" : "2px solid #d0d7de",
                  fontWeight: i === verdict.index ? 700 : 400,
                }}
              >
                {label}
              </div>
            ))}
          </div>
        ) : null}
      </div>
      <div style={{ display: "flex", fontSize: 44, lineHeight: 1.3 }}>{`“${shorten(check.claim, 150)}”`}</div>
      <div style={{ display: "flex", fontSize: 28, color: "#57606a" }}>
        {check.claimant ? `Claimed by ${shorten(check.claimant, 80)}` : " "}
      </div>
    </div>
  );
}
