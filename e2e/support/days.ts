import { addDays } from "date-fns";
import { indiaDay } from "@/lib/days";

/** The India calendar day `offset` days from today (negative: before it), as yyyy-MM-dd. */
export function dayFromToday(offset = 0): string {
  return indiaDay(addDays(new Date(), offset));
}
