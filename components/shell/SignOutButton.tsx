"use client";

import { clearAllDrafts } from "@/components/shared/useLocalDraft";

export function SignOutButton() {
  return (
    // Drafts kept on this device go with the session: the next person at a shared desk sees none.
    <button
      type="button"
      onClick={() => {
        clearAllDrafts();
        // next-auth's client loads on the click, not with every page (#15).
        void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }));
      }}
    >
      Sign out
    </button>
  );
}
