"use client";

import { useActionState } from "react";
import { revokeTokenAction } from "@/app/(app)/admin/tokens/actions";
import { ActionMessage } from "./ActionMessage";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [result, action, pending] = useActionState(revokeTokenAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" disabled={pending} aria-label={`Revoke ${name}`}>
        Revoke
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
