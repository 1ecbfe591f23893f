import { afterAll, describe, expect, it } from "vitest";
import { ServerProcesses } from "../helpers/process";
import { PNG_1X1 } from "../helpers/app";
import { DEMO } from "../../server/seed";
import { KATEGORI_BAWAAN } from "../../server/modules/pengaduan/kategori-bawaan";

/**
 * Issue #14, "Done means": a FRESH demo install (the real entry point on a new, empty data folder, as `npm start`
 * runs it: migrations, then the demo seed) takes a citizen's complaint with no admin step in between — the
 * demo citizen logs in, picks one of the office's default categories and sends a complaint with evidence.
 * The server always starts on a new PGlite folder here (the PostgreSQL boot path is the same code after the
 * migration), so this runs in both variants of the suite.
 */
const procs = new ServerProcesses("loket-fresh-");
afterAll(() => procs.cleanup());

describe("a fresh demo install", { timeout: 540_000 }, () => {
  it("takes a citizen's complaint without any admin step", async () => {
    const server = procs.start({ DATA_DIR: procs.tmpDir(), SEED_DEMO: "true" });
    const port = await server.ready;
    expect(server.output()).toMatch(/Seeded demo data/);
    const url = `http://127.0.0.1:${port}/graphql`;
    const gql = async (query: string, variables: unknown = {}, token?: string) =>
      (await (
        await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as { data?: any; errors?: unknown[] };

    // every office of the install offers the default categories from the start
    const offices = (await gql(`{ instansiList { id kode } }`)).data!.instansiList as Array<{ id: string; kode: string }>;
    expect(offices.length).toBeGreaterThan(1);
    for (const o of offices) {
      const k = await gql(`query($i: ID!) { kategoriPengaduan(instansiId: $i) { nama } }`, { i: o.id });
      expect(k.data!.kategoriPengaduan.map((x: { nama: string }) => x.nama).sort()).toEqual(KATEGORI_BAWAAN.map((x) => x.nama).sort());
    }

    const login = await gql(
      `mutation($n: String!, $p: String!) { login(nomorIdentitas: $n, password: $p) { __typename ... on LoginSuccess { data { token } } } }`,
      {
        n: DEMO.warga.nomorIdentitas,
        p: DEMO.warga.password,
      },
    );
    expect(login.data!.login.__typename).toBe("LoginSuccess");
    const token = login.data!.login.data.token as string;

    const kmg = offices.find((o) => o.kode === DEMO.instansi.kode)!;
    const kategori = (await gql(`query($i: ID!) { kategoriPengaduan(instansiId: $i) { id nama } }`, { i: kmg.id })).data!.kategoriPengaduan as Array<{
      id: string;
      nama: string;
    }>;
    const sikap = kategori.find((k) => k.nama === "Sikap dan perilaku petugas")!;

    // a real multipart request, as the browser sends it
    const query = `mutation($i: ID!, $k: ID!, $b: [File!]!) {
      buatPengaduan(instansiId: $i, kategoriId: $k, judul: "Petugas loket tidak ramah", uraian: "Petugas loket 2 membentak warga yang bertanya tentang persyaratan legalisir.", bukti: $b) {
        __typename ... on BuatPengaduanSuccess { data { kodeLacak status kategori { nama } } } ... on Error { code message }
      }
    }`;
    const form = new FormData();
    form.append("operations", JSON.stringify({ query, variables: { i: kmg.id, k: sikap.id, b: [null] } }));
    form.append("map", JSON.stringify({ 0: ["variables.b.0"] }));
    form.append("0", new Blob([new Uint8Array(PNG_1X1)], { type: "image/png" }), "bukti.png");
    const sent = (await (await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "x-loket-csrf": "1" }, body: form })).json()) as {
      data?: any;
      errors?: unknown[];
    };
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.buatPengaduan).toMatchObject({
      __typename: "BuatPengaduanSuccess",
      data: { status: "DITERIMA", kategori: { nama: "Sikap dan perilaku petugas" } },
    });

    // and anyone can follow it by its code
    const kode = sent.data!.buatPengaduan.data.kodeLacak as string;
    const lacak = await gql(`query($k: String!) { lacakPengaduan(kodeLacak: $k) { kodeLacak statusLabel instansi } }`, { k: kode });
    expect(lacak.data!.lacakPengaduan).toMatchObject({ kodeLacak: kode, statusLabel: "Diterima", instansi: DEMO.instansi.nama });

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});
