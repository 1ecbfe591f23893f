import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signPdf } from "../../server/modules/surat/pades";
import { penandatangan } from "../../server/modules/surat/signing-settings";
import { createInstansi, createStaff, createTestApp, globalId, type TestApp, upload } from "../helpers/app";
import { type Issued, issue, makeCa, toP12 } from "../helpers/pki";

/**
 * The office's signing settings through the public API: an admin uploads the PKCS#12 (multipart) and reads its
 * certificate, sets the remote service, chooses the way; refusals come back as typed errors with stable codes;
 * other offices' admins and citizens are refused; the passphrase and client secret never reach the audit trail.
 */
const UNGGAH = /* GraphQL */ `
  mutation Unggah($instansiId: ID!, $berkas: File!, $passphrase: String!) {
    unggahSertifikatTtd(instansiId: $instansiId, berkas: $berkas, passphrase: $passphrase) {
      __typename
      ... on UnggahSertifikatTtdSuccess { data { metode sertifikat { subjek penerbit nomorSeri berlakuSampai sidikJari } } }
      ... on Error { code message field }
    }
  }
`;
const REMOTE = /* GraphQL */ `
  mutation Remote($instansiId: ID!, $url: String!, $clientId: String!, $clientSecret: String) {
    aturLayananTtdRemote(instansiId: $instansiId, url: $url, clientId: $clientId, clientSecret: $clientSecret) {
      __typename
      ... on AturLayananTtdRemoteSuccess { data { metode remote { url clientId adaClientSecret } } }
      ... on Error { code message field }
    }
  }
`;
const PILIH = /* GraphQL */ `
  mutation Pilih($instansiId: ID!, $metode: MetodeTtd!) {
    pilihMetodeTtd(instansiId: $instansiId, metode: $metode) {
      __typename
      ... on PilihMetodeTtdSuccess { data { metode } }
      ... on Error { code message }
    }
  }
`;
const LIHAT = /* GraphQL */ `
  query Lihat($instansiId: ID!) {
    pengaturanTtd(instansiId: $instansiId) { metode sertifikat { subjek } remote { url clientId adaClientSecret } }
  }
`;

const PASS = "sandi-kantor-rahasia-123";
const SECRET = "rahasia-klien-bsre-xyz";

describe("signing settings through the API", () => {
  let t: TestApp;
  let instansiId: string;
  let gid: string;
  let admin: { token: string };
  let otherAdmin: { token: string };
  let ca: Issued;
  let p12: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    const instansi = await createInstansi(t);
    instansiId = instansi.id;
    gid = globalId("Instansi", instansiId);
    admin = await createStaff(t, "ADMIN", instansiId);
    otherAdmin = await createStaff(t, "ADMIN", (await createInstansi(t)).id);
    ca = makeCa();
    p12 = toP12(issue({ cn: "Kepala Kantor Uji", ca }), [ca], PASS);
  });
  afterAll(() => t?.close());

  const send = (token: string, passphrase: string, content = p12) =>
    upload(t, UNGGAH, { instansiId: gid, berkas: null, passphrase }, { berkas: { name: "kantor.p12", type: "application/x-pkcs12", content } }, { token });

  it("an admin uploads the office's PKCS#12 and reads its certificate, never the key or passphrase", async () => {
    const wrong = await send(admin.token, "salah");
    expect(wrong.data?.unggahSertifikatTtd).toMatchObject({ __typename: "TandaTanganError", code: "TTD_PASSPHRASE_SALAH", field: "passphrase" });
    const notP12 = await send(admin.token, PASS, Buffer.from("%PDF-1.7 bukan sertifikat"));
    expect(notP12.data?.unggahSertifikatTtd).toMatchObject({ code: "TTD_P12_TIDAK_VALID", field: "berkas" });

    const ok = await send(admin.token, PASS);
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.unggahSertifikatTtd.data).toMatchObject({
      metode: "P12",
      sertifikat: { subjek: "C=ID, O=Loket Uji, CN=Kepala Kantor Uji", penerbit: "C=ID, O=Loket Uji, CN=Loket Uji CA" },
    });
    const read = await t.gql(LIHAT, { instansiId: gid }, { token: admin.token });
    expect(read.data?.pengaturanTtd.sertifikat.subjek).toContain("Kepala Kantor Uji");

    // the stored file opens with the official's passphrase and signs a letter
    if (fs.existsSync("/usr/bin/pdfsig")) {
      const signer = await penandatangan({ prisma: t.db.prisma, keys: t.keys }, instansiId, { passphrase: PASS }, new Date());
      const doc = await PDFDocument.create();
      doc.addPage();
      const signed = await signPdf(await doc.save(), {
        signer,
        appearance: { nama: "Kepala", nip: "", jabatan: "Kepala Kantor", verifikasiUrl: "https://x.test/verifikasi/A", kode: "A", timeZone: "Asia/Makassar" },
      });
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "loket-ttd-api-")), "surat.pdf");
      fs.writeFileSync(file, signed);
      const { stdout } = await promisify(execFile)("/usr/bin/pdfsig", [file]).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
      expect(stdout).toContain("Signature is Valid");
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it("sets the remote service, chooses it, and keeps its secret unreadable", async () => {
    const bad = await t.gql(REMOTE, { instansiId: gid, url: "javascript:alert(1)", clientId: "loket", clientSecret: SECRET }, { token: admin.token });
    expect(bad.data?.aturLayananTtdRemote).toMatchObject({ code: "TTD_REMOTE_URL_INVALID", field: "url" });
    const ok = await t.gql(REMOTE, { instansiId: gid, url: "https://tte.example.go.id/api", clientId: "loket", clientSecret: SECRET }, { token: admin.token });
    expect(ok.data?.aturLayananTtdRemote.data).toEqual({
      metode: "P12",
      remote: { url: "https://tte.example.go.id/api", clientId: "loket", adaClientSecret: true },
    });
    expect((await t.gql(PILIH, { instansiId: gid, metode: "REMOTE" }, { token: admin.token })).data?.pilihMetodeTtd.data.metode).toBe("REMOTE");
    expect((await t.gql(PILIH, { instansiId: gid, metode: "P12" }, { token: admin.token })).data?.pilihMetodeTtd.data.metode).toBe("P12");
  });

  it("refuses other offices' admins and citizens, and unknown offices", async () => {
    const other = await send(otherAdmin.token, PASS);
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(LIHAT, { instansiId: gid }, { token: otherAdmin.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(LIHAT, { instansiId: gid })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const superadmin = await createStaff(t, "SUPERADMIN", null);
    const ghost = globalId("Instansi", "00000000-0000-4000-8000-000000000000");
    const res = await upload(
      t,
      UNGGAH,
      { instansiId: ghost, berkas: null, passphrase: PASS },
      { berkas: { name: "k.p12", content: p12 } },
      { token: superadmin.token },
    );
    expect(res.data?.unggahSertifikatTtd).toMatchObject({ __typename: "NotFoundError", code: "INSTANSI_NOT_FOUND" });
  });

  it("never writes the passphrase or the client secret anywhere in the database", async () => {
    const tables = ["AuditLog", "PengaturanTtd"];
    for (const table of tables) {
      const rows = await t.db.prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table}"`);
      expect(rows.length).toBeGreaterThan(0);
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(PASS);
      expect(dump).not.toContain(SECRET);
    }
  });
});
