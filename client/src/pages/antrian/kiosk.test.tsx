// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import KioskAntrianPage, { KEMBALI_DETIK } from "./kiosk";
import { StaticSession, type Me } from "../../lib/session";
import { mockClient, Wrapper, type GraphQLRequestBody } from "../../test-utils";

const UUID = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";
const INSTANSI = btoa(`Instansi:${UUID}`);
const petugas = {
  id: "VXNlcjox",
  namaLengkap: "Sari Petugas",
  role: "PETUGAS",
  status: "AKTIF",
  penandatangan: false,
  instansi: { id: INSTANSI, nama: "Kantor Kemenag Kab. Madiun" },
} as Me;
const LAYANAN = { __typename: "Layanan", id: btoa("Layanan:1"), nama: "Legalisir Ijazah" };
const UMUM = { __typename: "GrupAntrian", id: btoa("GrupAntrian:1"), kode: "A", nama: "Layanan Umum", menunggu: 4, layanan: [] };
const DOKUMEN = { __typename: "GrupAntrian", id: btoa("GrupAntrian:2"), kode: "B", nama: "Pengambilan Dokumen", menunggu: 0, layanan: [LAYANAN] };

function kiosk(over: Record<string, unknown> = {}) {
  return {
    kioskAntrian: {
      __typename: "KioskAntrian",
      instansiId: INSTANSI,
      instansiNama: "Kantor Kemenag Kab. Madiun",
      tanggal: "2026-12-07",
      buka: true,
      keteranganTutup: null,
      grup: [UMUM, DOKUMEN],
      ...over,
    },
  };
}

function ticket(grup: typeof UMUM | typeof DOKUMEN, layanan: typeof LAYANAN | null, depan: number) {
  return {
    ambilTiket: {
      __typename: "AmbilTiketSuccess",
      data: {
        __typename: "TiketAntrian",
        id: btoa("TiketAntrian:1"),
        kode: `${grup.kode}-005`,
        nomor: 5,
        tanggal: "2026-12-07",
        status: "MENUNGGU",
        menungguDiDepan: depan,
        diambilAt: "2026-12-07T01:05:00.000Z",
        grup: { __typename: "GrupAntrian", id: grup.id, kode: grup.kode, nama: grup.nama },
        layanan,
      },
    },
  };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setup(handler: (body: GraphQLRequestBody) => unknown) {
  const { client, requests } = mockClient(handler);
  render(
    <StaticSession value={{ me: petugas }}>
      <Wrapper client={client} path={`/antrian/kiosk/${UUID}`}>
        <Routes>
          <Route path="/antrian/kiosk/*" element={<KioskAntrianPage />} />
        </Routes>
      </Wrapper>
    </StaticSession>,
  );
  return { requests, sent: (name: string) => requests.filter((r) => r.operationName === name) };
}

describe("the kiosk (/antrian/kiosk)", () => {
  it("says the office is closed today, and why", async () => {
    setup(() => ({ data: kiosk({ buka: false, keteranganTutup: "Cuti bersama Hari Raya Natal" }) }));
    expect(await screen.findByRole("heading", { name: "Layanan antrian sedang tutup" })).toBeTruthy();
    expect(screen.getByText("Cuti bersama Hari Raya Natal")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Layanan Umum/ })).toBeNull();
  });

  it("gives a number at one touch, with the group, who waits ahead and the date, then starts again after a while", async () => {
    const { sent } = setup((body) => (body.operationName === "AmbilTiket" ? { data: ticket(UMUM, null, 4) } : { data: kiosk() }));
    const button = await screen.findByRole("button", { name: /Layanan Umum/ });
    expect(button.textContent).toContain("4 menunggu");
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fireEvent.click(button);
    expect((await screen.findByTestId("tiket-kode")).textContent).toBe("A-005");
    expect(sent("AmbilTiket")[0]!.variables).toEqual({ instansiId: INSTANSI, grupId: UMUM.id, layananId: null });
    expect(screen.getByText("4 orang menunggu di depan Anda.")).toBeTruthy();
    expect(screen.getByText(/Senin, 7 Desember 2026, pukul/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Cetak tiket" })).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync((KEMBALI_DETIK + 1) * 1000);
    });
    expect(screen.queryByTestId("tiket-kode")).toBeNull();
    expect(screen.getByRole("heading", { name: "Ambil nomor antrian" })).toBeTruthy();
  });

  it("asks for the service of a group that has several, and sends the one touched", async () => {
    const { sent } = setup((body) => (body.operationName === "AmbilTiket" ? { data: ticket(DOKUMEN, LAYANAN, 0) } : { data: kiosk() }));
    fireEvent.click(await screen.findByRole("button", { name: /Pengambilan Dokumen/ }));
    expect(screen.getByRole("heading", { name: "Pengambilan Dokumen" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Legalisir Ijazah" }));
    expect((await screen.findByTestId("tiket-kode")).textContent).toBe("B-005");
    expect(sent("AmbilTiket")[0]!.variables).toEqual({ instansiId: INSTANSI, grupId: DOKUMEN.id, layananId: LAYANAN.id });
    expect(screen.getByText("Tidak ada antrian di depan Anda.")).toBeTruthy();
  });
});
