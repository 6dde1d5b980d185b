import { DEMO_PASSWORD, ROLES, expect, test, untilInteractive, type Fixtures } from "./fixtures";
import { panel } from "./annotating";
import { selectWithRange } from "./selection";
import { annotateOverApi, createArticle, deskOf, moveAlong } from "./article-setup";

// Item 7 of #16: an expired session never costs what was typed. Drafts of the annotation form
// and the note composer live in local storage; a save that meets a 401 asks for sign-in in place.

const PARAGRAPHS = [
  "The port moved 7 million tonnes of grain in 2025, officials said.",
  "Rail freight fell by a third.",
];

test("a new annotation's draft survives a reload, and saving after the session expired signs in over the form", async ({
  pageAs,
  apiAs,
}) => {
  const id = await createArticle(await apiAs("editor"), "Session expiry", PARAGRAPHS);
  const page = await pageAs("reviewer");
  await page.goto(`/articles/${id}`);
  await selectWithRange(page, "7 million tonnes of grain");
  await page.keyboard.press("Control+Alt+M");
  const form = panel(page).getByRole("form", { name: "New annotation" });
  await form.getByLabel("Claim", { exact: true }).fill("The port moved 7 million tonnes of grain");
  await form.getByLabel("Rationale").fill("Port authority yearbook, table 3.");

  // A reload (or a crash) loses nothing: the unsaved annotation is offered again.
  await page.reload();
  const unsaved = panel(page).getByRole("region", { name: "Not saved yet" });
  await expect(unsaved).toContainText("The port moved 7 million tonnes of grain");
  await unsaved.getByRole("button", { name: "Resume" }).click();
  await expect(form.getByTestId("draft-notice")).toBeVisible();
  await expect(form.getByTestId("quoted-span")).toHaveText("7 million tonnes of grain");
  await expect(form.getByLabel("Rationale")).toHaveValue("Port authority yearbook, table 3.");
  await form.getByRole("radio").first().focus();
  await page.keyboard.press("2");

  // The session ends (expiry, as far as the server can tell): Save asks to sign in again.
  await page.context().clearCookies();
  await form.getByRole("button", { name: "Save" }).click();
  const dialog = page.getByRole("dialog", { name: "Your session expired" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Email")).toHaveValue(ROLES.reviewer);
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
  await dialog.getByRole("button", { name: "Sign in" }).click();
  // The save went through after sign-in, with what was typed.
  await expect(dialog).toBeHidden();
  const detail = page.getByTestId("annotation-detail");
  await expect(detail.getByRole("heading", { name: "The port moved 7 million tonnes of grain" })).toBeVisible();

  // Saved: the draft is gone.
  await page.reload();
  await expect(page.getByTestId("annotation-detail")).toBeVisible();
  await detail.getByRole("button", { name: "Back to list" }).click();
  await expect(panel(page).getByRole("region", { name: "Not saved yet" })).toHaveCount(0);
});

test("a note's draft survives a reload and goes once posted; closing the sign-in dialog keeps the text and says why", async ({
  pageAs,
  apiAs,
}) => {
  const editor = await apiAs("editor");
  const id = await createArticle(editor, "Session expiry", PARAGRAPHS);
  const annotation = await annotateOverApi(editor, id, PARAGRAPHS[1]);

  const page = await pageAs("reviewer");
  await page.goto(`/articles/${id}?annotation=${annotation}`);
  await untilInteractive(page);
  const composer = page.getByTestId("annotation-detail").getByLabel("Add a note", { exact: true });
  await composer.fill("Ask the rail regulator for the quarterly series.");
  await page.reload();
  await expect(composer).toHaveValue("Ask the rail regulator for the quarterly series.");

  await page.context().clearCookies();
  await page.getByTestId("annotation-detail").getByRole("button", { name: "Add a note" }).click();
  const dialog = page.getByRole("dialog", { name: "Your session expired" });
  await dialog.getByRole("button", { name: "Not now" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByTestId("annotation-detail").getByRole("alert").filter({ hasText: "Your session expired" }),
  ).toBeVisible();
  await expect(composer).toHaveValue("Ask the rail regulator for the quarterly series.");

  // Signed in again (as the login page does it), the same click posts the note and forgets the draft.
  await page.getByTestId("annotation-detail").getByRole("button", { name: "Add a note" }).click();
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
  await dialog.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("note")).toHaveText(/Ask the rail regulator/);
  await expect(composer).toHaveValue("");
  await page.reload();
  await expect(composer).toHaveValue("");
});

/**
 * A submitted annotation's deep link opened by its editor with the page's scripts held until the
 * note and the review comment of the server-rendered detail are typed into, and then released;
 * the detail's own chunk (the one that renders data-testid="annotation-detail") `detailLaterMs`
 * after the rest. Returns the page and the two fields, the page interactive again.
 */
async function typeBeforeScripts(
  { pageAs, apiAs }: Pick<Fixtures, "pageAs" | "apiAs">,
  title: string,
  detailLaterMs = 0,
) {
  const id = await createArticle(await apiAs("editor"), title, PARAGRAPHS);
  const desk = await deskOf(apiAs);
  const annotation = await annotateOverApi(desk.reviewer, id, PARAGRAPHS[0]);
  await moveAlong(desk, annotation, ["SUBMITTED"]);

  const page = await pageAs("editor");
  let release!: () => void;
  const typed = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    await typed;
    if (body.includes('"annotation-detail"')) await new Promise((resolve) => setTimeout(resolve, detailLaterMs));
    await route.fulfill({ response, body });
  });
  await page.goto(`/articles/${id}?annotation=${annotation}`, { waitUntil: "domcontentloaded" });
  const detail = page.getByTestId("annotation-detail");
  const composer = detail.getByLabel("Add a note", { exact: true });
  const comment = detail.getByLabel("Comment (required to request changes)");
  await composer.fill("Call the port authority first.");
  await comment.fill("Which port, and which year?");
  const serverComposer = (await composer.elementHandle())!;
  await expect(page.locator(".workspace[data-interactive='true']")).toHaveCount(0);
  release();
  await untilInteractive(page);
  return { page, detail, composer, comment, serverComposer };
}

test("a note and a review comment typed into a deep link before the page's code has run are kept", async ({
  pageAs,
  apiAs,
}) => {
  const { page, detail, composer, comment } = await typeBeforeScripts({ pageAs, apiAs }, "Typed before hydration");
  await expect(composer).toHaveValue("Call the port authority first.");
  await expect(comment).toHaveValue("Which port, and which year?");

  // The comment is sent as it stands; the note is a kept draft.
  await detail.getByRole("button", { name: "Request changes" }).click();
  await expect(detail.getByTestId("last-decision")).toContainText("Which port, and which year?");
  await page.unroute("**/_next/static/**/*.js");
  await page.reload();
  await untilInteractive(page);
  await expect(composer).toHaveValue("Call the port authority first.");
});

test("typing survives when the workspace renders again before the detail's code has arrived", async ({
  pageAs,
  apiAs,
}) => {
  // The detail's chunk comes 1.5 s after the rest, while the workspace hydrates and renders again
  // around the detail that has not hydrated yet.
  const { composer, comment, serverComposer } = await typeBeforeScripts(
    { pageAs, apiAs },
    "Typed before the detail's code",
    1_500,
  );
  // The case this test is for: React rendered the detail anew rather than hydrating it.
  expect(await serverComposer.evaluate((field) => field.isConnected)).toBe(false);
  await expect(composer).toHaveValue("Call the port authority first.");
  await expect(comment).toHaveValue("Which port, and which year?");
});
