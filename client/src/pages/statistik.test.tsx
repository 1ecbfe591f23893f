// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import StatistikPage from "./statistik";
import { StaticSession, type Me } from "../lib/session";
import { mockClient, Wrapper, type GraphQLRequestBody } from "../test-utils";

afterEach(cleanup);

const KANTOR_A = { id: "SW5zdGFuc2k6YQ==", nama: "Kantor Kemenag Kab. Madiun" };
const KANTOR_B = { id: "SW5zdGFuc2k6Yg==", nama: "Kecamatan Jogonalan" };

const statistik = {
  __typename: "StatistikSuccess",
  data: {
    pengajuanDiajukan: 7,
    selesai: 4,
    kepatuhanSlaPersen: 25,
    medianMenitKerja: 945,
    p90MenitKerja: 8427,
    terlambatSaatIni: 1,
    pengajuanPerStatus: [{ nama: "SELESAI", label: "Selesai", jumlah: 2 }],
    pengaduanPerKategori: [],
    pengaduanPerKanal: [{ nama: "WEB", label: "Situs Loket", jumlah: 3 }],
    ppidMasuk: 0,
    ppidDikabulkan: 0,
    ppidDitolak: 0,
    ppidKeberatan: 0,
    konsultasi: { masuk: 3, dieskalasi: 1, dijawab: 2, terlambat: 0, perKanal: [{ nama: "TELEPON", label: "Telepon", jumlah: 3 }] },
    pelatihan: { sesi: 1, terdaftar: 20, hadir: 18 },
    ikm: null,
  },
};

const kinerja = { diajukan: 4, selesai: 3, kepatuhanSlaPersen: 33.3, medianMenitKerja: 1350, melewatiSla: 2, berjalan: 2, terlambatSaatIni: 1 };
const detail = {
  __typename: "StatistikDetailSuccess",
  data: {
    total: { terlambatSaatIni: 1, melewatiSla: 1 },
    perLayanan: [{ layananId: "TGF5YW5hbjox", nama: "Rekomendasi Dispensasi Menikah", kinerja }],
    perPetugas: [{ petugasId: null, nama: "Belum ditugaskan", kinerja }],
    kasusTerlambat: [
      {
        pengajuanId: btoa("Pengajuan:11111111-1111-4111-8111-111111111111"),
        nomorRegistrasi: "KMG/2026/000004",
        layanan: "Rekomendasi Dispensasi Menikah",
        petugas: null,
        status: "DIPROSES",
        tenggat: "2026-11-11T02:00:00.000Z",
        selesaiAt: null,
        terlambatMenitKerja: 1440,
      },
    ],
    kasusMelewatiSla: [
      {
        pengajuanId: btoa("Pengajuan:22222222-2222-4222-8222-222222222222"),
        nomorRegistrasi: "KMG/2026/000002",
        layanan: "Rekomendasi Dispensasi Menikah",
        petugas: "Siti Rahmawati",
        status: "SELESAI",
        tenggat: "2026-11-03T05:00:00.000Z",
        selesaiAt: "2026-11-05T02:00:00.000Z",
        terlambatMenitKerja: 720,
      },
    ],
    pengaduanPerKategori: [{ nama: "Pelayanan lambat", label: "Pelayanan lambat", jumlah: 2, terbuka: 1, terlambat: 1 }],
    pengaduanPerKanal: [{ nama: "WHATSAPP", label: "WhatsApp", jumlah: 1, terbuka: 1, terlambat: 1 }],
    jumlahPengaduanTerbuka: 1,
    pengaduanTerbuka: [
      {
        pengaduanId: btoa("Pengaduan:33333333-3333-4333-8333-333333333333"),
        kodeLacak: "ADU-7K2M9Q",
        kategori: "Pelayanan lambat",
        kanal: "WHATSAPP",
        status: "DIVERIFIKASI",
        tenggat: "2026-11-06T03:00:00.000Z",
        terlambatMenitKerja: 2760,
      },
    ],
  },
};

function setup(me: Me | null) {
  const { client, requests } = mockClient((body: GraphQLRequestBody) => {
    if (body.operationName === "StatistikKantor") return { data: { instansiList: [KANTOR_B, KANTOR_A] } };
    if (body.operationName === "StatistikPage") return { data: { statistik } };
    if (body.operationName === "StatistikPetugas") return { data: { statistikDetail: detail } };
    return { errors: [{ message: `unexpected ${body.operationName}` }] };
  });
  render(
    <Wrapper client={client}>
      <StaticSession value={{ me }}>
        <StatistikPage />
      </StaticSession>
    </Wrapper>,
  );
  return { requests };
}

const staff = (role: string, instansi: { id: string; nama: string } | null): Me =>
  ({ id: "VXNlcjox", namaLengkap: "Siti Rahmawati", role, status: "AKTIF", instansi }) as Me;

describe("/statistik", () => {
  it("shows the public figures to everyone and never asks for the staff detail", async () => {
    const { requests } = setup(null);
    expect(await screen.findByText("Pengajuan masuk")).toBeTruthy();
    expect(screen.queryByText("Rincian untuk petugas")).toBeNull();
    expect(requests.map((r) => r.operationName)).not.toContain("StatistikPetugas");
    // people read labels, never the codes ("SELESAI", "WEB")
    expect(screen.getByRole("rowheader", { name: "Selesai" })).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: "Situs Loket" })).toBeTruthy();
    expect(screen.queryByText("SELESAI")).toBeNull();
    expect(screen.queryByText("WEB")).toBeNull();
    // the helpdesk and the training sessions count too, their channels by name
    const helpdesk = within(screen.getByRole("region", { name: "Konsultasi (helpdesk)" }));
    expect(helpdesk.getByRole("row", { name: "lewat Telepon 3" })).toBeTruthy();
    expect(helpdesk.getByRole("row", { name: "Dieskalasi (mis. ke LKPP) 1" })).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "Pelatihan" })).getByRole("row", { name: "Peserta hadir 18" })).toBeTruthy();
  });

  it("shows an officer the detail of their own office, with links to the cases", async () => {
    const { requests } = setup(staff("PETUGAS", KANTOR_A));
    const section = (await screen.findByRole("heading", { name: "Rincian untuk petugas" })).closest("section")!;
    const late = await within(section).findByRole("link", { name: "KMG/2026/000004" });
    // the officer's own office is selected first, and the detail asked for it (the heading can show before the request goes out)
    expect(requests.find((r) => r.operationName === "StatistikPetugas")!.variables).toMatchObject({ instansiId: KANTOR_A.id, periode: "TAHUN", ke: 1 });
    expect(late.getAttribute("href")).toBe("/petugas/pengajuan/11111111-1111-4111-8111-111111111111");
    expect(within(section).getByText("terlambat 3 hari kerja 1 jam")).toBeTruthy();
    expect(within(section).getByRole("link", { name: "ADU-7K2M9Q" }).getAttribute("href")).toBe("/petugas/pengaduan/33333333-3333-4333-8333-333333333333");
    expect(within(section).getByText("Siti Rahmawati")).toBeTruthy();
    expect(within(section).getByRole("rowheader", { name: "WhatsApp" })).toBeTruthy();
  });

  it("does not ask for the detail of another office, nor for a citizen", async () => {
    const other = setup(staff("ADMIN", { id: "SW5zdGFuc2k6Yw==", nama: "Kantor Lain" }));
    expect(await screen.findByText("Pengajuan masuk")).toBeTruthy();
    expect(other.requests.map((r) => r.operationName)).not.toContain("StatistikPetugas");
    cleanup();
    const citizen = setup(staff("PEMOHON", null));
    expect(await screen.findByText("Pengajuan masuk")).toBeTruthy();
    expect(citizen.requests.map((r) => r.operationName)).not.toContain("StatistikPetugas");
  });
});
