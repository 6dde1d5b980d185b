import { afterEach, describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClient } from "@/lib/http/client-address";
import { safeReturnPath } from "@/lib/http/return-path";
import { assertSameOriginWrite } from "@/lib/http/same-origin";
import { securityHeaders } from "@/lib/http/security-headers";

const none = parseTrustedProxies(undefined);

describe("resolveClient", () => {
  it("takes the socket's address and ignores forwarded headers from an untrusted peer", () => {
    const client = resolveClient({
      peer: "198.51.100.7",
      encrypted: false,
      forwardedFor: "203.0.113.9",
      forwardedProto: "https",
      trusted: none,
    });
    expect(client).toEqual({ address: "198.51.100.7", https: false, proxied: false });
  });

  it("unwraps an IPv4 peer on a dual-stack socket", () => {
    expect(
      resolveClient({
        peer: "::ffff:127.0.0.1",
        encrypted: false,
        forwardedFor: undefined,
        forwardedProto: undefined,
        trusted: none,
      }).address,
    ).toBe("127.0.0.1");
  });

  it("behind declared proxies, takes the rightmost hop that is not a proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.7");
    // The client prepended a forged hop; the proxies appended what they saw.
    const client = resolveClient({
      peer: "10.1.1.1",
      encrypted: false,
      forwardedFor: ["1.1.1.1, 198.51.100.20", "192.168.1.7"],
      forwardedProto: "https",
      trusted,
    });
    expect(client).toEqual({ address: "198.51.100.20", https: true, proxied: true });
  });

  it("falls back to the proxy's own address when the hop it reports is not an address", () => {
    const trusted = parseTrustedProxies("10.0.0.1");
    expect(
      resolveClient({
        peer: "10.0.0.1",
        encrypted: false,
        forwardedFor: "not-an-ip",
        forwardedProto: undefined,
        trusted,
      }).address,
    ).toBe("10.0.0.1");
  });

  it("matches IPv6 ranges and refuses nonsense in the setting", () => {
    expect(parseTrustedProxies("fd00::/8").contains("fd12::1")).toBe(true);
    expect(parseTrustedProxies("fd00::/8").contains("2001:db8::1")).toBe(false);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/proxy\.internal/);
  });
});

describe("safeReturnPath", () => {
  it.each([
    ["/\\evil.example/phish"],
    ["/\t/evil.example"],
    ["//evil.example"],
    ["/\\/evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    [""],
    [undefined],
    [["//evil.example"]],
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value)).toBe("/articles");
  });

  it("keeps a path on this app, with its query and fragment", () => {
    expect(safeReturnPath("/articles/abc?annotation=x#notes")).toBe("/articles/abc?annotation=x#notes");
    expect(safeReturnPath(["/review", "/other"])).toBe("/review");
  });
});

describe("assertSameOriginWrite", () => {
  const post = (headers: Record<string, string>, method = "POST") =>
    new Request("http://localhost:3000/api/articles/x/annotations", { method, headers });
  afterEach(() => {
    delete process.env.FACTMARK_PUBLIC_URL;
  });

  it("lets reads through whatever their headers", () => {
    expect(() =>
      assertSameOriginWrite(
        new Request("http://localhost:3000/api/articles", { headers: { origin: "http://evil.example" } }),
      ),
    ).not.toThrow();
  });

  it("refuses a write from another origin, another port of this host included", () => {
    for (const origin of ["http://evil.example", "http://localhost:9999", "null"]) {
      expect(() => assertSameOriginWrite(post({ origin, "content-type": "application/json" }))).toThrow(
        expect.objectContaining({ code: "FORBIDDEN" }),
      );
    }
    expect(() =>
      assertSameOriginWrite(post({ "sec-fetch-site": "same-site", "content-type": "application/json" })),
    ).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("refuses a body that is not declared JSON, as a cross-site form would send", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect(() => assertSameOriginWrite(post({ "content-type": type }))).toThrow(
        expect.objectContaining({ code: "UNSUPPORTED_MEDIA_TYPE", status: 415 }),
      );
    }
    expect(() => assertSameOriginWrite(post({}, "PATCH"))).toThrow(
      expect.objectContaining({ code: "UNSUPPORTED_MEDIA_TYPE" }),
    );
  });

  it("accepts the app's own origin, the configured public one, and clients that name none", () => {
    process.env.FACTMARK_PUBLIC_URL = "https://checks.example.org/desk";
    expect(() =>
      assertSameOriginWrite(
        post({
          origin: "http://localhost:3000",
          "sec-fetch-site": "same-origin",
          "content-type": "application/json; charset=utf-8",
        }),
      ),
    ).not.toThrow();
    expect(() =>
      assertSameOriginWrite(post({ origin: "https://checks.example.org", "content-type": "application/json" })),
    ).not.toThrow();
    expect(() => assertSameOriginWrite(post({ "content-type": "application/json" }))).not.toThrow();
    expect(() => assertSameOriginWrite(post({}, "DELETE"))).not.toThrow();
  });
});

describe("securityHeaders", () => {
  it("allows scripts only by this request's nonce and forbids framing, plugins and base changes", () => {
    const headers = securityHeaders({ nonce: "abc123", dev: false, https: false });
    const csp = headers["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  it("adds HSTS over https only", () => {
    expect(securityHeaders({ nonce: "n", dev: false, https: true })["Strict-Transport-Security"]).toMatch(
      /^max-age=\d+/,
    );
  });
});
