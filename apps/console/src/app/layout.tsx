import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Egress Control", template: "%s · Egress Control" },
  description: "Decide where AI coding agents may send data.",
  robots: { index: false, follow: false },
};

/** Root layout. Reading the request headers keeps every page dynamic, so each gets its CSP nonce. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await headers();

  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
