import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { loadPageData } from "@/lib/http/page-data";
import { listApiTokens } from "@/lib/tokens/tokens";
import { formatDate } from "@/lib/format";
import { CreateTokenForm } from "@/components/admin/CreateTokenForm";
import { RevokeTokenButton } from "@/components/admin/RevokeTokenButton";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor("/admin/tokens");
  const tokens = await loadPageData(() => listApiTokens({ actor }));
  return (
    <main>
      <h1>API tokens for {actor.workspaceName}</h1>
      <p className="muted">
        A token reads this workspace&apos;s articles, annotations and exports (<code>Authorization: Bearer …</code> on
        GET routes and <code>/api/export</code>). It cannot change anything. Only a hash is kept: a lost token is
        revoked and replaced.
      </p>
      <section className="card" aria-labelledby="new-token">
        <h2 id="new-token">Create a token</h2>
        <CreateTokenForm />
      </section>
      <h2>Tokens</h2>
      {tokens.length === 0 ? (
        <p className="muted">No tokens yet.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-testid={`token-${token.name}`}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>
                  {formatDate(token.createdAt)}
                  {token.createdBy && <span className="muted"> by {token.createdBy}</span>}
                </td>
                <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : <span className="muted">never</span>}</td>
                <td>
                  {token.revokedAt ? (
                    `Revoked ${formatDate(token.revokedAt)}`
                  ) : (
                    <RevokeTokenButton tokenId={token.id} name={token.name} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
