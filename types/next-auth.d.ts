import "next-auth";
import "next-auth/jwt";

// The token carries only who signed in and which session generation; everything else
// (memberships, roles) is read from the database on every request.
declare module "next-auth" {
  interface User {
    sessionVersion: number;
  }
  interface Session {
    userId: string;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    sessionVersion: number;
  }
}
