"use client";

import { useActionState } from "react";
import { updateSearchLanguageAction } from "@/app/(app)/admin/people/actions";
import { SEARCH_LANGUAGES } from "@/lib/search/languages";
import { ActionMessage } from "./ActionMessage";

/** The workspace's search language: how search stems words and which stop words it ignores. */
export function SearchLanguageForm({ language }: { language: string }) {
  const [result, action, pending] = useActionState(updateSearchLanguageAction, null);
  return (
    <form action={action} className="form-row">
      <div>
        <label htmlFor="search-language">Search language</label>
        <select id="search-language" name="language" defaultValue={language}>
          {SEARCH_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l === "simple" ? "Any language (no stemming)" : l[0].toUpperCase() + l.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit" disabled={pending}>
          Save search language
        </button>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
