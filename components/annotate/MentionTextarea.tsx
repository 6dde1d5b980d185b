"use client";

import { useRef, useState, type KeyboardEvent, type TextareaHTMLAttributes } from "react";
import { KEEP_TYPED_ATTRIBUTE, useTypedBeforeHydration } from "@/components/shared/useTypedBeforeHydration";

type Member = { id: string; name: string };

let members: Promise<Member[]> | null = null;
/** The workspace's members, fetched once per page on the first "@". */
const loadMembers = () =>
  (members ??= fetch("/api/members")
    .then((r) => (r.ok ? r.json() : { members: [] }))
    .then((json: { members: Member[] }) => json.members)
    .catch(() => []));

/** The partial name being typed after an "@" just before the caret, if any. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\p{L}\p{N}'’. -]{0,40})$/u.exec(text.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, query: match[2] } : null;
}

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> & {
  value: string;
  onValueChange: (value: string) => void;
  /** Keeps text typed before the page's code ran under this name (useTypedBeforeHydration). */
  keptAs?: string;
};

/**
 * A textarea that offers the workspace's members after "@" (arrow keys and Enter or Tab to
 * choose, Escape to close) and inserts "@Full Name", which lib/notifications/mentions.ts reads.
 */
export function MentionTextarea({ value, onValueChange, keptAs, ...rest }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [options, setOptions] = useState<Member[]>([]);
  const [active, setActive] = useState(0);
  const [at, setAt] = useState<{ start: number; end: number } | null>(null);
  useTypedBeforeHydration(area, value, onValueChange, keptAs);

  async function update(text: string, caret: number) {
    onValueChange(text);
    const found = mentionQuery(text, caret);
    if (!found) return setOptions([]);
    const list = (await loadMembers())
      .filter((m) => m.name.toLowerCase().startsWith(found.query.toLowerCase()))
      .slice(0, 8);
    setOptions(list);
    setActive(0);
    setAt({ start: found.start, end: caret });
  }

  function choose(member: Member) {
    if (!at) return;
    const text = `${value.slice(0, at.start)}@${member.name} ${value.slice(at.end)}`;
    onValueChange(text);
    setOptions([]);
    const caret = at.start + member.name.length + 2;
    requestAnimationFrame(() => area.current?.setSelectionRange(caret, caret));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (options.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape") {
      // Closes the list, not the form around it.
      event.preventDefault();
      event.stopPropagation();
      setOptions([]);
    }
  }

  const listId = `${rest.id ?? "mention"}-options`;
  return (
    <span className="mention-field">
      <textarea
        {...rest}
        {...{ [KEEP_TYPED_ATTRIBUTE]: keptAs }}
        ref={area}
        value={value}
        onChange={(e) => void update(e.target.value, e.target.selectionStart)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={options.length ? `${listId}-${active}` : undefined}
      />
      {options.length > 0 && (
        <ul id={listId} role="listbox" className="mention-options" aria-label="Mention a member">
          {options.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              {m.name}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
