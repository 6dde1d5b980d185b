/** One item's problem in a refused import file (`index` null: the file as a whole). */
export type ImportProblem = { index: number | null; reason: string };

/** How many problems are listed: enough to fix a file by, short enough to read. */
const SHOWN = 200;

/**
 * A refused import, annotations' or reference checks': the message, then every item's problem
 * numbered as a person counts them (the route reports them all, so one upload shows what to fix).
 * Put it inside the form's status region, so it is announced.
 */
export function ImportRefusal({ message, problems }: { message: string; problems: ImportProblem[] }) {
  return (
    <div className="error">
      <p>{message}</p>
      {problems.length > 0 && (
        <ul data-testid="import-problems">
          {problems.slice(0, SHOWN).map((problem, i) => (
            <li key={i}>
              {problem.index === null ? "The file" : `Item ${problem.index + 1}`}: {problem.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
