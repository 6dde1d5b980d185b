import { expect, test } from "./fixtures";
import { highlights } from "./annotating";
import { annotateOverApi, createArticle } from "./article-setup";

// Deleting asks in the page (components/shared/ConfirmAction.tsx), never with window.confirm: the
// fixture's page guard fails any test on a browser dialog. The question takes focus, Escape
// cancels with focus back on the button, and the confirming button names what goes.
// Removing a reference check is driven in references.spec.ts; placing an orphan in articles.spec.ts.

test("an author deletes a note and then the annotation, each confirmed in the page", async ({ pageAs, apiAs }) => {
  const editor = await apiAs("editor");
  const articleId = await createArticle(editor, "Confirmations", ["The harbour tax rose by 12% in March."]);
  const reviewer = await apiAs("reviewer");
  const annotationId = await annotateOverApi(reviewer, articleId, "rose by 12%", { claim: "The harbour tax rose 12%" });
  const note = await reviewer.post(`/api/annotations/${annotationId}/notes`, {
    data: { body: "Ask the port authority." },
  });
  expect(note.status()).toBe(201);

  const page = await pageAs("reviewer");
  await page.goto(`/articles/${articleId}?annotation=${annotationId}`);
  const detail = page.getByTestId("annotation-detail");
  await expect(detail.getByTestId("note")).toHaveText(/Ask the port authority\./);

  // The note: Escape keeps it and gives focus back; confirming deletes it.
  const deleteNote = detail.getByRole("button", { name: "Delete note" });
  const noteQuestion = detail.getByRole("group", { name: /^Delete this note\?/ });
  await deleteNote.click();
  await expect(noteQuestion).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(noteQuestion).toHaveCount(0);
  await expect(deleteNote).toBeFocused();
  await expect(detail.getByTestId("note")).toHaveCount(1);
  await deleteNote.click();
  await noteQuestion.getByRole("button", { name: "Yes, delete this note" }).click();
  await expect(detail.getByTestId("note")).toHaveCount(0);
  await expect(detail.getByText("No notes yet.")).toBeVisible();

  // The annotation: Cancel keeps it; confirming removes it from the page and the API.
  const deleteAnnotation = detail.getByRole("button", { name: "Delete", exact: true });
  const question = detail.getByRole("group", { name: /^Delete this annotation\?/ });
  await deleteAnnotation.click();
  await expect(question).toBeFocused();
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toHaveCount(0);
  await expect(deleteAnnotation).toBeFocused();
  await deleteAnnotation.click();
  await question.getByRole("button", { name: "Yes, delete this annotation" }).click();
  await expect(detail).toHaveCount(0);
  await expect(highlights(page, "rose by 12%")).toHaveCount(0);
  expect((await reviewer.get(`/api/annotations/${annotationId}`)).status()).toBe(404);
});

test("an orphan is dismissed once confirmed in the page, and stays until then", async ({ pageAs, apiAs }) => {
  const editor = await apiAs("editor");
  const articleId = await createArticle(editor, "Orphan to dismiss", ["Dock wages rose 4% this year.", "Ships wait."]);
  const annotationId = await annotateOverApi(editor, articleId, "Dock wages rose 4%", { claim: "Dock wages rose 4%" });
  // A revision that drops the sentence leaves the annotation without a place.
  const revised = await editor.post(`/api/articles/${articleId}/revisions`, {
    data: { format: "text", body: "Pay talks continue.\n\nShips wait." },
  });
  expect(revised.status()).toBe(201);
  expect((await revised.json()).annotations).toMatchObject([{ annotationId, orphaned: true }]);

  const page = await pageAs("editor");
  await page.goto(`/articles/${articleId}`);
  const orphans = page.getByTestId("orphans");
  await expect(orphans.getByTestId("orphan")).toContainText("Dock wages rose 4%");
  const dismiss = orphans.getByRole("button", { name: "Dismiss “Dock wages rose 4%”" });
  const question = orphans.getByRole("group", { name: /^Dismiss this annotation\?/ });
  await dismiss.click();
  await expect(question).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(dismiss).toBeFocused();
  await dismiss.click();
  await question.getByRole("button", { name: "Yes, dismiss “Dock wages rose 4%”" }).click();
  await expect(page.getByTestId("orphans")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("article-body")).toContainText("Pay talks continue.");
  await expect(page.getByTestId("orphans")).toHaveCount(0);
});
