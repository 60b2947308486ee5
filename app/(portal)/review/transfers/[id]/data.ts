import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { dayRange, indiaDay } from "@/lib/days";
import type { Locale } from "@/lib/i18n/locales";
import { riskFlags, riskSettings } from "@/lib/review/risk";
import { reviewScope } from "@/lib/review/scope";
import { transferForReview } from "@/lib/review/transfers";

/**
 * A transfer of an outlet `user` reviews, with its day's risk flags that name it (said for a
 * reader of `locale`); null when not theirs or not found.
 */
export async function reviewTransferData(user: CurrentUser, id: string, locale: Locale) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const scope = await reviewScope(db(), user);
  const transfer = await transferForReview(db(), scope, id);
  if (!transfer) return null;
  const day = indiaDay(transfer.createdAt);
  const flags = (await riskFlags(db(), scope, dayRange(day, day), riskSettings(), locale)).filter((f) => f.transferIds.includes(transfer.id));
  return { transfer, day, flags };
}
