import { describe, expect, it } from "vitest";
import { browserLocale, chooseLocale } from "@/lib/i18n/choose-locale";

describe("the language a request is answered in", () => {
  it("is the signed-in user's choice first, then this browser's, then the browser's languages, then English", () => {
    expect(chooseLocale({ userLanguage: "hi", cookie: "en", acceptLanguage: "en-IN" })).toBe("hi");
    expect(chooseLocale({ userLanguage: null, cookie: "hi", acceptLanguage: "en-IN" })).toBe("hi");
    expect(chooseLocale({ userLanguage: null, cookie: null, acceptLanguage: "hi-IN,hi;q=0.9,en;q=0.8" })).toBe("hi");
    expect(chooseLocale({})).toBe("en");
  });

  it("ignores a stored or cookie value that is not one of the portal's languages", () => {
    expect(chooseLocale({ userLanguage: "fr", cookie: "xx", acceptLanguage: "hi" })).toBe("hi");
    expect(chooseLocale({ userLanguage: "", cookie: "<script>", acceptLanguage: null })).toBe("en");
  });

  it("reads Accept-Language by preference, matching a region to its language", () => {
    expect(browserLocale("en-US,en;q=0.9,hi;q=0.8")).toBe("en");
    expect(browserLocale("mr-IN,hi;q=0.8,en;q=0.5")).toBe("hi");
    expect(browserLocale("hi-Deva-IN")).toBe("hi");
    expect(browserLocale("ta-IN,fr;q=0.5")).toBe("en");
    expect(browserLocale("*")).toBe("en");
  });

  it("answers a malformed header with English, never an error", () => {
    for (const header of ["", ";;;", "hi;q=abc", "a".repeat(300), "en-", "12-34"]) expect(browserLocale(header)).toMatch(/^(en|hi)$/);
    expect(browserLocale(";;;")).toBe("en");
  });
});
