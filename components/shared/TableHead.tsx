/** A column heading; `quiet` for the muted "Actions", `hidden` for one only screen readers need. */
export type Column = string | { label: string; quiet?: boolean; hidden?: boolean };

/** A table's header row of column headings, as the admin tables share them. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const { label, quiet, hidden } = typeof column === "string" ? { label: column } : column;
          return (
            <th key={label} scope="col">
              {quiet || hidden ? <span className={hidden ? "visually-hidden" : "muted"}>{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
