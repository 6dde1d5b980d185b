"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { MetadataFields, type ArticleMetadata } from "./MetadataFields";
import { sendJson } from "./request";

export function EditDetailsForm({ articleId, initial }: { articleId: string; initial: ArticleMetadata }) {
  const router = useRouter();
  const [metadata, setMetadata] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const result = await sendJson("PATCH", `/api/articles/${articleId}`, metadata);
    setMessage(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.message });
    if (result.ok) router.refresh();
  }

  return (
    <form method="post" onSubmit={(event) => void save(event)} aria-label="Article details">
      <MetadataFields value={metadata} onChange={setMetadata} />
      <p role="status" className={message?.ok ? "success" : "error"}>
        {message?.text}
      </p>
      <button type="submit" className="primary">
        Save details
      </button>
    </form>
  );
}
