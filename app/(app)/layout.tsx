import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { requirePageActor } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Each page also asks for the actor (cached per request); this keeps the header honest.
  const actor = await requirePageActor("/articles");
  return (
    <>
      <AppHeader actor={actor} />
      {children}
    </>
  );
}
