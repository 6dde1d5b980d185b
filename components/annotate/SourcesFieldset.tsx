"use client";

import { LIMITS } from "@/lib/annotations/limits";
import { CountedInput, CountedTextarea } from "@/components/shared/CountedField";

export type SourceDraft = {
  url: string;
  title: string;
  publisher: string;
  excerpt: string;
  archiveUrl: string;
  accessedAt: string;
};

export const emptySource = (): SourceDraft => ({
  url: "",
  title: "",
  publisher: "",
  excerpt: "",
  archiveUrl: "",
  accessedAt: "",
});

type SourceFields = {
  url: string;
  title?: string | null;
  publisher?: string | null;
  excerpt?: string | null;
  archiveUrl?: string | null;
  accessedAt?: string | null;
};

/** A stored source as the form's fields (absent ones empty). */
export const toSourceDraft = (s: SourceFields): SourceDraft => ({
  url: s.url,
  title: s.title ?? "",
  publisher: s.publisher ?? "",
  excerpt: s.excerpt ?? "",
  archiveUrl: s.archiveUrl ?? "",
  accessedAt: s.accessedAt ?? "",
});

type Props = { sources: SourceDraft[]; onChange: (sources: SourceDraft[]) => void; onAdd: () => void };

const FIELDS: { key: keyof SourceDraft; label: string; type?: string; max: number }[] = [
  { key: "url", label: "URL", type: "url", max: LIMITS.url },
  { key: "title", label: "Title", max: LIMITS.sourceTitle },
  { key: "publisher", label: "Publisher", max: LIMITS.publisher },
  { key: "excerpt", label: "Quoted excerpt", max: LIMITS.excerpt },
  { key: "archiveUrl", label: "Archive URL", type: "url", max: LIMITS.url },
  { key: "accessedAt", label: "Accessed", type: "date", max: 10 },
];

/** Any number of sources; each needs an http(s) URL, the rest is optional. */
export function SourcesFieldset({ sources, onChange, onAdd }: Props) {
  const update = (index: number, key: keyof SourceDraft, value: string) =>
    onChange(sources.map((s, i) => (i === index ? { ...s, [key]: value } : s)));
  return (
    <fieldset className="sources">
      <legend>Sources</legend>
      {sources.map((source, index) => (
        <fieldset key={index} className="source" aria-label={`Source ${index + 1}`}>
          <legend>Source {index + 1}</legend>
          {FIELDS.map((field) => (
            <div key={field.key}>
              {field.key === "excerpt" ? (
                <CountedTextarea
                  id={`source-${index}-${field.key}`}
                  label={field.label}
                  value={source[field.key]}
                  max={field.max}
                  onValueChange={(value) => update(index, field.key, value)}
                  rows={2}
                />
              ) : (
                <CountedInput
                  id={`source-${index}-${field.key}`}
                  label={field.key === "url" ? `${field.label} (required)` : field.label}
                  type={field.type ?? "text"}
                  value={source[field.key]}
                  max={field.max}
                  // A date has a fixed length, so the browser's own limit hides nothing.
                  maxLength={field.type === "date" ? field.max : undefined}
                  onValueChange={(value) => update(index, field.key, value)}
                />
              )}
            </div>
          ))}
          <button type="button" onClick={() => onChange(sources.filter((_, i) => i !== index))}>
            Remove source {index + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={onAdd}>
        Add a source
      </button>
    </fieldset>
  );
}
