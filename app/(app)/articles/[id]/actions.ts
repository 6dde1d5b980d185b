"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { toActionResult, type ActionResult } from "@/lib/http/action-result";
import { requestSecondOpinion } from "@/lib/reviews/second-opinion";

export async function requestSecondOpinionAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return toActionResult(async () => {
    const articleId = form.get("articleId");
    const input = { firstReviewerId: form.get("firstReviewerId"), secondReviewerId: form.get("secondReviewerId") };
    const opinion = await requestSecondOpinion({ actor: await getActor(), articleId, input });
    revalidatePath(`/articles/${String(articleId)}`);
    return `Asked ${opinion.secondReviewer.name} for a blind second opinion on ${opinion.firstReviewer.name}'s work.`;
  });
}
