import { describe, expect, it } from "vitest";
import { forwardedClient } from "@/lib/server/client-ip";

describe("the client's address from X-Forwarded-For", () => {
  it("believes only the entries the trusted proxies wrote", () => {
    // The client sent "1.2.3.4" itself; the portal's one proxy appended the real peer.
    expect(forwardedClient("1.2.3.4, 203.0.113.7", 1)).toBe("203.0.113.7");
    // Behind a load balancer and a reverse proxy: the balancer's own address is the last entry.
    expect(forwardedClient("1.2.3.4, 203.0.113.7, 10.0.0.1", 2)).toBe("203.0.113.7");
    expect(forwardedClient("203.0.113.7", 1)).toBe("203.0.113.7");
  });

  it("takes the leftmost address when fewer proxies wrote than are configured", () => {
    expect(forwardedClient("203.0.113.7", 2)).toBe("203.0.113.7");
  });

  it("records no address when none is trusted or none was sent", () => {
    expect(forwardedClient("203.0.113.7", 0)).toBeNull();
    expect(forwardedClient(null, 1)).toBeNull();
    expect(forwardedClient(" , ", 1)).toBeNull();
  });
});
