// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import PesanKunjunganPage from "./pesan";
import { tanggalDi } from "./parts";
import { StaticSession, type Me } from "../../lib/session";
import { mockClient, Wrapper, type GraphQLRequestBody } from "../../test-utils";

const UUID = "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee";
const LAYANAN_ID = btoa(`Layanan:${UUID}`);
const warga = { id: "VXNlcjox", namaLengkap: "Warga Uji", role: "WARGA", status: "AKTIF", penandatangan: false, instansi: null } as unknown as Me;

// tomorrow 09.00 and 10.00 WIB (02:00 and 03:00 UTC)
const besok = new Date(Date.now() + 86_400_000);
const jam = (h: number) => new Date(Date.UTC(besok.getUTCFullYear(), besok.getUTCMonth(), besok.getUTCDate(), h)).toISOString();
const slot = (h: number, sisa: number) => ({ __typename: "SlotKunjungan", mulai: jam(h), selesai: jam(h + 1), kapasitas: 3, sisa });
const TANGGAL = tanggalDi(jam(2), "Asia/Jakarta");

const layanan = {
  node: {
    __typename: "Layanan",
    id: LAYANAN_ID,
    nama: "Verifikasi Berkas Nikah",
    aktif: true,
    kunjungan: "DITAWARKAN",
    kunjunganMenit: 60,
    instansi: {
      __typename: "Instansi",
      id: btoa("Instansi:1"),
      nama: "KUA Kecamatan Taman",
      alamat: "Jl. Merdeka 1",
      zonaWaktu: "Asia/Jakarta",
      zonaWaktuLabel: "WIB",
    },
  },
};
const slots = (list: unknown[]) => ({ slotKunjungan: { __typename: "SlotKunjunganSuccess", data: list } });

afterEach(cleanup);

function setup(handler: (body: GraphQLRequestBody) => unknown, search: string) {
  const mock = mockClient(handler);
  render(
    <StaticSession value={{ me: warga }}>
      <Wrapper client={mock.client} path={`/kunjungan/pesan?layanan=${UUID}&tujuan=VERIFIKASI&${search}`}>
        <Routes>
          <Route path="/kunjungan/pesan" element={<PesanKunjunganPage />} />
          <Route path="/kunjungan/:id" element={<p>Halaman kunjungan</p>} />
        </Routes>
      </Wrapper>
    </StaticSession>,
  );
  return { ...mock, sent: (name: string) => mock.requests.filter((r) => r.operationName === name) };
}

describe("booking a visit (/kunjungan/pesan)", () => {
  it("shows the places left of each hour, and an hour that fills while looking becomes unavailable", async () => {
    const { subscriptions } = setup(
      (body) => (body.operationName === "PesanLayanan" ? { data: layanan } : { data: slots([slot(2, 3), slot(3, 1)]) }),
      `langkah=jam&tanggal=${TANGGAL}&mulai=${encodeURIComponent(jam(3))}`,
    );
    expect(await screen.findByText("sisa 1 dari 3 tempat")).toBeTruthy();
    expect(screen.getByText("sisa 3 dari 3 tempat")).toBeTruthy();
    const radio = screen.getByRole("radio", { name: /10\.00–11\.00 WIB/ }) as HTMLInputElement;
    expect(radio.checked).toBe(true);
    await waitFor(() => expect(subscriptions.get("SlotKunjunganBerubah")).toBeTruthy());
    act(() => subscriptions.get("SlotKunjunganBerubah")!.next({ slotKunjunganBerubah: [slot(2, 3), slot(3, 0)] }));
    await waitFor(() => expect(radio.disabled).toBe(true));
    expect(screen.getByText("Penuh")).toBeTruthy();
    expect(screen.getByText("Jam yang Anda pilih baru saja penuh. Pilih jam lain.")).toBeTruthy();
  });

  it("answers SLOT_PENUH with a clear message, back at the hours, the list asked for again", async () => {
    const { sent } = setup(
      (body) => {
        if (body.operationName === "PesanLayanan") return { data: layanan };
        if (body.operationName === "PesanKunjungan")
          return {
            data: {
              pesanKunjungan: { __typename: "ConflictError", code: "SLOT_PENUH", message: "Jadwal ini sudah penuh.", field: "mulai", problems: [] },
            },
          };
        return { data: slots([slot(2, 3), slot(3, 1)]) };
      },
      `langkah=periksa&tanggal=${TANGGAL}&mulai=${encodeURIComponent(jam(3))}`,
    );
    fireEvent.click(await screen.findByRole("button", { name: "Pesan jadwal" }));
    expect(await screen.findByText("Maaf, tempat terakhir pada jam itu baru saja dipesan orang lain. Pilih jam lain.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Pilih jam kunjungan" })).toBeTruthy();
    expect(sent("PesanKunjungan")[0]!.variables).toEqual({
      input: { layananId: LAYANAN_ID, mulai: jam(3), tujuan: "VERIFIKASI", pengajuanId: null, catatan: null },
    });
    await waitFor(() => expect(sent("SlotKunjungan").length).toBeGreaterThanOrEqual(2));
  });
});
