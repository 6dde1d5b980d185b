"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
import { createApiToken, revokeApiToken } from "@/lib/tokens/tokens";

const TOKENS = "/admin/tokens";

/** The new token travels back once, in this result; it is never readable again. */
export type CreateTokenResult = ActionResult & { token?: string };

export async function createTokenAction(
  _previous: CreateTokenResult | null,
  form: FormData,
): Promise<CreateTokenResult> {
  let token: string | undefined;
  const result = await toActionResult(async () => {
    const created = await createApiToken({ actor: await getActor(), input: { name: form.get("name") } });
    token = created.token;
    revalidatePath(TOKENS);
    return `Created “${created.view.name}”. Copy it now: it will not be shown again.`;
  });
  return { ...result, token };
}

export async function revokeTokenAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const token = await revokeApiToken({ actor: await getActor(), tokenId: form.get("tokenId") });
    revalidatePath(TOKENS);
    return `Revoked “${token.name}”.`;
  });
}
