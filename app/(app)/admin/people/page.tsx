import type { Metadata } from "next";
import { TableHead } from "@/components/shared/TableHead";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData } from "@/lib/http/page-data";
import { listMembers } from "@/lib/people/members";
import { getWorkspaceSettings } from "@/lib/workspaces/settings";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { SearchLanguageForm } from "@/components/admin/SearchLanguageForm";
import { getSearchLanguage } from "@/lib/search/language";
import { AddMemberForm } from "@/components/admin/AddMemberForm";
import { MemberRow } from "@/components/admin/MemberRow";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const actor = await requirePageActor("/admin/people");
  const [members, settings, language] = await loadPageData(() =>
    Promise.all([listMembers({ actor }), getWorkspaceSettings({ actor }), getSearchLanguage({ actor })]),
  );
  return (
    <main>
      <h1>People in {actor.workspaceName}</h1>
      <section className="card" aria-labelledby="add-person">
        <h2 id="add-person">Add a person</h2>
        <AddMemberForm />
      </section>
      <section className="card" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Workspace settings</h2>
        <SettingsForm settings={settings} />
        <SearchLanguageForm language={language} />
      </section>
      <h2>Members</h2>
      <table className="list">
        <TableHead columns={["Name", "Email", "Role", "Status", { label: "Actions", quiet: true }]} />
        <tbody>
          {members.map((member) => (
            <MemberRow key={member.membershipId} member={member} isSelf={member.userId === actor.userId} />
          ))}
        </tbody>
      </table>
    </main>
  );
}
