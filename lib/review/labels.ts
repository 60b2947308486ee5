/** Words for the review screens. A part state's label is lib/part-state-labels.ts's. */
import { formatDistanceStrict } from "date-fns";

export function age(since: Date, now: Date): string {
  return formatDistanceStrict(since, now);
}
