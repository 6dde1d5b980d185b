import { randomUUID } from "node:crypto";
import { expect, failSignIn, type Page, test } from "./fixtures";

const PASSWORD = "a long initial password";

/** Adds a person through the admin form and returns their email. */
async function addPerson(admin: Page, name: string, role: "Reviewer" | "Editor" | "Admin") {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 6)}@example.com`;
  await admin.goto("/admin/people");
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await admin.getByLabel("Initial password").fill(PASSWORD);
  await admin.getByRole("button", { name: "Add person" }).click();
  await expect(admin.getByText(`Added ${name} as ${role.toLowerCase()}.`)).toBeVisible();
  await expect(admin.getByTestId(`member-${email}`)).toBeVisible();
  return email;
}

async function setRole(admin: Page, email: string, role: string) {
  await admin.goto("/admin/people");
  const row = admin.getByTestId(`member-${email}`);
  await row.getByRole("combobox").selectOption({ label: role });
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText(`is now ${role.toLowerCase()}.`)).toBeVisible();
}

test("bad input in the add-person form gets field messages and adds no one", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/admin/people");
  // The rule is there before anyone breaks it.
  await expect(page.getByLabel("Initial password")).toHaveAccessibleDescription(/At least 12 characters/);
  await page.getByLabel("Name", { exact: true }).fill("Shorty");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Editor" });
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("The initial password needs at least 12 characters")).toBeVisible();
  // What was typed stays, the errors sit beside their fields, and the inputs stay in line.
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Shorty");
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("EDITOR");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/Enter a valid email address/);
  const tops = await Promise.all(
    ["Name", "Email", "Initial password"].map(
      async (label) => (await page.getByLabel(label, { exact: true }).boundingBox())!.y,
    ),
  );
  expect(new Set(tops.map(Math.round)).size).toBe(1);
  // Other tests add people in parallel: look for this one only.
  await page.reload();
  await expect(page.locator("tbody tr").filter({ hasText: "Shorty" })).toHaveCount(0);
});

test("a demoted admin and editor lose their rights on their next request", async ({ pageAs, signedInAs }) => {
  const admin = await pageAs("admin");
  const email = await addPerson(admin, "Dana Demoted", "Admin");
  const dana = await signedInAs(email, PASSWORD);
  expect((await dana.goto("/admin/people"))?.status()).toBe(200);

  await setRole(admin, email, "Editor");
  expect((await dana.goto("/admin/people"))?.status()).toBe(403);
  await expect(dana.getByTestId("current-role")).toHaveText("Editor");

  await setRole(admin, email, "Reviewer");
  await dana.goto("/articles");
  await expect(dana.getByTestId("current-role")).toHaveText("Reviewer");
});

test("a deactivated member is signed out and cannot sign in again", async ({ pageAs, signedInAs }) => {
  const admin = await pageAs("admin");
  const email = await addPerson(admin, "Dee Activated", "Reviewer");
  const dee = await signedInAs(email, PASSWORD);

  const row = admin.getByTestId(`member-${email}`);
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("Dee Activated is deactivated.")).toBeVisible();
  await expect(row.getByRole("cell", { name: "Deactivated" })).toBeVisible();
  // next-auth's own session endpoint agrees with every other route.
  expect(await (await dee.request.get("/api/auth/session")).json()).toEqual({});

  await dee.goto("/articles");
  await expect(dee).toHaveURL(/\/login/);
  await expect(await failSignIn(dee, email, PASSWORD)).toHaveText("Email or password is incorrect.");
});

test("'Sign out everywhere' ends the user's sessions in every browser", async ({ pageAs, signedInAs }) => {
  const admin = await pageAs("admin");
  const email = await addPerson(admin, "Sam Twodevices", "Reviewer");
  const laptop = await signedInAs(email, PASSWORD);
  const phone = await signedInAs(email, PASSWORD);
  await laptop.goto("/articles");
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/login/);
  await phone.goto("/articles");
  await expect(phone).toHaveURL(/\/login/);
  expect((await phone.request.get("/api/articles")).status()).toBe(401);
});

test("an admin adds a verdict to the scale and retires it; reviewers get 403 on the scale page", async ({ pageAs }) => {
  const admin = await pageAs("admin");
  await admin.goto("/admin/scale");
  const key = `satire-${Date.now()}`;
  await admin.getByLabel("Key").fill(key);
  await admin.getByLabel("Label", { exact: true }).fill("Satire");
  await admin.getByRole("button", { name: "Add verdict" }).click();
  await expect(admin.getByText("Added “Satire”.")).toBeVisible();
  const row = admin.getByTestId(`option-${key}`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Retire" }).click();
  await expect(row).toContainText("(retired)");
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(admin.getByTestId(`option-${key}`)).toHaveCount(0);

  const reviewer = await pageAs("reviewer");
  expect((await reviewer.goto("/admin/scale"))?.status()).toBe(403);
});
