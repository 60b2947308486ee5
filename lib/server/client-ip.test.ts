import { describe, expect, it } from "vitest";
import { clientAddress, clientIp, forwardedClient } from "@/lib/server/client-ip";

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

describe("the client's address the portal believes", () => {
  const forged = { peer: "::ffff:203.0.113.7", forwardedFor: "198.51.100.66" };

  it("with no proxy in front (the default) is the socket's, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(forged, 0)).toBe("203.0.113.7");
    expect(clientAddress({ peer: "2001:db8::1", forwardedFor: null }, 0)).toBe("2001:db8::1");
    expect(clientAddress({ peer: null, forwardedFor: "198.51.100.66" }, 0)).toBeNull();
  });

  it("behind proxies is the entry the nearest trusted proxy wrote, never the socket's (a proxy's)", () => {
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "1.2.3.4, 203.0.113.7" }, 1)).toBe("203.0.113.7");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "1.2.3.4, 203.0.113.7, 10.0.0.1" }, 2)).toBe("203.0.113.7");
  });

  it("reads the socket's address only under the header name this process's server chose", () => {
    const key = Symbol.for("counter-portal.peer-header");
    const headers = new Headers({ "x-portal-peer": "198.51.100.66", "x-portal-peer-abc": "203.0.113.7", "x-forwarded-for": "198.51.100.66" });
    const global = globalThis as { [key]?: string };
    expect(clientIp(headers)).toBeNull();
    global[key] = "x-portal-peer-abc";
    try {
      expect(clientIp(headers)).toBe("203.0.113.7");
    } finally {
      delete global[key];
    }
  });
});
