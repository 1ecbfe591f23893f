// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router-dom";
import VerifikasiDokumenPage from "./verifikasi-dokumen";
import { mockClient, Wrapper } from "../test-utils";

afterEach(cleanup);

// the file goes as a multipart request (lib/upload.ts, XMLHttpRequest); here it answers like the API, and the
// real request and check are exercised in tests/surat/verifikasi-surat.test.ts
const upload = vi.hoisted(() => ({ calls: [] as Array<Record<string, unknown>>, answer: null as unknown }));
vi.mock("../lib/upload", () => ({
  uploadMutation: async (_doc: unknown, variables: Record<string, unknown>) => {
    upload.calls.push(variables);
    return upload.answer;
  },
}));

const KODE = "K7Q29XRMABCDEFGH";

const surat = (over: Record<string, unknown> = {}) => ({
  __typename: "VerifikasiSurat",
  nomorSurat: "B-12/Kk.13.19/PP.00/12/2026",
  status: "TERBIT",
  dibatalkan: false,
  alasanBatal: null,
  dibatalkanAt: null,
  penandatanganNama: "Dra. Siti Aminah, M.Si.",
  penandatanganJabatan: "Kepala Kantor",
  ditandatanganiAt: "2026-12-05T07:05:00.000Z",
  ...over,
});

const dokumen = (s: ReturnType<typeof surat> | null) => ({
  data: {
    verifikasiDokumen: {
      __typename: "VerifikasiDokumen",
      judul: "Rekomendasi — B-12",
      instansi: "Kantor Kemenag Kab. Madiun",
      layanan: "Rekomendasi Dispensasi Menikah",
      nomorRegistrasi: "KMG/2026/000777",
      diterbitkan: "2026-12-05T07:05:00.000Z",
      sha256: "ab".repeat(32),
      surat: s,
    },
  },
});

const hasil = (over: Record<string, unknown> = {}) => ({
  data: {
    periksaBerkasVerifikasi: {
      __typename: "PeriksaBerkasVerifikasiSuccess",
      data: {
        sama: true,
        pdf: true,
        dibatalkan: false,
        akarDiatur: true,
        tidakBertandaTangan: false,
        tandaTanganSah: true,
        kesimpulan: "Berkas sesuai dengan dokumen yang diterbitkan: isinya sama persis. Tanda tangan elektronik pada berkas sah.",
        tandaTangan: [
          {
            urutan: 1,
            sah: true,
            ringkasan: "Tanda tangan elektronik oleh Siti Aminah utuh: isi yang ditandatangani tidak berubah.",
            integritas: "VALID",
            waktuTandaTanganKlaim: "2026-12-05T07:05:00.000Z",
            pencabutanKeterangan: "Status pencabutan sertifikat tidak diperiksa.",
            penandatangan: { nama: "Siti Aminah", penerbit: "Loket Uji CA" },
          },
        ],
        ...over,
      },
    },
  },
});

function setup(answer: unknown) {
  const { client } = mockClient(() => answer);
  upload.calls = [];
  render(
    <Wrapper client={client} path={`/verifikasi/${KODE}`}>
      <Routes>
        <Route path="/verifikasi/:kode" element={<VerifikasiDokumenPage />} />
      </Routes>
    </Wrapper>,
  );
  return userEvent.setup();
}

const PDF = new File(["%PDF-1.7\n..."], "surat.pdf", { type: "application/pdf" });

describe("the verification page", () => {
  it("shows the letter's facts, sends the chosen file to the server and shows its verdict", async () => {
    const user = setup(dokumen(surat()));
    expect(await screen.findByRole("heading", { name: /Surat terdaftar/ })).toBeTruthy();
    expect(screen.getByText("B-12/Kk.13.19/PP.00/12/2026")).toBeTruthy();
    expect(screen.getByText(/Dra\. Siti Aminah, M\.Si\., Kepala Kantor, pada 5 .* WIB/)).toBeTruthy();

    upload.answer = hasil();
    await user.upload(screen.getByLabelText("Pilih berkas untuk dicocokkan"), PDF);
    expect(await screen.findByText("✓ Berkas sesuai dengan surat yang diterbitkan.")).toBeTruthy();
    expect(upload.calls).toEqual([{ kode: KODE, berkas: PDF }]);
    expect(screen.getByText("✓ Tanda tangan elektronik sah.")).toBeTruthy();
    expect(screen.getByText(/Siti Aminah utuh/)).toBeTruthy();
  });

  it("says plainly when the file differs and the signature is invalid", async () => {
    const user = setup(dokumen(surat()));
    await screen.findByRole("heading", { name: /Surat terdaftar/ });
    upload.answer = hasil({
      sama: false,
      tandaTanganSah: false,
      kesimpulan: "Berkas TIDAK sesuai dengan dokumen yang diterbitkan.",
      tandaTangan: [],
    });
    await user.upload(screen.getByLabelText("Pilih berkas untuk dicocokkan"), PDF);
    expect(await screen.findByText(/Berkas tidak sesuai dengan surat yang diterbitkan/)).toBeTruthy();
    expect(screen.getByText("⚠ Tanda tangan elektronik tidak dapat dinyatakan sah.")).toBeTruthy();
  });

  it("shows a voided letter as DIBATALKAN with its reason", async () => {
    setup(dokumen(surat({ status: "DIBATALKAN", dibatalkan: true, alasanBatal: "Salah penulisan nama.", dibatalkanAt: "2026-12-06T01:00:00.000Z" })));
    expect(await screen.findByRole("heading", { name: /Surat ini telah DIBATALKAN/ })).toBeTruthy();
    expect(screen.getByText(/Alasan: Salah penulisan nama\./)).toBeTruthy();
    expect(screen.queryByText(/Surat terdaftar/)).toBeNull();
  });

  it("shows the API's refusal of a file in its own words", async () => {
    const user = setup(dokumen(null));
    expect(await screen.findByRole("heading", { name: /Dokumen terdaftar/ })).toBeTruthy();
    upload.answer = {
      data: {
        periksaBerkasVerifikasi: {
          __typename: "VerifikasiBerkasError",
          code: "VERIFIKASI_BUKAN_PDF",
          message: "Berkas ini bukan PDF.",
          field: "berkas",
          problems: [{ code: "VERIFIKASI_BUKAN_PDF", message: "Berkas ini bukan PDF.", field: "berkas" }],
        },
      },
    };
    await user.upload(screen.getByLabelText("Pilih berkas untuk dicocokkan"), new File(["teks"], "catatan.txt", { type: "text/plain" }));
    expect(await screen.findByText("⚠ Berkas ini bukan PDF.")).toBeTruthy();
  });
});
