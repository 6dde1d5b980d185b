import Link from "next/link";

export default function NotFound() {
  return (
    <main>
      <h1>Not found</h1>
      <p>There is nothing here, or it belongs to a workspace you are not a member of.</p>
      <Link href="/articles">Back to articles</Link>
    </main>
  );
}
