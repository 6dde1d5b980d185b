import { describe, expect, it } from "vitest";
import { signInSchema } from "@/lib/auth/schemas";
import { addMemberSchema } from "@/lib/people/schemas";
import { describeZodError, parseInput } from "@/lib/validation";
import { AppError } from "@/lib/errors";
import { hasRole } from "@/lib/auth/roles";
import { parseDatabaseUrl, withDatabase } from "@/lib/db/connection";

describe("signInSchema", () => {
  it("normalises the email", () => {
    expect(signInSchema.parse({ email: "  Reviewer@Example.COM ", password: "x" }).email).toBe("reviewer@example.com");
  });

  it.each([
    [{ email: "", password: "x" }, "email: Enter your email"],
    [{ email: "a@b.co", password: "" }, "password: Enter your password"],
    [{ email: `${"a".repeat(300)}@b.co`, password: "x" }, "email: Email is too long"],
    [{ email: "a@b.co", password: "p".repeat(257) }, "password: Password is too long"],
  ])("rejects %j with a readable message", (input, message) => {
    const result = signInSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toBe(message);
  });
});

describe("parseInput", () => {
  it("throws a 400 AppError with field errors", () => {
    const error = (() => {
      try {
        parseInput(addMemberSchema, { name: "", email: "x", role: "REVIEWER", password: "long enough password" });
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(400);
    expect(error.message).toBe("name: Enter a name; email: Enter a valid email address");
    expect(error.details).toEqual({ name: ["Enter a name"], email: ["Enter a valid email address"] });
  });
});

describe("hasRole", () => {
  it("nests roles: admin ⊃ editor ⊃ reviewer", () => {
    expect(hasRole("ADMIN", "EDITOR")).toBe(true);
    expect(hasRole("EDITOR", "EDITOR")).toBe(true);
    expect(hasRole("REVIEWER", "EDITOR")).toBe(false);
    expect(hasRole("EDITOR", "ADMIN")).toBe(false);
  });
});

describe("parseDatabaseUrl", () => {
  it("splits a URL into discrete fields, decoding credentials", () => {
    expect(parseDatabaseUrl("postgresql://me:p%40ss@db.internal:6543/fact%20mark")).toEqual({
      host: "db.internal",
      port: 6543,
      user: "me",
      password: "p@ss",
      database: "fact mark",
    });
    expect(parseDatabaseUrl("postgres://127.0.0.1/test")).toMatchObject({
      port: 5432,
      user: "postgres",
      password: undefined,
    });
  });

  it("says what is wrong with a bad URL", () => {
    expect(() => parseDatabaseUrl("nonsense")).toThrow(/not a valid URL/);
    expect(() => parseDatabaseUrl("mysql://h/db")).toThrow(/must start with postgresql/);
    expect(() => parseDatabaseUrl("postgresql://h:5432")).toThrow(/names no database/);
  });

  it("swaps the database name", () => {
    expect(withDatabase("postgresql://u@h:1/a?sslmode=require", "b")).toBe("postgresql://u@h:1/b?sslmode=require");
  });
});
