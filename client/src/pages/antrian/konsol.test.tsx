// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import KonsolLoketPage from "./konsol";
import { StaticSession, type Me } from "../../lib/session";
import { mockClient, Wrapper, type GraphQLRequestBody } from "../../test-utils";

const INSTANSI = btoa("Instansi:dddddddd-dddd-4ddd-8ddd-dddddddddddd");
const petugas = {
  id: "VXNlcjox",
  namaLengkap: "Sari Petugas",
  role: "PETUGAS",
  status: "AKTIF",
  penandatangan: false,
  instansi: { id: INSTANSI, nama: "Kantor Kemenag Kab. Madiun" },
} as Me;

const uuid = (n: number) => `${String(n).repeat(8)}-1111-4111-8111-111111111111`;
const LOKET_1 = { __typename: "Loket", id: btoa(`Loket:${uuid(1)}`), nama: "Loket 1", aktif: true };
const LOKET_2 = { __typename: "Loket", id: btoa(`Loket:${uuid(2)}`), nama: "Loket 2", aktif: true };
const UMUM = { __typename: "GrupAntrian", id: btoa(`GrupAntrian:${uuid(3)}`), kode: "A", nama: "Layanan Umum", aktif: true, menunggu: 2, layanan: [] };
const DOKUMEN = {
  __typename: "GrupAntrian",
  id: btoa(`GrupAntrian:${uuid(4)}`),
  kode: "B",
  nama: "Pengambilan Dokumen",
  aktif: true,
  menunggu: 1,
  layanan: [{ __typename: "Layanan", id: btoa(`Layanan:${uuid(5)}`), nama: "Legalisir Ijazah" }],
};

interface FakeTiket {
  id: string;
  kode: string;
  status: string;
  [field: string]: unknown;
}

let nextTicket = 10;
function tiket(kode: string, grup: typeof UMUM | typeof DOKUMEN, over: Record<string, unknown> = {}): FakeTiket {
  const n = nextTicket++;
  return {
    __typename: "TiketAntrian",
    id: btoa(`TiketAntrian:${String(n).padStart(8, "0")}-2222-4222-8222-222222222222`),
    kode,
    nomor: Number(kode.slice(2)),
    status: "MENUNGGU",
    sumber: "KIOSK",
    panggilanKe: 0,
    diambilAt: "2026-12-07T01:05:00.000Z",
    dipanggilAt: null,
    dilayaniAt: null,
    namaPetugas: null,
    grup: { __typename: "GrupAntrian", id: grup.id, kode: grup.kode, nama: grup.nama },
    layanan: null,
    loket: null,
    pengajuan: null,
    ...over,
  };
}

const problem = (code: string, message: string) => ({
  __typename: "InvalidStateError",
  code,
  message,
  field: null,
  problems: [{ code, message, field: null }],
});

beforeEach(() => localStorage.clear());
afterEach(cleanup);

function setup(handler: (body: GraphQLRequestBody) => unknown, tickets: () => unknown[]) {
  const { client, requests, subscriptions } = mockClient((body) => {
    if (body.operationName === "KonsolLoket") return { data: { loketInstansi: [LOKET_1, LOKET_2], grupAntrian: [UMUM, DOKUMEN] } };
    if (body.operationName === "TiketHariIni") return { data: { tiketHariIni: tickets() } };
    return handler(body);
  });
  render(
    <Wrapper client={client} path="/loket">
      <StaticSession value={{ me: petugas }}>
        <KonsolLoketPage />
      </StaticSession>
    </Wrapper>,
  );
  const sent = (name: string) => requests.filter((r) => r.operationName === name);
  return { requests, subscriptions, sent };
}

const unexpected = (body: GraphQLRequestBody) => ({ errors: [{ message: `unexpected ${body.operationName}` }] });

describe("the counter console (/loket)", () => {
  it("remembers the counter chosen, calls the next of the groups ticked, and says when nobody waits", async () => {
    const user = userEvent.setup();
    let kosong = false;
    const { sent } = setup(
      (body) => {
        if (body.operationName === "PanggilBerikutnya") {
          if (kosong) return { data: { panggilBerikutnya: problem("ANTRIAN_KOSONG", "Tidak ada antrian.") } };
          return {
            data: {
              panggilBerikutnya: {
                __typename: "PanggilBerikutnyaSuccess",
                data: { __typename: "TiketAntrian", id: "x", kode: "A-001", status: "DIPANGGIL", panggilanKe: 1, dipanggilAt: "2026-12-07T01:10:00.000Z" },
              },
            },
          };
        }
        return unexpected(body);
      },
      () => [tiket("A-001", UMUM), tiket("A-002", UMUM), tiket("B-001", DOKUMEN, { sumber: "LOKET" })],
    );
    // today's waiting list, per group
    const waiting = await screen.findByRole("region", { name: "Menunggu hari ini" });
    await within(waiting).findByText("A-001");
    expect(within(waiting).getByRole("heading", { name: /A — Layanan Umum/ }).textContent).toContain("2");
    expect(within(waiting).getByText("B-001")).toBeTruthy();

    expect(screen.getByText(/Pilih loket Anda dahulu/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Loket"), "Loket 2");
    expect(JSON.parse(localStorage.getItem(`loket.antrian.konsol:${INSTANSI}`)!).loketId).toBe(LOKET_2.id);
    // this counter calls only group B
    await user.click(screen.getByRole("checkbox", { name: /A — Layanan Umum/ }));
    await user.click(screen.getByRole("button", { name: "Panggil berikutnya" }));
    await waitFor(() => expect(sent("PanggilBerikutnya")).toHaveLength(1));
    expect(sent("PanggilBerikutnya")[0]!.variables).toEqual({ loketId: LOKET_2.id, grupIds: [DOKUMEN.id] });

    kosong = true;
    await user.click(screen.getByRole("button", { name: "Panggil berikutnya" }));
    expect(await screen.findByText("Tidak ada yang menunggu di grup yang Anda layani.")).toBeTruthy();
  });

  it("works the counter's ticket: recall, serve, finish; links to the walk-in page, or to the case served", async () => {
    const user = userEvent.setup();
    localStorage.setItem(`loket.antrian.konsol:${INSTANSI}`, JSON.stringify({ loketId: LOKET_1.id, grupIds: null }));
    let current = tiket("A-004", UMUM, {
      status: "DIPANGGIL",
      panggilanKe: 1,
      dipanggilAt: "2026-12-07T01:20:00.000Z",
      loket: { __typename: "Loket", id: LOKET_1.id, nama: "Loket 1" },
    });
    const other = tiket("A-003", UMUM, {
      status: "DIPANGGIL",
      dipanggilAt: "2026-12-07T01:19:00.000Z",
      loket: { __typename: "Loket", id: LOKET_2.id, nama: "Loket 2" },
    });
    const { sent, subscriptions } = setup(
      (body) => {
        const id = body.variables?.id;
        if (body.operationName === "PanggilUlangTiket") {
          current = { ...current, panggilanKe: 2 };
          return {
            data: {
              panggilUlangTiket: {
                __typename: "PanggilUlangTiketSuccess",
                data: { __typename: "TiketAntrian", id, status: "DIPANGGIL", panggilanKe: 2, dipanggilAt: current.dipanggilAt },
              },
            },
          };
        }
        if (body.operationName === "LayaniTiket") {
          current = { ...current, status: "DILAYANI", dilayaniAt: "2026-12-07T01:22:00.000Z" };
          return {
            data: {
              layaniTiket: { __typename: "LayaniTiketSuccess", data: { __typename: "TiketAntrian", id, status: "DILAYANI", dilayaniAt: current.dilayaniAt } },
            },
          };
        }
        if (body.operationName === "SelesaikanTiket") {
          current = { ...current, status: "SELESAI" };
          return {
            data: {
              selesaikanTiket: {
                __typename: "SelesaikanTiketSuccess",
                data: { __typename: "TiketAntrian", id, status: "SELESAI", selesaiAt: "2026-12-07T01:30:00.000Z" },
              },
            },
          };
        }
        return unexpected(body);
      },
      () => [other, current].filter((t) => t.status !== "SELESAI"),
    );
    const card = await screen.findByRole("region", { name: "Tiket di loket ini" });
    // the counter's own ticket, not another counter's
    expect(within(card).getByTestId("konsol-kode").textContent).toBe("A-004");
    expect(
      within(card)
        .getByRole("link", { name: /Layani di loket/ })
        .getAttribute("href"),
    ).toBe(`/loket/baru?tiket=${atob(current.id).split(":")[1]}`);

    await user.click(within(card).getByRole("button", { name: "Panggil ulang" }));
    await waitFor(() => expect(sent("PanggilUlangTiket")[0]?.variables).toEqual({ id: current.id }));
    await within(card).findByText(/\(2×\)/);

    await user.click(within(card).getByRole("button", { name: "Mulai layani" }));
    await waitFor(() => expect(sent("LayaniTiket")).toHaveLength(1));
    const serving = await screen.findByRole("region", { name: "Tiket di loket ini" });
    await within(serving).findByText("Sedang dilayani");
    expect(within(serving).queryByRole("button", { name: "Tidak hadir" })).toBeNull();

    // a case was recorded for it on the walk-in page (another tab): the live board brings the link
    current = { ...current, pengajuan: { __typename: "Pengajuan", id: btoa(`Pengajuan:${uuid(6)}`), nomorRegistrasi: "KMG/2026/000123" } };
    const before = sent("TiketHariIni").length;
    act(() =>
      subscriptions
        .get("PapanAntrianBerubah")!
        .next({ papanAntrianBerubah: { __typename: "PapanAntrian", instansiId: INSTANSI, instansiNama: "x", tanggal: "2026-12-07", dipanggil: [], grup: [] } }),
    );
    await waitFor(() => expect(sent("TiketHariIni").length).toBeGreaterThan(before));
    const link = await within(serving).findByRole("link", { name: /Buka pengajuan KMG\/2026\/000123/ });
    expect(link.getAttribute("href")).toBe(`/petugas/pengajuan/${uuid(6)}`);

    await user.click(within(serving).getByRole("button", { name: "Selesai" }));
    await waitFor(() => expect(sent("SelesaikanTiket")[0]?.variables).toEqual({ id: current.id }));
    expect(await screen.findByText("Tidak ada tiket yang sedang dilayani di loket ini.")).toBeTruthy();
  });

  it("issues a ticket for a visitor at the counter, with the service when one is chosen", async () => {
    const user = userEvent.setup();
    const { sent } = setup(
      (body) => {
        if (body.operationName === "AmbilTiket") {
          return {
            data: {
              ambilTiket: {
                __typename: "AmbilTiketSuccess",
                data: {
                  __typename: "TiketAntrian",
                  id: "t",
                  kode: "B-002",
                  nomor: 2,
                  tanggal: "2026-12-07",
                  status: "MENUNGGU",
                  menungguDiDepan: 1,
                  diambilAt: "2026-12-07T01:40:00.000Z",
                  grup: { __typename: "GrupAntrian", id: DOKUMEN.id, kode: "B", nama: DOKUMEN.nama },
                  layanan: DOKUMEN.layanan[0],
                },
              },
            },
          };
        }
        return unexpected(body);
      },
      () => [],
    );
    await user.click(await screen.findByText("Buat tiket untuk pengunjung di loket"));
    await user.selectOptions(screen.getByLabelText("Grup antrian"), "Pengambilan Dokumen");
    await user.selectOptions(screen.getByLabelText(/^Layanan \(tidak wajib\)/), "Legalisir Ijazah");
    await user.click(screen.getByRole("button", { name: "Buat tiket" }));
    expect(await screen.findByText("Tiket B-002 dibuat (Pengambilan Dokumen). 1 orang di depannya.")).toBeTruthy();
    expect(sent("AmbilTiket")[0]!.variables).toEqual({ instansiId: INSTANSI, grupId: DOKUMEN.id, layananId: DOKUMEN.layanan[0]!.id });
  });
});
