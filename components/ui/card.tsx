import type { HTMLAttributes } from "react";

const paddings = { none: "", tight: "p-3", normal: "p-4", roomy: "p-4 sm:p-6" } as const;
export type CardPadding = keyof typeof paddings;

/** The portal's white panel, for an element that cannot be a Card (a form, a table's frame). */
export function cardClasses(padding: CardPadding = "normal", extra?: string): string {
  return ["rounded-xl border border-slate-200 bg-white", paddings[padding], extra].filter(Boolean).join(" ");
}

type CardProps = HTMLAttributes<HTMLElement> & {
  as?: "section" | "div" | "li" | "ul" | "aside" | "article" | "p";
  /** normal p-4; roomy p-4, p-6 from small screens up; tight p-3 (an item inside a card); none. */
  padding?: CardPadding;
};

/** A white panel: a screen's section, a list item card, a message box. */
export function Card({ as: Tag = "section", padding = "normal", className, ...props }: CardProps) {
  return <Tag className={cardClasses(padding, className)} {...props} />;
}

/** A card holding one sentence: nothing to list, nothing found. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className={cardClasses("normal", "text-slate-600")}>{children}</p>;
}
