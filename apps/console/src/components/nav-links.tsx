"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/policies", label: "Policies" },
  { href: "/events", label: "Events" },
  { href: "/requests", label: "Requests" },
  { href: "/devices", label: "Devices" },
  { href: "/members", label: "Members" },
  { href: "/audit", label: "Audit" },
  { href: "/settings", label: "Settings" },
] as const;

/** The console's main navigation; marks the current section. */
export function NavLinks() {
  const pathname = usePathname();
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));

  return (
    <nav className="nav" aria-label="Main">
      {NAV_ITEMS.map((item) => (
        <Link key={item.href} href={item.href} aria-current={isActive(item.href) ? "page" : undefined} data-testid={`nav-${item.label.toLowerCase()}`}>
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
