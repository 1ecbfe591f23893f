// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { Layout } from "./layout";
import { emailStatusMessage } from "./email-status-banner";
import { StaticSession, type Me } from "../lib/session";
import { mockClient, Wrapper, type GraphQLRequestBody } from "../test-utils";

afterEach(cleanup);

const admin = {
  id: "VXNlcjox",
  namaLengkap: "Andi Pengelola",
  role: "ADMIN",
  status: "AKTIF",
  instansi: { id: "SW5zdGFuc2k6YQ==", nama: "Kantor Kemenag Kab. Madiun" },
} as Me;
const petugas = { ...admin, role: "PETUGAS" } as Me;

type Status = { smtpTerkonfigurasi: boolean; menunggu: number; gagal: number; tertuaSejak: string | null };

function setup(me: Me, path: string, status: Status) {
  const { client, requests } = mockClient((body: GraphQLRequestBody) => {
    if (body.operationName === "PengirimanEmailBanner") return { data: { pengirimanEmail: { __typename: "PengirimanEmail", ...status } } };
    return { errors: [{ message: `unexpected ${body.operationName}` }] };
  });
  render(
    <Wrapper client={client} path={path}>
      <StaticSession value={{ me }}>
        <Layout>
          <p>Isi halaman</p>
        </Layout>
      </StaticSession>
    </Wrapper>,
  );
  return { requests };
}

describe("the admin pages' email banner", () => {
  it("says plainly that emails cannot go out without an SMTP server, how many wait and what to do", async () => {
    setup(admin, "/admin/aktivasi", { smtpTerkonfigurasi: false, menunggu: 3, gagal: 0, tertuaSejak: "2026-12-01T01:30:00.000Z" });
    // a live region, so a screen reader announces it too
    const text = (await screen.findByText(/Email belum dapat dikirim:/)).closest('[role="status"]')!.textContent!;
    expect(text).toContain("Email belum dapat dikirim: server email (SMTP) belum diatur. 3 email menunggu, yang terlama sejak 1 Desember 2026 pukul 08.30.");
    expect(text).toContain("SMTP_URL");
    expect(text).toMatch(/tidak hilang/);
  });

  it("stays away when emails go out", async () => {
    const { requests } = setup(admin, "/admin/layanan", { smtpTerkonfigurasi: true, menunggu: 1, gagal: 0, tertuaSejak: new Date().toISOString() });
    await screen.findByText("Isi halaman");
    await new Promise((r) => setTimeout(r, 50));
    expect(requests.map((r) => r.operationName)).toContain("PengirimanEmailBanner");
    expect(screen.queryByText(/Email belum dapat dikirim/)).toBeNull();
    expect(screen.queryByText(/Pengiriman email tertunda/)).toBeNull();
  });

  it("is not asked for outside the admin pages or by people who are not admins", async () => {
    const a = setup(admin, "/petugas/antrian", { smtpTerkonfigurasi: false, menunggu: 3, gagal: 0, tertuaSejak: null });
    await screen.findByText("Isi halaman");
    cleanup();
    const b = setup(petugas, "/admin/aktivasi", { smtpTerkonfigurasi: false, menunggu: 3, gagal: 0, tertuaSejak: null });
    await screen.findByText("Isi halaman");
    await new Promise((r) => setTimeout(r, 50));
    expect([...a.requests, ...b.requests].map((r) => r.operationName)).not.toContain("PengirimanEmailBanner");
    expect(screen.queryByText(/Email belum dapat dikirim/)).toBeNull();
  });
});

describe("emailStatusMessage", () => {
  const now = new Date("2026-12-05T10:00:00Z");
  it("without SMTP: always, with the count (also zero) and the failed ones", () => {
    expect(emailStatusMessage({ smtpTerkonfigurasi: false, menunggu: 0, gagal: 0, tertuaSejak: null }, now)!.isi).toBe(
      "server email (SMTP) belum diatur. 0 email menunggu.",
    );
    expect(emailStatusMessage({ smtpTerkonfigurasi: false, menunggu: 2, gagal: 1, tertuaSejak: null }, now)!.isi).toBe(
      "server email (SMTP) belum diatur. 2 email menunggu. 1 email gagal dikirim setelah dicoba berulang kali.",
    );
  });
  it(`with SMTP: only when an email has waited over 30 minutes (the server refuses them or cannot be reached)`, () => {
    expect(emailStatusMessage({ smtpTerkonfigurasi: true, menunggu: 5, gagal: 0, tertuaSejak: "2026-12-05T09:45:00Z" }, now)).toBeNull();
    expect(emailStatusMessage({ smtpTerkonfigurasi: true, menunggu: 0, gagal: 4, tertuaSejak: null }, now)).toBeNull();
    const late = emailStatusMessage({ smtpTerkonfigurasi: true, menunggu: 5, gagal: 0, tertuaSejak: "2026-12-05T09:00:00Z" }, now)!;
    expect(late.judul).toBe("Pengiriman email tertunda:");
    expect(late.isi).toBe("5 email menunggu, yang terlama sejak 5 Desember 2026 pukul 16.00.");
  });
});
