"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/roles";

/** A navigation item with its text in the page's language (the header translates it). */
export type NavLink = Omit<NavItem, "labelKey"> & { label: string };

export function NavLinks({ items, label }: { items: NavLink[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
      <ul className="flex gap-1">
        {items.map((item) => {
          // The most specific item wins: /transfers/new is "New transfer", not also "History".
          const matches = (other: NavLink) => pathname === other.href || (!other.exact && pathname.startsWith(`${other.href}/`));
          const current = matches(item) && !items.some((other) => other.href.length > item.href.length && matches(other));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center whitespace-nowrap rounded-lg px-3 text-base font-medium ${
                  current ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
