// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import RegisterSuratPage, { csvHref } from "./register";
import { StaticSession, type Me } from "../../../lib/session";
import { descriptionOf, mockClient, Wrapper, type GraphQLRequestBody } from "../../../test-utils";

afterEach(cleanup);

const INSTANSI_UUID = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";
const INSTANSI_ID = btoa(`Instansi:${INSTANSI_UUID}`);
const ME = {
  id: btoa("User:admin"),
  namaLengkap: "Admin Kecamatan",
  role: "ADMIN",
  status: "AKTIF",
  instansi: { id: INSTANSI_ID, nama: "Kecamatan Jogonalan" },
} as Me;
const INSTANSI = { __typename: "Instansi", id: INSTANSI_ID, zonaWaktu: "Asia/Jakarta", zonaWaktuLabel: "WIB" };

function surat(n: number, overrides: Record<string, unknown> = {}) {
  const uuid = `${String(n).repeat(8)}-1111-4111-8111-111111111111`;
  return {
    __typename: "Surat",
    id: btoa(`Surat:${uuid}`),
    nomor: `00${n}/400.12/III/2026`,
    kodeKlasifikasi: "400.12",
    tanggal: "2026-03-04",
    status: "TERBIT",
    alasanBatal: null,
    dibatalkanAt: null,
    dibatalkanOlehNama: null,
    kodeVerifikasi: "K7Q29XRMABCDEFGH",
    penandatanganNama: "Drs. Bambang Wijaya",
    ditandatanganiAt: "2026-03-04T07:30:00.000Z",
    nomorRegistrasi: `JGN/2026/00012${n}`,
    layananNama: "Surat Keterangan Domisili",
    unduhUrl: `/unduh/surat/${uuid}`,
    dapatDibatalkan: true,
    instansi: INSTANSI,
    ...overrides,
  };
}

const TERBIT = surat(1);
const BATAL = surat(2, {
  status: "DIBATALKAN",
  alasanBatal: "Salah ketik nama pemohon",
  dibatalkanAt: "2026-03-05T02:00:00.000Z",
  dibatalkanOlehNama: "Admin Kecamatan",
  dapatDibatalkan: false,
});

function page(nodes: unknown[], hasNextPage = false, totalCount = nodes.length) {
  return {
    data: {
      registerSurat: {
        __typename: "QueryRegisterSuratConnection",
        totalCount,
        pageInfo: { __typename: "PageInfo", hasNextPage, endCursor: hasNextPage ? "c1" : null },
        edges: nodes.map((node, i) => ({ __typename: "QueryRegisterSuratConnectionEdge", cursor: `c${i}`, node })),
      },
    },
  };
}

function setup(handler: (body: GraphQLRequestBody) => unknown) {
  const { client, requests } = mockClient(handler);
  render(
    <Wrapper client={client}>
      <StaticSession value={{ me: ME }}>
        <RegisterSuratPage />
      </StaticSession>
    </Wrapper>,
  );
  return { requests, user: userEvent.setup() };
}

const linkOf = (nomor: string) => screen.findByRole("link", { name: `${nomor} (PDF, tab baru)` });
const rowOf = (nomor: string) => screen.getByRole("link", { name: `${nomor} (PDF, tab baru)` }).closest("tr")!;

describe("/admin/register-surat", () => {
  it("lists the letters; a voided one shows its reason, who voided it and when", async () => {
    setup((body) => (body.operationName === "AdminRegisterSurat" ? page([TERBIT, BATAL]) : { errors: [{ message: "unexpected" }] }));
    await linkOf(TERBIT.nomor);
    const terbit = rowOf(TERBIT.nomor);
    expect(within(terbit).getByText("Terbit")).toBeTruthy();
    expect(within(terbit).getByText("Surat Keterangan Domisili")).toBeTruthy();
    expect(within(terbit).getByText("JGN/2026/000121")).toBeTruthy();
    expect(within(terbit).getByText("Drs. Bambang Wijaya")).toBeTruthy();
    expect(within(terbit).getByText("4 Maret 2026")).toBeTruthy();
    expect(within(terbit).getByRole("button", { name: /Batalkan nomor/ })).toBeTruthy();
    const batal = rowOf(BATAL.nomor);
    expect(within(batal).getByText("Dibatalkan")).toBeTruthy();
    expect(within(batal).getByText(/Alasan: Salah ketik nama pemohon/)).toBeTruthy();
    expect(within(batal).getByText(/Oleh Admin Kecamatan, 5 Maret 2026 pukul 09\.00 WIB/)).toBeTruthy();
    expect(within(batal).queryByRole("button", { name: /Batalkan nomor/ })).toBeNull();
  });

  it("voids a number only with a reason, after the admin confirms", async () => {
    let voided = false;
    const { requests, user } = setup((body) => {
      if (body.operationName === "AdminRegisterSurat") return page([voided ? { ...TERBIT, ...BATAL, id: TERBIT.id, nomor: TERBIT.nomor } : TERBIT]);
      if (body.operationName === "BatalkanSurat") {
        voided = true;
        return {
          data: { batalkanSurat: { __typename: "BatalkanSuratSuccess", data: { ...TERBIT, status: "DIBATALKAN", alasanBatal: body.variables!.alasan } } },
        };
      }
      return { errors: [{ message: "unexpected" }] };
    });
    await linkOf(TERBIT.nomor);
    await user.click(within(rowOf(TERBIT.nomor)).getByRole("button", { name: /Batalkan nomor/ }));
    const form = screen.getByRole("form", { name: `Batalkan nomor surat ${TERBIT.nomor}` });
    expect(within(form).getByText(/tidak akan diberikan lagi/)).toBeTruthy();
    const alasan = within(form).getByLabelText("Alasan pembatalan");
    // no reason: nothing is sent
    await user.click(within(form).getByRole("button", { name: "Ya, batalkan nomor" }));
    expect(descriptionOf(alasan)).toContain("paling sedikit 5 karakter");
    expect(alasan.getAttribute("aria-invalid")).toBe("true");
    await user.type(alasan, "Oke");
    await user.click(within(form).getByRole("button", { name: "Ya, batalkan nomor" }));
    expect(descriptionOf(alasan)).toContain("paling sedikit 5 karakter");
    expect(requests.some((r) => r.operationName === "BatalkanSurat")).toBe(false);
    await user.type(alasan, ", salah ketik nama pemohon");
    await user.click(within(form).getByRole("button", { name: "Ya, batalkan nomor" }));
    expect(await screen.findByText(`Nomor surat ${TERBIT.nomor} dibatalkan. Nomor ini tetap tercatat di register dan tidak akan dipakai lagi.`)).toBeTruthy();
    expect(requests.find((r) => r.operationName === "BatalkanSurat")!.variables).toEqual({ id: TERBIT.id, alasan: "Oke, salah ketik nama pemohon" });
  });

  it("shows the API's refusal by the reason", async () => {
    const { user } = setup((body) => {
      if (body.operationName === "AdminRegisterSurat") return page([TERBIT]);
      const problem = { code: "SURAT_MENUNGGU_TTD", message: "Surat ini sedang menunggu tanda tangan.", field: null };
      return { data: { batalkanSurat: { __typename: "InvalidStateError", ...problem, problems: [problem] } } };
    });
    await linkOf(TERBIT.nomor);
    await user.click(within(rowOf(TERBIT.nomor)).getByRole("button", { name: /Batalkan nomor/ }));
    await user.type(screen.getByLabelText("Alasan pembatalan"), "Dibuat dua kali");
    await user.click(screen.getByRole("button", { name: "Ya, batalkan nomor" }));
    expect(await screen.findByText("Surat ini sedang menunggu tanda tangan.")).toBeTruthy();
  });

  it("filters by year and status, pages on, and links the CSV with the same filters", async () => {
    const { requests, user } = setup((body) => {
      if (body.operationName !== "AdminRegisterSurat") return { errors: [{ message: "unexpected" }] };
      return body.variables!.after ? page([BATAL], false, 51) : page([TERBIT], true, 51);
    });
    await linkOf(TERBIT.nomor);
    const year = new Date().getFullYear();
    expect(requests.at(-1)!.variables).toMatchObject({ instansiId: INSTANSI_ID, tahun: year, status: null, first: 50, after: null });
    const csv = screen.getByRole("link", { name: "Unduh register (CSV)" });
    expect(csv.getAttribute("href")).toBe(`/unduh/register-surat.csv?tahun=${year}&instansiId=${INSTANSI_UUID}`);
    await user.selectOptions(screen.getByLabelText("Status"), "DIBATALKAN");
    await waitFor(() => expect(requests.at(-1)!.variables).toMatchObject({ status: "DIBATALKAN", after: null }));
    expect(csv.getAttribute("href")).toBe(`/unduh/register-surat.csv?tahun=${year}&status=DIBATALKAN&instansiId=${INSTANSI_UUID}`);
    await user.click(await screen.findByRole("button", { name: "Berikutnya" }));
    expect(await linkOf(BATAL.nomor)).toBeTruthy();
    expect(requests.at(-1)!.variables).toMatchObject({ after: "c1" });
    expect(screen.getByRole("button", { name: "Sebelumnya" })).toBeTruthy();
  });

  it("links the CSV with any status the register shows", () => {
    expect(csvHref({ instansiId: null, tahun: 2026, status: "MENUNGGU_TTD" })).toBe("/unduh/register-surat.csv?tahun=2026&status=MENUNGGU_TTD");
    expect(csvHref({ instansiId: null, tahun: null, status: null })).toBe("/unduh/register-surat.csv");
  });
});
