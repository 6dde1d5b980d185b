const FORMATS = [
  { format: "native", label: "Factmark JSON" },
  { format: "w3c", label: "W3C Web Annotations" },
  { format: "claimreview", label: "ClaimReview (approved and published)" },
] as const;

/** Download links for one article's annotations in each export format. */
export function ArticleExportLinks({ articleId }: { articleId: string }) {
  return (
    <nav aria-label="Export this article" className="export-links">
      <span className="muted">Export:</span>
      {FORMATS.map(({ format, label }) => (
        <a key={format} href={`/api/export?format=${format}&article=${articleId}&download=1`} download>
          {label}
        </a>
      ))}
    </nav>
  );
}
