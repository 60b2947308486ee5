import { describe, expect, it } from "vitest";
import { roleHome, roleNavigation, roles } from "@/lib/roles";

describe("roles", () => {
  it("lands each role on its own home", () => {
    expect(roleHome).toEqual({ AGENT: "/transfers/new", SUPERVISOR: "/review", ADMIN: "/reconciliation" });
  });

  it("shows each role only its own navigation, starting with its home", () => {
    for (const role of roles) {
      expect(roleNavigation[role][0]?.href).toBe(roleHome[role]);
      for (const other of roles.filter((r) => r !== role)) {
        expect(roleNavigation[role].map((i) => i.href)).not.toContain(roleHome[other]);
      }
    }
  });
});
