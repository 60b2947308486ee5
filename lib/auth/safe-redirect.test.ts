import { describe, expect, it } from "vitest";
import { sameOriginPath } from "@/lib/auth/safe-redirect";

describe("where a sign-in may send the user afterwards", () => {
  it("keeps a path on this portal, with its query", () => {
    expect(sameOriginPath("/admin/users")).toBe("/admin/users");
    expect(sameOriginPath("/review/transfers?state=PENDING&page=2")).toBe("/review/transfers?state=PENDING&page=2");
  });

  it.each([
    ["a tab the browser strips", "/\t/evil.example/"],
    ["a newline the browser strips", "/\n/evil.example/"],
    ["a protocol-relative URL", "//evil.example/"],
    ["a backslash the browser reads as a slash", "/\\evil.example/"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a space", "/ /evil.example"],
    ["nothing", ""],
    ["not a string", undefined],
  ])("sends %s home instead", (_name, target) => {
    expect(sameOriginPath(target)).toBe("/");
  });
});
