import { z } from "zod";
import { safeString } from "../validation";

/** Shared by the login form and the credentials provider. Bounded so no field can be huge. */
export const signInSchema = z.object({
  email: safeString("Email")
    .trim()
    .toLowerCase()
    .min(1, "Enter your email")
    .max(254, "Email is too long")
    .email("Enter a valid email address"),
  password: safeString("Password").min(1, "Enter your password").max(256, "Password is too long"),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** The one message for every failed sign-in: it never says whether the email exists. */
export const SIGN_IN_FAILED = "Email or password is incorrect.";
