// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import TandaTanganPage from "./tanda-tangan";
import { descriptionOf, mockClient, Wrapper, type GraphQLRequestBody } from "../test-utils";

afterEach(cleanup);

const INSTANSI = { id: btoa("Instansi:dddddddd-dddd-4ddd-8ddd-dddddddddddd"), zonaWaktu: "Asia/Jakarta" };

function surat(n: number, overrides: Record<string, unknown> = {}) {
  const uuid = `${String(n).repeat(8)}-1111-4111-8111-111111111111`;
  return {
    __typename: "Surat",
    id: btoa(`Surat:${uuid}`),
    nomor: `400.12/00${n}/2026`,
    layananNama: "Surat Keterangan Domisili",
    nomorRegistrasi: `JGN/2026/00001${n}`,
    pengajuanId: btoa(`Pengajuan:${uuid}`),
    createdAt: "2026-12-07T02:15:00.000Z",
    unduhUrl: `/unduh/surat/${uuid}`,
    dapatDitandatangani: true,
    instansi: INSTANSI,
    ...overrides,
  };
}

const PERTAMA = surat(1);
const KEDUA = surat(2, { layananNama: "Surat Pengantar SKCK" });

function setup(handler: (body: GraphQLRequestBody) => unknown, queue: unknown[] = [PERTAMA, KEDUA]) {
  const { client, requests, subscriptions } = mockClient((body) => {
    if (body.operationName === "AntrianTtd") return { data: { antrianTtd: queue } };
    return handler(body);
  });
  render(
    <Wrapper client={client}>
      <TandaTanganPage />
    </Wrapper>,
  );
  return { requests, subscriptions };
}

const unexpected = (body: GraphQLRequestBody) => ({ errors: [{ message: `unexpected ${body.operationName}` }] });

const itemOf = (nomor: string) => screen.getByRole("heading", { name: nomor }).closest("li")!;

describe("/tanda-tangan", () => {
  it("lists the letters waiting for the official's signature, each with its PDF to read", async () => {
    setup(unexpected);
    const first = (await screen.findByRole("heading", { name: PERTAMA.nomor })).closest("li")!;
    expect(within(first).getByText("Surat Keterangan Domisili")).toBeTruthy();
    expect(within(first).getByText("JGN/2026/000011")).toBeTruthy();
    // the office's time, as people read it
    expect(within(first).getByText("7 Desember 2026 pukul 09.15")).toBeTruthy();
    const pdf = within(first).getByRole("link", { name: /Baca surat \(PDF\)/ });
    expect(pdf.getAttribute("href")).toBe(PERTAMA.unduhUrl);
    expect(pdf.getAttribute("target")).toBe("_blank");
    expect(within(first).getByRole("button", { name: "Tandatangani" })).toBeTruthy();
    expect(within(first).getByRole("button", { name: "Kembalikan" })).toBeTruthy();
    expect(within(itemOf(KEDUA.nomor)).getByText("Surat Pengantar SKCK")).toBeTruthy();
    expect(screen.queryByText("Tidak ada surat yang menunggu tanda tangan Anda.")).toBeNull();
  });

  it("says so when nothing waits for the viewer", async () => {
    setup(unexpected, []);
    expect(await screen.findByText("Tidak ada surat yang menunggu tanda tangan Anda.")).toBeTruthy();
  });

  it("shows a wrong passphrase by its field, and never keeps the passphrase in the box", async () => {
    const user = userEvent.setup();
    const { requests } = setup((body) => {
      if (body.operationName === "TandatanganiSurat") {
        const problem = { code: "TTD_PASSPHRASE_SALAH", message: "Passphrase sertifikat salah.", field: "passphrase" };
        return { data: { tandatanganiSurat: { __typename: "TandaTanganError", ...problem, problems: [problem] } } };
      }
      return unexpected(body);
    });
    await screen.findByRole("heading", { name: PERTAMA.nomor });
    await user.click(within(itemOf(PERTAMA.nomor)).getByRole("button", { name: "Tandatangani" }));
    const box = screen.getByLabelText("Passphrase tanda tangan elektronik") as HTMLInputElement;
    expect(box.type).toBe("password");
    expect(box.getAttribute("autocomplete")).toBe("off");
    await user.type(box, "rahasia-salah");
    await user.click(screen.getByRole("button", { name: "Tandatangani surat" }));
    await waitFor(() => expect(descriptionOf(box)).toContain("Passphrase salah"));
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(box.value).toBe("");
    expect(requests.find((r) => r.operationName === "TandatanganiSurat")!.variables).toEqual({ id: PERTAMA.id, passphrase: "rahasia-salah" });
    // the letter is still there to sign
    expect(screen.getByRole("heading", { name: PERTAMA.nomor })).toBeTruthy();
  });

  it("confirms a signature and takes the letter off the list", async () => {
    const user = userEvent.setup();
    setup((body) =>
      body.operationName === "TandatanganiSurat"
        ? {
            data: {
              tandatanganiSurat: {
                __typename: "TandatanganiSuratSuccess",
                data: { __typename: "Surat", id: PERTAMA.id, nomor: PERTAMA.nomor, status: "TERBIT" },
              },
            },
          }
        : unexpected(body),
    );
    await screen.findByRole("heading", { name: PERTAMA.nomor });
    await user.click(within(itemOf(PERTAMA.nomor)).getByRole("button", { name: "Tandatangani" }));
    // an empty passphrase is not sent
    await user.click(screen.getByRole("button", { name: "Tandatangani surat" }));
    expect(descriptionOf(screen.getByLabelText("Passphrase tanda tangan elektronik"))).toContain("Masukkan passphrase");
    await user.type(screen.getByLabelText("Passphrase tanda tangan elektronik"), "benar");
    await user.click(screen.getByRole("button", { name: "Tandatangani surat" }));
    expect(await screen.findByText(`Surat ${PERTAMA.nomor} telah ditandatangani dan dikirim ke pemohon.`)).toBeTruthy();
    expect(screen.queryByRole("heading", { name: PERTAMA.nomor })).toBeNull();
    expect(screen.getByRole("heading", { name: KEDUA.nomor })).toBeTruthy();
  });

  it("returns a letter only with a note for the officers", async () => {
    const user = userEvent.setup();
    const { requests } = setup((body) =>
      body.operationName === "KembalikanSurat"
        ? {
            data: {
              kembalikanSurat: {
                __typename: "KembalikanSuratSuccess",
                data: { __typename: "Surat", id: KEDUA.id, nomor: KEDUA.nomor, status: "DIKEMBALIKAN" },
              },
            },
          }
        : unexpected(body),
    );
    await screen.findByRole("heading", { name: KEDUA.nomor });
    await user.click(within(itemOf(KEDUA.nomor)).getByRole("button", { name: "Kembalikan" }));
    const note = screen.getByLabelText("Catatan untuk petugas");
    await user.click(screen.getByRole("button", { name: "Kembalikan surat" }));
    expect(descriptionOf(note)).toContain("minimal 5 karakter");
    expect(requests.some((r) => r.operationName === "KembalikanSurat")).toBe(false);
    await user.type(note, "Alamat pemohon salah ketik.");
    await user.click(screen.getByRole("button", { name: "Kembalikan surat" }));
    expect(await screen.findByText(`Surat ${KEDUA.nomor} dikembalikan kepada petugas beserta catatan Anda.`)).toBeTruthy();
    expect(requests.find((r) => r.operationName === "KembalikanSurat")!.variables).toEqual({ id: KEDUA.id, catatan: "Alamat pemohon salah ketik." });
    expect(screen.queryByRole("heading", { name: KEDUA.nomor })).toBeNull();
  });

  it("follows the queue live: each list from the stream replaces the one on screen", async () => {
    const { subscriptions } = setup(unexpected, [PERTAMA]);
    await screen.findByRole("heading", { name: PERTAMA.nomor });
    await waitFor(() => expect(subscriptions.get("AntrianTtdBerubah")).toBeDefined());
    const live = subscriptions.get("AntrianTtdBerubah")!;
    const KETIGA = surat(3, { layananNama: "Surat Keterangan Usaha" });
    act(() => live.next({ antrianTtdBerubah: [PERTAMA, KETIGA] }));
    expect(await screen.findByRole("heading", { name: KETIGA.nomor })).toBeTruthy();
    expect(screen.getByText("2 surat menunggu tanda tangan Anda, terlama di atas.")).toBeTruthy();
    // signed elsewhere (another tab): gone here too
    act(() => live.next({ antrianTtdBerubah: [KETIGA] }));
    await waitFor(() => expect(screen.queryByRole("heading", { name: PERTAMA.nomor })).toBeNull());
    act(() => live.next({ antrianTtdBerubah: [] }));
    expect(await screen.findByText("Tidak ada surat yang menunggu tanda tangan Anda.")).toBeTruthy();
    expect(screen.getByText("Diperbarui langsung")).toBeTruthy();
  });
});
