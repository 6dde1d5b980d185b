"use client";

import { useActionState, type HTMLAttributes, type ReactNode } from "react";
import { optionCommandAction, updateOptionAction } from "@/app/(app)/admin/scale/actions";
import type { ScaleOption } from "@/lib/verdicts/scale";
import { ActionMessage } from "./ActionMessage";

type Props = {
  option: ScaleOption;
  first: boolean;
  last: boolean;
  handle?: ReactNode;
  rowProps?: HTMLAttributes<HTMLTableRowElement>;
};

export function ScaleOptionRow({ option, first, last, handle, rowProps }: Props) {
  const [saved, save, saving] = useActionState(updateOptionAction, null);
  const [commanded, command, commanding] = useActionState(optionCommandAction, null);
  const formId = `option-${option.id}`;
  return (
    <tr data-testid={`option-${option.key}`} className={option.retired ? "muted" : undefined} {...rowProps}>
      {handle && <td>{handle}</td>}
      <td>
        <code>{option.key}</code>
      </td>
      <td>
        <input
          form={formId}
          name="label"
          defaultValue={option.label}
          aria-label={`Label of ${option.key}`}
          maxLength={60}
        />
      </td>
      <td>
        <input
          form={formId}
          name="color"
          type="color"
          defaultValue={option.color}
          aria-label={`Colour of ${option.key}`}
        />
      </td>
      <td>
        <input
          form={formId}
          name="rating"
          type="number"
          defaultValue={option.rating ?? ""}
          aria-label={`Rating of ${option.key}`}
          style={{ width: "5rem" }}
        />
      </td>
      <td>
        {option.inUse}
        {option.retired && " (retired)"}
      </td>
      <td>
        <form id={formId} action={save} className="form-row">
          <input type="hidden" name="optionId" value={option.id} />
          <button type="submit" disabled={saving}>
            Save
          </button>
        </form>
        <form action={command} className="form-row">
          <input type="hidden" name="optionId" value={option.id} />
          <button
            type="submit"
            name="command"
            value="up"
            disabled={first || commanding}
            aria-label={`Move ${option.label} up`}
          >
            ↑
          </button>
          <button
            type="submit"
            name="command"
            value="down"
            disabled={last || commanding}
            aria-label={`Move ${option.label} down`}
          >
            ↓
          </button>
          <button type="submit" name="command" value={option.retired ? "restore" : "retire"} disabled={commanding}>
            {option.retired ? "Restore" : "Retire"}
          </button>
          {option.inUse === 0 && (
            <button type="submit" name="command" value="delete" disabled={commanding}>
              Delete
            </button>
          )}
        </form>
        <ActionMessage result={commanded ?? saved} />
      </td>
    </tr>
  );
}
