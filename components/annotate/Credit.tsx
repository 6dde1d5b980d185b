type Person = { id: string; name: string };

/**
 * Who a check is by. A correction continues the check of the version it corrects, so its author
 * keeps the credit and the one who corrected it is named after them.
 */
export function Credit({ author, correctedFrom }: { author: Person; correctedFrom: Person | null | undefined }) {
  if (!correctedFrom || correctedFrom.id === author.id) return <>{author.name}</>;
  return (
    <>
      {correctedFrom.name}, corrected by {author.name}
    </>
  );
}
