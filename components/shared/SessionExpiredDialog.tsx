"use client";

import { useEffect, useRef, useState } from "react";
import dynamic from "next/dynamic";
import { registerSignInDialog } from "./session-expiry";

// Every signed-in page mounts this dialog, but the form (next-auth's client, zod) is needed only
// once a session has expired: its code loads then, not with the page (#15).
const LoginForm = dynamic(() => import("@/components/auth/LoginForm").then((m) => m.LoginForm), {
  loading: () => <p className="muted">Loading…</p>,
});

/**
 * Mounted once per signed-in page. When a request answers 401, it opens over the page with the
 * login form, so the form being filled stays as it is, and the request is sent again after
 * sign-in. Someone else signing in gets a fresh page instead: the open one was the other
 * person's view.
 */
export function SessionExpiredDialog({ userId, email }: { userId: string; email: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const done = useRef<((signedIn: boolean) => void) | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(
    () =>
      registerSignInDialog((finish) => {
        done.current = finish;
        setOpen(true);
        dialog.current?.showModal();
      }),
    [],
  );

  function finish(signedIn: boolean) {
    done.current?.(signedIn);
    done.current = null;
    setOpen(false);
    if (dialog.current?.open) dialog.current.close();
  }

  async function onSignedIn() {
    const session = await fetch("/api/auth/session")
      .then((response) => response.json())
      .catch(() => null);
    if (session?.userId !== userId) {
      window.location.reload();
      return;
    }
    finish(true);
  }

  return (
    <dialog
      ref={dialog}
      className="session-dialog"
      aria-labelledby="session-expired-heading"
      onClose={() => done.current && finish(false)}
    >
      {open && (
        <>
          <h2 id="session-expired-heading">Your session expired</h2>
          <p>Sign in again to carry on. What you were writing stays on the page and is sent once you are back.</p>
          <LoginForm email={email} onSignedIn={onSignedIn} />
          <button type="button" className="link" onClick={() => finish(false)}>
            Not now
          </button>
        </>
      )}
    </dialog>
  );
}
