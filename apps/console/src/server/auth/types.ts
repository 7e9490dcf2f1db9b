import type { DefaultSession } from "next-auth";

// Module augmentation (the one place `interface` is needed): what the console keeps in the JWT and
// exposes on the session.
declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null } & Omit<DefaultSession["user"], "email" | "name">;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** Console user id. */
    uid?: string;
    /** The user's session epoch when this session was issued; a bump signs the session out. */
    epoch?: number;
    /** Sign-in time (seconds since the epoch): the absolute session lifetime counts from here. */
    authTime?: number;
  }
}

export {};
