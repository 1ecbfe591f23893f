import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db/client";
import { deriveKeys } from "../../server/lib/crypto";
import { TtdError } from "../../server/modules/surat/pades";
import { bukaP12 } from "../../server/modules/surat/sign-p12";
import { remoteSigner } from "../../server/modules/surat/sign-remote";
import {
  type SigningServices,
  penandatangan,
  pilihMetodeTtd,
  ringkasanTtd,
  simpanLayananRemote,
  simpanSertifikatP12,
} from "../../server/modules/surat/signing-settings";
import { openTestDatabase } from "../helpers/db";
import { type Issued, issue, makeCa, toP12 } from "../helpers/pki";
import { type RemoteSignerService, startRemoteSigner } from "../helpers/remote-signer";

/**
 * The office's signing settings on a real database, and every refusal a signer or an admin can meet: a PKCS#12 that
 * is not one, the wrong passphrase, a certificate that may not sign or is out of date; a remote service that refuses
 * the client, the passphrase or the signer, is down, or is too slow. Each ends in a TtdError with a stable code.
 */
const NOW = new Date();
const DAY = 86_400_000;

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof TtdError) return e.code;
    throw e;
  }
  throw new Error("expected a TtdError");
}

let ca: Issued;
let leaf: Issued;

beforeAll(() => {
  ca = makeCa();
  leaf = issue({ cn: "Kepala Kantor", ca });
});

describe("opening a PKCS#12", () => {
  it("opens with the right passphrase and tells the certificate (not the key)", () => {
    const { sertifikat, signer } = bukaP12(toP12(leaf, [ca], "benar-123"), "benar-123", NOW);
    expect(sertifikat.subjek).toBe("C=ID, O=Loket Uji, CN=Kepala Kantor");
    expect(sertifikat.penerbit).toBe("C=ID, O=Loket Uji, CN=Loket Uji CA");
    expect(sertifikat.sidikJari).toMatch(/^[0-9a-f]{64}$/);
    expect(signer.certificates[0]!.equals(leaf.der)).toBe(true);
  });

  it("refuses the wrong passphrase, an empty one, and a file that is not a PKCS#12", async () => {
    const p12 = toP12(leaf, [ca], "benar-123");
    expect(await codeOf(() => bukaP12(p12, "salah-123", NOW))).toBe("TTD_PASSPHRASE_SALAH");
    expect(await codeOf(() => bukaP12(p12, "", NOW))).toBe("TTD_PASSPHRASE_KOSONG");
    expect(await codeOf(() => bukaP12(Buffer.from("%PDF-1.7 bukan sertifikat"), "benar-123", NOW))).toBe("TTD_P12_TIDAK_VALID");
    expect(await codeOf(() => bukaP12(p12.subarray(0, p12.length - 40), "benar-123", NOW))).toMatch(/^TTD_P12_TIDAK_VALID$|^TTD_PASSPHRASE_SALAH$/);
  });

  it("refuses a PKCS#12 without a key, a certificate not for signing, an expired or not yet valid one", async () => {
    expect(await codeOf(() => bukaP12(toP12(leaf, [ca], "p", { withKey: false }), "p", NOW))).toBe("TTD_P12_TANPA_KUNCI");
    const tls = issue({ cn: "server", ca, keyUsage: { keyEncipherment: true } });
    expect(await codeOf(() => bukaP12(toP12(tls, [ca], "p"), "p", NOW))).toBe("TTD_SERTIFIKAT_BUKAN_TANDA_TANGAN");
    const old = issue({ cn: "lama", ca, notBefore: new Date(NOW.getTime() - 400 * DAY), notAfter: new Date(NOW.getTime() - DAY) });
    expect(await codeOf(() => bukaP12(toP12(old, [ca], "p"), "p", NOW))).toBe("TTD_SERTIFIKAT_KEDALUWARSA");
    const early = issue({ cn: "baru", ca, notBefore: new Date(NOW.getTime() + DAY), notAfter: new Date(NOW.getTime() + 400 * DAY) });
    expect(await codeOf(() => bukaP12(toP12(early, [ca], "p"), "p", NOW))).toBe("TTD_SERTIFIKAT_BELUM_BERLAKU");
  });

  it.skipIf(!fs.existsSync("/usr/bin/openssl"))("opens a PKCS#12 exported by OpenSSL with its defaults", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-p12-"));
    try {
      fs.writeFileSync(path.join(dir, "key.pem"), leaf.keyPem);
      fs.writeFileSync(path.join(dir, "cert.pem"), leaf.pem);
      fs.writeFileSync(path.join(dir, "ca.pem"), ca.pem);
      const out = path.join(dir, "kantor.p12");
      await promisify(execFile)("/usr/bin/openssl", [
        "pkcs12",
        "-export",
        "-inkey",
        path.join(dir, "key.pem"),
        "-in",
        path.join(dir, "cert.pem"),
        "-certfile",
        path.join(dir, "ca.pem"),
        "-out",
        out,
        "-passout",
        "pass:dari-openssl",
      ]);
      const { sertifikat, signer } = bukaP12(fs.readFileSync(out), "dari-openssl", NOW);
      expect(sertifikat.subjek).toContain("CN=Kepala Kantor");
      expect(signer.certificates).toHaveLength(2);
      expect(await codeOf(() => bukaP12(fs.readFileSync(out), "salah", NOW))).toBe("TTD_PASSPHRASE_SALAH");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("signing settings of an office", () => {
  let db: Db;
  let s: SigningServices;
  let instansiId: string;
  let remote: RemoteSignerService;
  const remoteLeaf = () => issue({ cn: "Pejabat BSrE", ca });

  beforeAll(async () => {
    db = await openTestDatabase();
    s = { prisma: db.prisma, keys: deriveKeys(randomBytes(32)) };
    instansiId = (await db.prisma.instansi.create({ data: { kode: "TTD-UJI", nama: "Kantor Uji Tanda Tangan" } })).id;
    remote = await startRemoteSigner({ "3519014101700001": { passphrase: "bsre-benar", leaf: remoteLeaf(), chain: [ca] } });
  });

  afterAll(async () => {
    await remote?.close();
    await db?.close();
  });

  it("has nothing until an admin sets it up, and cannot sign then", async () => {
    expect(await ringkasanTtd(s, instansiId)).toEqual({ metode: null, sertifikat: null, remote: null, akar: [] });
    expect(await codeOf(penandatangan(s, instansiId, { passphrase: "x" }, NOW))).toBe("TTD_BELUM_DIATUR");
    expect(await codeOf(pilihMetodeTtd(s, instansiId, "REMOTE"))).toBe("TTD_BELUM_DIATUR");
  });

  it("stores the PKCS#12 sealed and never the passphrase; the signer unlocks it with the passphrase", async () => {
    const p12 = toP12(leaf, [ca], "sandi-kantor-123");
    expect(await codeOf(simpanSertifikatP12(s, instansiId, p12, "salah", NOW))).toBe("TTD_PASSPHRASE_SALAH");
    expect(await codeOf(simpanSertifikatP12(s, instansiId, Buffer.alloc(0), "x", NOW))).toBe("TTD_P12_KOSONG");
    expect(await codeOf(simpanSertifikatP12(s, instansiId, Buffer.alloc(70_000, 1), "x", NOW))).toBe("TTD_P12_TERLALU_BESAR");
    const summary = await simpanSertifikatP12(s, instansiId, p12, "sandi-kantor-123", NOW);
    expect(summary.metode).toBe("P12");
    expect(summary.sertifikat).toMatchObject({ subjek: "C=ID, O=Loket Uji, CN=Kepala Kantor", penerbit: "C=ID, O=Loket Uji, CN=Loket Uji CA" });
    // X.509 times have whole seconds
    expect(summary.sertifikat!.berlakuSampai.getTime()).toBe(Math.floor(leaf.cert.validity.notAfter.getTime() / 1000) * 1000);

    const row = await db.prisma.pengaturanTtd.findUniqueOrThrow({ where: { instansiId } });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain("sandi-kantor-123");
    expect(stored).not.toContain(p12.toString("base64").slice(0, 40));
    expect(row.p12Tersegel).toMatch(/^v1\./);

    expect(await codeOf(penandatangan(s, instansiId, { passphrase: "salah" }, NOW))).toBe("TTD_PASSPHRASE_SALAH");
    const signer = await penandatangan(s, instansiId, { passphrase: "sandi-kantor-123" }, NOW);
    expect(signer.certificates[0]!.equals(leaf.der)).toBe(true);
    // the sealed file is bound to its office: another office's row with these bytes would not open
    const other = (await db.prisma.instansi.create({ data: { kode: "TTD-LAIN", nama: "Kantor Lain" } })).id;
    await db.prisma.pengaturanTtd.create({ data: { instansiId: other, metode: "P12", p12Tersegel: row.p12Tersegel } });
    await expect(penandatangan(s, other, { passphrase: "sandi-kantor-123" }, NOW)).rejects.toThrow();
  });

  it("stores the remote service's secret sealed, switches to it, and signs through it", async () => {
    expect(await codeOf(simpanLayananRemote(s, instansiId, { url: "ftp://bsre", clientId: "a", clientSecret: "b" }))).toBe("TTD_REMOTE_URL_INVALID");
    expect(await codeOf(simpanLayananRemote(s, instansiId, { url: "https://u:p@bsre.example", clientId: "a", clientSecret: "b" }))).toBe(
      "TTD_REMOTE_URL_INVALID",
    );
    expect(await codeOf(simpanLayananRemote(s, instansiId, { url: remote.url, clientId: " ", clientSecret: "b" }))).toBe("TTD_REMOTE_CLIENT_ID_KOSONG");
    expect(await codeOf(simpanLayananRemote(s, instansiId, { url: remote.url, clientId: "a" }))).toBe("TTD_REMOTE_CLIENT_SECRET_KOSONG");

    const summary = await simpanLayananRemote(s, instansiId, { url: `${remote.url}/`, clientId: remote.clientId, clientSecret: remote.clientSecret });
    expect(summary.remote).toEqual({ url: remote.url, clientId: remote.clientId, adaClientSecret: true });
    // saving the settings keeps the way the office signs; choosing is a separate step
    expect(summary.metode).toBe("P12");
    expect(JSON.stringify(await db.prisma.pengaturanTtd.findUniqueOrThrow({ where: { instansiId } }))).not.toContain(remote.clientSecret);
    // a blank secret keeps the stored one
    await simpanLayananRemote(s, instansiId, { url: remote.url, clientId: remote.clientId, clientSecret: "" });
    expect((await pilihMetodeTtd(s, instansiId, "REMOTE")).metode).toBe("REMOTE");

    expect(await codeOf(penandatangan(s, instansiId, { passphrase: "bsre-benar" }, NOW))).toBe("TTD_PENANDATANGAN_TANPA_ID");
    const signer = await penandatangan(s, instansiId, { passphrase: "bsre-benar", signerId: "3519014101700001" }, NOW);
    const data = Buffer.from("atribut bertanda tangan");
    expect((await signer.sign(data)).length).toBe(256);
    const wrong = await penandatangan(s, instansiId, { passphrase: "bsre-salah", signerId: "3519014101700001" }, NOW);
    expect(await codeOf(wrong.sign(data))).toBe("TTD_PASSPHRASE_SALAH");
    expect(await codeOf(penandatangan(s, instansiId, { passphrase: "x", signerId: "9999" }, NOW))).toBe("TTD_REMOTE_PENANDATANGAN_TIDAK_DIKENAL");
    // the passphrase went to the service; it is nowhere in Loket's row
    expect(JSON.stringify(await db.prisma.pengaturanTtd.findUniqueOrThrow({ where: { instansiId } }))).not.toContain("bsre-benar");
  });
});

describe("the remote adapter's failures", () => {
  let remote: RemoteSignerService;
  beforeAll(async () => {
    remote = await startRemoteSigner({ "1": { passphrase: "benar", leaf: issue({ cn: "Pejabat", ca }), chain: [ca] } });
  });
  afterAll(() => remote?.close());

  it("maps refused credentials, an unreachable service and a slow one to stable codes", async () => {
    const ok = { url: remote.url, clientId: remote.clientId, clientSecret: remote.clientSecret };
    expect(await codeOf(remoteSigner({ ...ok, clientSecret: "salah" }, { signerId: "1", passphrase: "benar" }))).toBe("TTD_REMOTE_KREDENSIAL");

    // a port nobody listens on: a server started and closed again
    const gone = await startRemoteSigner({});
    await gone.close();
    expect(await codeOf(remoteSigner({ ...ok, url: gone.url }, { signerId: "1", passphrase: "benar" }))).toBe("TTD_REMOTE_TIDAK_TERJANGKAU");

    remote.delayMs = 1_000;
    try {
      expect(await codeOf(remoteSigner({ ...ok, timeoutMs: 200 }, { signerId: "1", passphrase: "benar" }))).toBe("TTD_REMOTE_TIMEOUT");
    } finally {
      remote.delayMs = 0;
    }
    // an answer far longer than a certificate chain is refused without being held whole
    remote.padBytes = 2 * 1024 * 1024;
    try {
      expect(await codeOf(remoteSigner(ok, { signerId: "1", passphrase: "benar" }))).toBe("TTD_REMOTE_GAGAL");
    } finally {
      remote.padBytes = 0;
    }
    expect((await remoteSigner(ok, { signerId: "1", passphrase: "benar" })).certificates).toHaveLength(2);
  });

  it("refuses a signature that does not verify with the service's certificate", async () => {
    // a confused service: it hands out one certificate and signs with another key
    const confused = await startRemoteSigner({
      "1": { passphrase: "benar", leaf: issue({ cn: "Pejabat", ca }), chain: [ca], signingKey: issue({ cn: "Lain", ca }) },
    });
    try {
      const signer = await remoteSigner(
        { url: confused.url, clientId: confused.clientId, clientSecret: confused.clientSecret },
        { signerId: "1", passphrase: "benar" },
      );
      expect(await codeOf(signer.sign(Buffer.from("atribut")))).toBe("TTD_REMOTE_GAGAL");
    } finally {
      await confused.close();
    }
  });
});
