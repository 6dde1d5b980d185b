import type { WorkspaceSettings } from "@/lib/workspaces/settings";

/** The settings of what the desk publishes: public pages, and whether they name reviewers. */
export function PublicSettingsFields({ settings }: { settings: WorkspaceSettings }) {
  return (
    <>
      <label className="inline">
        <input
          type="checkbox"
          name="publicPages"
          defaultChecked={settings.publicPages}
          aria-describedby="public-pages-help"
        />{" "}
        Public pages
      </label>
      <p id="public-pages-help" className="muted">
        Published checks get a public page (<code>/checks/…</code>), the articles they are on a reading view (
        <code>/read/…</code>), and they appear in the feed, the sitemap and embeds. Nothing else is ever public. Off,
        every public address answers “not found”.
      </p>
      <label className="inline">
        <input type="checkbox" name="creditReviewers" defaultChecked={settings.creditReviewers} /> Public pages credit
        the reviewers who wrote each check (otherwise the desk is the author)
      </label>
    </>
  );
}
