"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { BodyInput, type Body } from "./BodyInput";
import { EMPTY_METADATA, MetadataFields } from "./MetadataFields";
import { sendJson } from "./request";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

export function NewArticleForm() {
  const router = useRouter();
  const [metadata, setMetadata] = useState(EMPTY_METADATA);
  const [body, setBody] = useState<Body>({ format: "text", body: "" });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    const result = await sendJson<{ id: string }>("POST", "/api/articles", { ...metadata, ...body });
    setSaving(false);
    if (!result.ok) return setError(result.message);
    router.push(`/articles/${result.data.id}`);
  }

  return (
    <form method="post" onSubmit={(event) => void save(event)} aria-label="Add an article">
      <MetadataFields value={metadata} onChange={setMetadata} />
      <BodyInput value={body} onChange={setBody} />
      <ErrorMessage message={error} />
      <button type="submit" className="primary" disabled={saving}>
        Add article
      </button>
    </form>
  );
}
