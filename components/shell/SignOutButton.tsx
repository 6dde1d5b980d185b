"use client";

import { signOut } from "next-auth/react";
import { clearAllDrafts } from "@/components/shared/useLocalDraft";

export function SignOutButton() {
  return (
    // Drafts kept on this device go with the session: the next person at a shared desk sees none.
    <button
      type="button"
      onClick={() => {
        clearAllDrafts();
        void signOut({ callbackUrl: "/login" });
      }}
    >
      Sign out
    </button>
  );
}
