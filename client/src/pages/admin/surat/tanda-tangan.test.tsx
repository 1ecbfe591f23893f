// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import TandaTanganElektronikPage, { PASSPHRASE_SALAH } from "./tanda-tangan";
import { StaticSession, type Me } from "../../../lib/session";
import { descriptionOf, mockClient, Wrapper, type GraphQLRequestBody } from "../../../test-utils";

afterEach(cleanup);

// the certificate goes in a multipart request (lib/upload.ts, XMLHttpRequest); here the test answers it
const upload = vi.hoisted(() => ({ calls: [] as Array<Record<string, unknown>>, answer: null as unknown }));
vi.mock("../../../lib/upload", () => ({
  uploadMutation: async (_doc: unknown, variables: Record<string, unknown>) => {
    upload.calls.push(variables);
    return upload.answer;
  },
}));

const INSTANSI_ID = btoa("Instansi:dddddddd-dddd-4ddd-8ddd-dddddddddddd");
const ME = {
  id: btoa("User:admin"),
  namaLengkap: "Admin Kecamatan",
  role: "ADMIN",
  status: "AKTIF",
  instansi: { id: INSTANSI_ID, nama: "Kecamatan Jogonalan" },
} as Me;

const KOSONG = { __typename: "PengaturanTtd", metode: null, sertifikat: null, remote: null, akar: [] };
const SIDIK = "ab12cd34".repeat(8);
const DENGAN_P12 = {
  ...KOSONG,
  metode: "P12",
  sertifikat: {
    __typename: "SertifikatTtd",
    subjek: "CN=Kecamatan Jogonalan, O=Pemerintah Kabupaten Klaten",
    penerbit: "CN=OSD BSrE",
    nomorSeri: "0A1B2C",
    berlakuMulai: "2026-01-01T00:00:00.000Z",
    berlakuSampai: "2099-12-31T00:00:00.000Z",
    sidikJari: SIDIK,
  },
};

const unexpected = (body: GraphQLRequestBody) => ({ errors: [{ message: `unexpected ${body.operationName}` }] });

function setup(handler: (body: GraphQLRequestBody) => unknown = unexpected, pengaturan: object = KOSONG) {
  upload.calls = [];
  const { client, requests } = mockClient((body) => (body.operationName === "AdminPengaturanTtd" ? { data: { pengaturanTtd: pengaturan } } : handler(body)));
  render(
    <Wrapper client={client}>
      <StaticSession value={{ me: ME }}>
        <TandaTanganElektronikPage />
      </StaticSession>
    </Wrapper>,
  );
  return { requests, user: userEvent.setup() };
}

const P12 = new File([new Uint8Array([0x30, 0x82, 0x01, 0x00])], "kantor.p12", { type: "application/x-pkcs12" });

describe("/admin/tanda-tangan-elektronik", () => {
  it("says what is not set up yet, and that letters' signatures are not trusted until roots are pasted", async () => {
    setup();
    expect(await screen.findByText(/Belum diatur: surat hasil belum dapat ditandatangani/)).toBeTruthy();
    expect(screen.getByText("Belum ada sertifikat yang diunggah.")).toBeTruthy();
    expect(screen.getByText(/tidak berasal dari otoritas tepercaya/)).toBeTruthy();
    expect(screen.getByRole("link", { name: /Pejabat penandatangan/ }).getAttribute("href")).toBe("/admin/pengguna#pejabat-penandatangan");
  });

  it("shows a wrong passphrase by its field, and never keeps the passphrase in the box", async () => {
    const { user } = setup();
    const problem = { code: "TTD_PASSPHRASE_SALAH", message: "Passphrase sertifikat salah.", field: "passphrase" };
    upload.answer = { data: { unggahSertifikatTtd: { __typename: "TandaTanganError", ...problem, problems: [problem] } } };
    await user.upload(await screen.findByLabelText("Berkas sertifikat (.p12 atau .pfx)"), P12);
    const box = screen.getByLabelText("Passphrase sertifikat") as HTMLInputElement;
    expect(box.type).toBe("password");
    expect(box.getAttribute("autocomplete")).toBe("off");
    // the passphrase is not stored, and each official types it when signing
    expect(descriptionOf(box)).toMatch(/tidak menyimpannya.*Setiap pejabat penandatangan mengetikkan passphrase ini/);
    await user.type(box, "rahasia-salah");
    await user.click(screen.getByRole("button", { name: "Unggah sertifikat" }));
    await waitFor(() => expect(descriptionOf(box)).toContain(PASSPHRASE_SALAH));
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(box.value).toBe("");
    expect(upload.calls).toEqual([{ instansiId: INSTANSI_ID, berkas: P12, passphrase: "rahasia-salah" }]);
  });

  it("checks the form before sending: a file and a passphrase, both named in the error summary", async () => {
    const { user } = setup();
    await user.click(await screen.findByRole("button", { name: "Unggah sertifikat" }));
    const summary = await screen.findByRole("group", { name: /Ada masalah/ });
    expect(within(summary).getByRole("link", { name: /Berkas sertifikat.*Pilih berkas sertifikat kantor/ })).toBeTruthy();
    expect(within(summary).getByRole("link", { name: /Passphrase sertifikat.*Masukkan passphrase/ })).toBeTruthy();
    expect(upload.calls).toEqual([]);
  });

  it("shows the uploaded certificate with its fingerprint, and empties the form", async () => {
    const { user } = setup();
    upload.answer = { data: { unggahSertifikatTtd: { __typename: "UnggahSertifikatTtdSuccess", data: DENGAN_P12 } } };
    await user.upload(await screen.findByLabelText("Berkas sertifikat (.p12 atau .pfx)"), P12);
    await user.type(screen.getByLabelText("Passphrase sertifikat"), "benar");
    await user.click(screen.getByRole("button", { name: "Unggah sertifikat" }));
    expect(await screen.findByText(/Sertifikat kantor tersimpan/)).toBeTruthy();
    expect(screen.getByText("CN=OSD BSrE")).toBeTruthy();
    expect(screen.getByText(/^AB:12:CD:34:AB:12/)).toBeTruthy();
    const keadaan = screen.getByRole("region", { name: "Keadaan sekarang" });
    expect(within(keadaan).getByText("Sertifikat elektronik kantor (berkas .p12/.pfx)")).toBeTruthy();
    expect((screen.getByLabelText("Passphrase sertifikat") as HTMLInputElement).value).toBe("");
  });

  it("puts each of the remote service's problems by its field and in the summary; a blank secret keeps the stored one", async () => {
    const remote = { __typename: "LayananTtdRemote", url: "https://esign.contoh.go.id", clientId: "jogonalan", adaClientSecret: true };
    const { user, requests } = setup(
      (body) => {
        if (body.operationName !== "AturLayananTtdRemote") return unexpected(body);
        const problems = [
          { code: "TTD_REMOTE_URL_INVALID", message: "Alamat layanan tanda tangan harus berupa URL http(s) tanpa nama pengguna/sandi.", field: "url" },
          { code: "TTD_REMOTE_CLIENT_ID_KOSONG", message: "Client ID ditolak layanan.", field: "clientId" },
        ];
        return { data: { aturLayananTtdRemote: { __typename: "TandaTanganError", ...problems[0], problems } } };
      },
      { ...KOSONG, metode: "REMOTE", remote },
    );
    const url = (await screen.findByLabelText("Alamat layanan (URL)")) as HTMLInputElement;
    expect(url.value).toBe("https://esign.contoh.go.id");
    expect(descriptionOf(screen.getByLabelText(/^Client secret/))).toContain("Kosongkan untuk tetap memakai yang tersimpan");
    await user.click(screen.getByRole("button", { name: "Simpan layanan" }));
    await waitFor(() => expect(descriptionOf(url)).toContain("Alamat layanan tanda tangan harus berupa URL"));
    expect(descriptionOf(screen.getByLabelText("Client ID"))).toContain("Client ID ditolak layanan.");
    const summary = await screen.findByRole("group", { name: /Ada masalah/ });
    expect(within(summary).getAllByRole("link")).toHaveLength(2);
    expect(requests.find((r) => r.operationName === "AturLayananTtdRemote")!.variables).toEqual({
      instansiId: INSTANSI_ID,
      url: "https://esign.contoh.go.id",
      clientId: "jogonalan",
      clientSecret: null,
    });
  });

  it("shows a broken PEM by the roots' field", async () => {
    const { user } = setup((body) => {
      if (body.operationName !== "AturAkarTtd") return unexpected(body);
      const problem = { code: "TTD_AKAR_BUKAN_CA", message: "Blok ke-1 bukan sertifikat CA.", field: "pem" };
      return { data: { aturAkarTtd: { __typename: "TandaTanganError", ...problem, problems: [problem] } } };
    });
    const pem = await screen.findByLabelText(/^Sertifikat akar \(PEM\)/);
    await user.click(pem);
    await user.paste("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----");
    await user.click(screen.getByRole("button", { name: "Simpan sertifikat akar" }));
    await waitFor(() => expect(descriptionOf(pem)).toContain("Blok ke-1 bukan sertifikat CA."));
  });

  it("refuses a way of signing that is not set up, by the choice", async () => {
    const { user } = setup((body) => {
      if (body.operationName !== "PilihMetodeTtd") return unexpected(body);
      const problem = { code: "TTD_BELUM_DIATUR", message: "Atur layanan tanda tangan jarak jauh terlebih dahulu.", field: "metode" };
      return { data: { pilihMetodeTtd: { __typename: "TandaTanganError", ...problem, problems: [problem] } } };
    }, DENGAN_P12);
    await user.click(await screen.findByRole("radio", { name: /Layanan tanda tangan jarak jauh — belum diatur/ }));
    await user.click(screen.getByRole("button", { name: "Simpan pilihan" }));
    const group = screen.getByRole("group", { name: "Surat kantor ditandatangani dengan" });
    await waitFor(() => expect(descriptionOf(group)).toContain("Atur layanan tanda tangan jarak jauh terlebih dahulu."));
  });
});
