import { dayPlaceholder } from "@/lib/days";

/**
 * The attributes of every box that takes a day. It is typed as DD/MM/YYYY (read by
 * lib/days.ts), not picked with the browser's date picker, whose order follows the browser's
 * language (an Indian agent's browser set to English (US) showed 12 April as 04/12).
 */
export const dayBoxProps = { type: "text", placeholder: dayPlaceholder, maxLength: 10, autoComplete: "off", spellCheck: false } as const;
