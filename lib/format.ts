/** Times are stored in UTC and always shown in India Standard Time. */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export const indiaTimeZone = "Asia/Kolkata";

export function formatIst(date: Date, pattern = "dd MMM yyyy, HH:mm"): string {
  return `${format(new TZDate(date, indiaTimeZone), pattern)} IST`;
}
