import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { keyOrText, type Translate } from "@/lib/i18n/issue-text";
import { messagesOf } from "@/lib/i18n/messages";
import { said } from "@/lib/i18n/said";
import { failureColumns, shownFailure } from "@/lib/ledger/failure-reason";

const inHindi = createTranslator({ locale: "hi", messages: messagesOf("hi") }) as unknown as Translate;

describe("a part's failure reason", () => {
  it("keeps the portal's own reason in English and as its key, values included", () => {
    expect(failureColumns(said("ledger.cancelledAtCounter"))).toEqual({ failureReason: "Cancelled at the counter before it was sent.", failureSaid: "ledger.cancelledAtCounter" });
    expect(failureColumns(said("ledger.tooManyWrongOtps", { count: 5 }))).toEqual({
      failureReason: "5 wrong OTPs: this part is cancelled and no money moved. Start a new transfer when the customer has the right phone.",
      failureSaid: 'ledger.tooManyWrongOtps|{"count":5}',
    });
  });

  it("keeps AOPay's words as written, with no key", () => {
    expect(failureColumns("Beneficiary bank declined")).toEqual({ failureReason: "Beneficiary bank declined", failureSaid: null });
  });

  it("is shown to a Hindi reader in Hindi when the portal said it, and as AOPay wrote it otherwise", () => {
    const cancelled = failureColumns(said("ledger.tooManyWrongOtps", { count: 5 }));
    expect(keyOrText(inHindi, shownFailure(cancelled)!)).toBe(messagesOf("hi").ledger.tooManyWrongOtps.replace("{count}", "5"));
    expect(keyOrText(inHindi, shownFailure(failureColumns("Beneficiary bank declined"))!)).toBe("Beneficiary bank declined");
    // Parts that ended before the portal kept keys show their English.
    expect(shownFailure({ failureReason: "Cancelled at the counter before it was sent.", failureSaid: null })).toBe("Cancelled at the counter before it was sent.");
  });
});
