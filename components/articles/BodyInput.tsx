"use client";

import { useState } from "react";
import type { BodyFormat } from "@/lib/articles/body/parse";
import type { ArticleValue } from "@/lib/articles/slate-value";
import { BlockPreview } from "./BlockPreview";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

export type Body = { format: BodyFormat; body: string };

const FORMAT_BY_EXTENSION: Record<string, BodyFormat> = {
  txt: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
};

/**
 * The article's text: pasted, or read from a .txt, .md or .html file, in one of three formats,
 * with a preview from the server of exactly what will be saved (nothing is saved by previewing).
 */
export function BodyInput({
  value,
  onChange,
  startFrom,
}: {
  value: Body;
  onChange: (body: Body) => void;
  /** The current body as Markdown, which reads back to the same blocks and marks. */ startFrom?: string;
}) {
  const [preview, setPreview] = useState<{ value: ArticleValue } | { error: string } | null>(null);

  async function readFile(file: File) {
    const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
    const format = FORMAT_BY_EXTENSION[extension];
    if (!format) return setPreview({ error: `${file.name}: choose a .txt, .md or .html file` });
    onChange({ format, body: await file.text() });
    setPreview(null);
  }

  async function showPreview() {
    const response = await fetch("/api/articles/preview", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(value),
    });
    const json = await response.json().catch(() => null);
    setPreview(
      response.ok ? { value: json.value } : { error: json?.error?.message ?? `Preview failed (${response.status})` },
    );
  }

  return (
    <fieldset className="body-input">
      <legend>Text</legend>
      <div className="form-row">
        <div>
          <label htmlFor="body-format">Format</label>
          <select
            id="body-format"
            value={value.format}
            onChange={(event) => onChange({ ...value, format: event.currentTarget.value as BodyFormat })}
          >
            <option value="text">Plain text (blank lines between paragraphs)</option>
            <option value="markdown">Markdown</option>
            <option value="html">HTML</option>
          </select>
        </div>
        <div>
          <label htmlFor="body-file">Or upload a file</label>
          <input
            id="body-file"
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            onChange={(event) => event.currentTarget.files?.[0] && void readFile(event.currentTarget.files[0])}
          />
        </div>
        {startFrom !== undefined && (
          <div>
            <button type="button" onClick={() => onChange({ format: "markdown", body: startFrom })}>
              Start from the current text
            </button>
          </div>
        )}
      </div>
      <label htmlFor="body-text">Body</label>
      <textarea
        id="body-text"
        className="body-input"
        value={value.body}
        onChange={(event) => onChange({ ...value, body: event.currentTarget.value })}
      />
      <p>
        <button type="button" onClick={() => void showPreview()} disabled={!value.body.trim()}>
          Preview
        </button>
      </p>
      {preview && "error" in preview && <ErrorMessage message={preview.error} />}
      {preview && "value" in preview && <BlockPreview value={preview.value} />}
    </fieldset>
  );
}
