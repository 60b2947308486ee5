import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesOf } from "@/lib/i18n/messages";
import { dayLabel } from "@/lib/days";
import { said, sentenceText } from "@/lib/i18n/said";
import { showMoment } from "@/lib/i18n/show-moment";
import { age, listWords, periodWords, shortMoment } from "@/lib/review/labels";

describe("the review screens' words in each language", () => {
  const now = new Date("2026-12-02T08:35:00Z"); // 14:05 in India
  const english = createTranslator({ locale: "en", messages: messagesOf("en") });
  const hindi = createTranslator({ locale: "hi", messages: messagesOf("hi") });

  it("says how long a part has waited, in Hindi with Latin digits", () => {
    const since = new Date(now.getTime() - 3 * 60 * 60 * 1000);
    expect(age(since, now, "en")).toBe("3 hours");
    expect(age(since, now, "hi")).toBe("3 घंटे");
    expect(age(new Date(now.getTime() - 45 * 60 * 1000), now, "hi")).toBe("45 मिनट");
  });

  it("says days, periods, months and moments as English always wrote them, and in Hindi's own words", () => {
    expect(dayLabel("2026-12-02", "en")).toBe("2 Dec 2026");
    expect(dayLabel("2026-12-02", "hi")).toBe("2 दिसंबर 2026");
    expect(periodWords(english, "2026-12-01", "2026-12-02", "en")).toBe("1 Dec 2026 to 2 Dec 2026");
    expect(periodWords(hindi, "2026-12-02", "2026-12-02", "hi")).toBe("2 दिसंबर 2026");
    expect(showMoment(now, "en", "month")).toBe("December 2026");
    expect(showMoment(now, "hi", "month")).toBe("दिसंबर 2026");
    expect(shortMoment(now, "en")).toBe("02 Dec 14:05 IST");
    expect(shortMoment(new Date("2026-12-02T08:35:09Z"), "en", true)).toBe("02 Dec 14:05:09 IST");
    expect(shortMoment(new Date("2026-12-02T08:35:09Z"), "hi", true)).toBe("2 दिसंबर 2026, 14:05:09 IST");
  });

  it("lists amounts in a sentence", () => {
    expect(listWords(["Rs 4,999"], "en")).toBe("Rs 4,999");
    expect(listWords(["Rs 4,999", "Rs 4,500", "Rs 4,700"], "en")).toBe("Rs 4,999, Rs 4,500 and Rs 4,700");
    expect(listWords(["Rs 4,999", "Rs 4,500"], "hi")).toBe("Rs 4,999 और Rs 4,500");
  });

  it("says a domain sentence in the reader's language, and text already in words as it is", () => {
    expect(sentenceText(hindi, said("review.stuck.contradicted"))).toBe("AOPay का जवाब आपस में मेल नहीं खाता।");
    expect(sentenceText(hindi, "AOPay's own words")).toBe("AOPay's own words");
  });
});
