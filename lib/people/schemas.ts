import { z } from "zod";
import { safeString } from "../validation";
import { ROLES } from "../auth/roles";

export const roleSchema = z.enum(ROLES, { message: "Choose Reviewer, Editor or Admin" });

/** Shared by the "Add a person" form and the server. */
export const addMemberSchema = z.object({
  name: safeString("Name").trim().min(1, "Enter a name").max(120, "Name is too long (120 characters at most)"),
  email: safeString("Email")
    .trim()
    .toLowerCase()
    .min(1, "Enter an email")
    .max(254, "Email is too long")
    .email("Enter a valid email address"),
  role: roleSchema,
  password: safeString("Password")
    .min(12, "The initial password needs at least 12 characters")
    .max(256, "Password is too long"),
});

export type AddMemberInput = z.infer<typeof addMemberSchema>;
