"use client";

import { useState, type ReactNode } from "react";
import dynamic from "next/dynamic";
import type { VerdictChoice } from "@/lib/verdicts/queries";
import type { AssignmentView } from "@/lib/assignments/assignments";

// Each form's code loads when its section is first opened, not with the page (#15): closed, they
// cost the page's first load their code and their hydration, and most visits never open them.
const loading = () => <p className="muted">Loading…</p>;
const SecondOpinionForm = dynamic(
  () => import("@/components/review/SecondOpinionForm").then((m) => m.SecondOpinionForm),
  {
    loading,
  },
);
const AssignForm = dynamic(() => import("@/components/assignments/AssignForm").then((m) => m.AssignForm), { loading });
const ImportForm = dynamic(() => import("@/components/exchange/ImportForm").then((m) => m.ImportForm), { loading });

type Person = { id: string; name: string };

/** A `<details>` whose content is rendered from its first opening on (and kept, with what was typed). */
function OnDemand({ className, summary, children }: { className: string; summary: ReactNode; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children}
    </details>
  );
}

/** Editors' tools on an article: a blind second opinion (unless one is open), assignments, import. */
export function EditorTools({
  articleId,
  people,
  assignments,
  choices,
  blindOpen,
}: {
  articleId: string;
  people: Person[];
  assignments: AssignmentView[];
  choices: VerdictChoice[];
  blindOpen: boolean;
}) {
  return (
    <>
      {!blindOpen && (
        <OnDemand className="second-opinion" summary="Ask for a second opinion">
          <SecondOpinionForm articleId={articleId} people={people} />
        </OnDemand>
      )}
      <OnDemand
        className="second-opinion"
        summary={`Assign${assignments.length ? ` (${assignments.map((a) => a.name).join(", ")})` : ""}`}
      >
        <AssignForm articleId={articleId} people={people} initial={assignments} />
      </OnDemand>
      <OnDemand className="import" summary="Import annotations">
        <ImportForm articleId={articleId} choices={choices} />
      </OnDemand>
    </>
  );
}
