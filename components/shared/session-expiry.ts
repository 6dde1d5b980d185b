// The browser's answer to a 401 in the middle of work: instead of losing what was typed, ask the
// person to sign in again in place (SessionExpiredDialog) and let the request wait for it.

type Opener = (done: (signedIn: boolean) => void) => void;

let opener: Opener | null = null;
let waiting: Promise<boolean> | null = null;

/** Called by the mounted dialog; returns its unregistration. */
export function registerSignInDialog(open: Opener): () => void {
  opener = open;
  return () => {
    if (opener === open) opener = null;
  };
}

/**
 * Resolves true once the person has signed in again, false when they closed the dialog (or no
 * dialog is on the page). Requests that fail together share one dialog.
 */
export function signInAgain(): Promise<boolean> {
  const open = opener;
  if (!open) return Promise.resolve(false);
  waiting ??= new Promise<boolean>((resolve) =>
    open((signedIn) => {
      waiting = null;
      resolve(signedIn);
    }),
  );
  return waiting;
}

export const SESSION_EXPIRED_MESSAGE = "Your session expired. Sign in again to save: what you typed is still here.";
