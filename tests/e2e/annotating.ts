import { expect, type Page } from "@playwright/test";

// Driving the article page's annotation panel, shared by the browser tests.

export const panel = (page: Page) => page.getByRole("complementary", { name: "Annotations panel" });
export const highlights = (page: Page, text: string) => page.locator("mark.highlight", { hasText: text });

/** Fills and saves the annotate form that is open in the panel. */
export async function saveAnnotation(
  page: Page,
  fields: {
    claim?: string;
    verdictKey: string;
    rationale?: string;
    sources?: { url: string; title?: string }[];
    note?: string;
  },
) {
  const form = page.getByRole("form", { name: "New annotation" });
  if (fields.claim) await form.getByLabel("Claim", { exact: true }).fill(fields.claim);
  // Number keys pick a verdict once focus is outside the text fields.
  await form.getByRole("radio").first().focus();
  await page.keyboard.press(fields.verdictKey);
  if (fields.rationale) await form.getByLabel("Rationale").fill(fields.rationale);
  for (const [i, source] of (fields.sources ?? []).entries()) {
    await form.getByRole("button", { name: "Add a source" }).click();
    await form.getByLabel("URL (required)").nth(i).fill(source.url);
    if (source.title) await form.getByLabel("Title").nth(i).fill(source.title);
  }
  if (fields.note) await form.getByLabel("First note").fill(fields.note);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("annotation-detail")).toBeVisible();
}
