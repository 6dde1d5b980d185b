export type ArticleMetadata = {
  title: string;
  outlet: string;
  author: string;
  url: string;
  publishedAt: string;
  section: string;
};

export const EMPTY_METADATA: ArticleMetadata = {
  title: "",
  outlet: "",
  author: "",
  url: "",
  publishedAt: "",
  section: "",
};

const FIELDS: { name: keyof ArticleMetadata; label: string; type?: string; required?: boolean }[] = [
  { name: "title", label: "Title", required: true },
  { name: "outlet", label: "Outlet" },
  { name: "author", label: "Author" },
  { name: "url", label: "Original URL", type: "url" },
  { name: "publishedAt", label: "Publication date", type: "date" },
  { name: "section", label: "Section" },
];

/** Title, outlet, author, URL, date and section: shared by "Add an article" and "Edit details". */
export function MetadataFields({
  value,
  onChange,
}: {
  value: ArticleMetadata;
  onChange: (value: ArticleMetadata) => void;
}) {
  return (
    <div className="form-row">
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={`article-${field.name}`}>{field.label}</label>
          <input
            id={`article-${field.name}`}
            type={field.type ?? "text"}
            required={field.required}
            value={value[field.name]}
            onChange={(event) => onChange({ ...value, [field.name]: event.currentTarget.value })}
          />
        </div>
      ))}
    </div>
  );
}
