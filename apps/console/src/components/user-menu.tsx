"use client";

import { signOut } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { signOutEverywhereAction } from "@/server/actions/sign-out-everywhere";

type TProps = { name: string | null; email: string; role: string };

/** The signed-in user's name and e-mail, with sign-out. */
export function UserMenu({ name, email, role }: TProps) {
  const [isOpen, setIsOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onClick = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setIsOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setIsOpen(false);
    };
    document.addEventListener("mousedown", onClick);
    document.addEventListener("keydown", onKey);

    return () => {
      document.removeEventListener("mousedown", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, [isOpen]);

  const initial = (name ?? email).slice(0, 1).toUpperCase();

  return (
    <div className="menu" ref={ref}>
      <button className="btn" type="button" aria-haspopup="menu" aria-expanded={isOpen} onClick={() => setIsOpen((open) => !open)} data-testid="user-menu">
        <span className="avatar" aria-hidden="true">
          {initial}
        </span>
        <span>{name ?? email}</span>
      </button>
      {isOpen ? (
        <div className="menu-panel" role="menu">
          <div className="menu-identity">
            <div style={{ fontWeight: 600 }} data-testid="user-menu-name">
              {name ?? "—"}
            </div>
            <div className="muted" data-testid="user-menu-email">
              {email}
            </div>
            <div style={{ marginTop: 6 }}>
              <span className="badge badge-primary" data-testid="user-menu-role">
                {role}
              </span>
            </div>
          </div>
          <button className="menu-item" type="button" role="menuitem" onClick={() => void signOut({ callbackUrl: "/sign-in" })} data-testid="sign-out">
            Sign out
          </button>
          <button
            className="menu-item"
            type="button"
            role="menuitem"
            onClick={() => void signOutEverywhereAction().then(() => signOut({ callbackUrl: "/sign-in" }))}
            data-testid="sign-out-everywhere"
          >
            Sign out everywhere
          </button>
        </div>
      ) : null}
    </div>
  );
}
