import { expect, test } from "./fixtures";
import { panel } from "./annotating";
import { selectWithRange } from "./selection";
import { createArticle } from "./article-setup";

// Smaller items of #16: limits are shown before they bite and never applied unseen; the verdict
// number keys hand Tab on to Rationale.

test(
  "a passage over the claim limit prefills a cut claim with a notice; counters show near limits " +
    "and past them; Tab after a number key reaches Rationale",
  async ({ pageAs, apiAs }) => {
    const long = `${"The committee heard evidence on harbour dues and tariffs. ".repeat(45)}End.`;
    expect(long.length).toBeGreaterThan(2_000);
    const id = await createArticle(await apiAs("editor"), "Limits", [long]);
    const page = await pageAs("reviewer");
    await page.goto(`/articles/${id}`);
    await selectWithRange(page, long);
    await page.keyboard.press("Control+Alt+M");
    const form = panel(page).getByRole("form", { name: "New annotation" });
    await expect(form.getByTestId("prefill-notice")).toHaveText(
      `The passage is ${long.length.toLocaleString("en-GB")} characters: the claim starts with its first 2,000, the limit. The quote keeps all of it.`,
    );
    const claim = form.getByLabel("Claim", { exact: true });
    await expect(claim).toHaveValue(long.slice(0, 2_000));
    await expect(form.getByTestId("char-count").first()).toHaveText("2,000 / 2,000");

    // Typing past the limit is shown as over, and Save refuses it with the reason.
    await claim.press("End");
    await claim.pressSequentially("!!");
    await expect(form.getByTestId("char-count").first()).toHaveText("2,002 / 2,000: 2 over the limit");
    await claim.fill("Harbour dues were discussed");
    await expect(form.getByTestId("char-count")).toHaveCount(0);

    // A number key picks the verdict; Tab then goes on to Rationale, not into the radio group.
    // (Focus on the first radio, as Tab into the group leaves it: the checked third one used to be the next stop.)
    await form.getByRole("radio").first().focus();
    await page.keyboard.press("3");
    await expect(form.getByRole("radio").nth(2)).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("Rationale")).toBeFocused();
  },
);
