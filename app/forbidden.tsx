import Link from "next/link";

export default function Forbidden() {
  return (
    <main>
      <h1>Not allowed</h1>
      <p>Your role in this workspace does not give access to this page. Ask an admin if you need it.</p>
      <Link href="/articles">Back to articles</Link>
    </main>
  );
}
