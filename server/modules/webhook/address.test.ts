import { describe, expect, it } from "vitest";
import { blockedAddressReason, isLocalName } from "./address";

describe("addresses a webhook may not reach", () => {
  it("refuses loopback, private, link-local (cloud metadata), CGNAT, unspecified, multicast and reserved IPv4", () => {
    for (const a of [
      "127.0.0.1",
      "127.8.9.10",
      "10.0.0.1",
      "10.255.255.255",
      "172.16.0.1",
      "172.31.255.254",
      "192.168.1.1",
      "169.254.169.254",
      "169.254.0.1",
      "100.64.0.1",
      "100.127.255.254",
      "0.0.0.0",
      "0.1.2.3",
      "192.0.0.170",
      "192.0.2.5",
      "198.18.0.1",
      "198.51.100.7",
      "203.0.113.9",
      "224.0.0.1",
      "239.255.255.250",
      "240.0.0.1",
      "255.255.255.255",
    ]) {
      expect(blockedAddressReason(a), a).toMatch(/internal/);
    }
  });

  it("refuses IPv6 loopback, unspecified, ULA, link-local, multicast, documentation, and IPv4 hidden inside IPv6", () => {
    for (const a of [
      "::1",
      "[::1]",
      "::",
      "fc00::1",
      "fd12:3456:789a::1",
      "fe80::1",
      "fe80::1%eth0",
      "febf::1",
      "ff02::1",
      "2001:db8::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
      "::ffff:169.254.169.254",
      "64:ff9b::a9fe:a9fe",
      "2002:c0a8:0101::1",
      "::127.0.0.1",
    ]) {
      expect(blockedAddressReason(a), a).toMatch(/internal/);
    }
  });

  it("allows public unicast addresses", () => {
    for (const a of [
      "8.8.8.8",
      "1.1.1.1",
      "36.86.63.180",
      "172.32.0.1",
      "100.128.0.1",
      "169.255.0.1",
      "192.169.0.1",
      "2001:4860:4860::8888",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
      "2002:0808:0808::1",
    ]) {
      expect(blockedAddressReason(a), a).toBeNull();
    }
  });

  it("refuses what is not an IP address, and names that always mean this machine", () => {
    expect(blockedAddressReason("lapor.go.id")).toMatch(/bukan alamat IP/);
    expect(blockedAddressReason("1:2:3")).toMatch(/bukan alamat IP/);
    expect(isLocalName("localhost")).toBe(true);
    expect(isLocalName("LOCALHOST.")).toBe(true);
    expect(isLocalName("api.localhost")).toBe(true);
    expect(isLocalName("localhost.lapor.go.id")).toBe(false);
  });
});
