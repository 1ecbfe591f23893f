/**
 * The office's signing settings: which way it signs, its PKCS#12 (sealed), the remote service's URL and client
 * credentials (the secret sealed). The letter workflow asks `penandatangan(...)` for a signer at signing time.
 *
 *   simpanSertifikatP12(s, instansiId, p12, passphrase, now)   -> RingkasanTtd   (validates, seals, never keeps the passphrase)
 *   simpanLayananRemote(s, instansiId, { url, clientId, clientSecret? })  -> RingkasanTtd
 *   pilihMetodeTtd(s, instansiId, metode)                      -> RingkasanTtd
 *   aturAkarTtd(s, instansiId, pem)                            -> RingkasanTtd   (the verification roots; "" clears)
 *   aturTsaTtd(s, instansiId, url)                             -> RingkasanTtd   (the RFC 3161 timestamp authority; ""/null clears)
 *   ringkasanTtd(s, instansiId)                                -> RingkasanTtd   (no secrets)
 *   penandatangan(s, instansiId, { passphrase, signerId }, now) -> CmsSigner     (for pades.signPdf)
 *
 * Authorisation is the caller's (an admin of the office for the settings, the signing official for signing).
 *
 * The verification roots (`akarPem`, read by the verification page's file check) are set only by aturAkarTtd:
 * uploading the PKCS#12 leaves them as they are, empty at first. Until an admin sets the CA that issued the
 * office's certificate (or the remote service's CA), every signature is reported with an untrusted chain.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { type Keys, decrypt, encrypt } from "../../lib/crypto";
import { NotFoundError } from "../../lib/errors";
import { type CmsSigner, TtdError } from "./pades";
import { type RingkasanSertifikat, bukaP12 } from "./sign-p12";
import { remoteSigner } from "./sign-remote";
import { type AkarTtd, akarTersimpan, bacaAkarPem } from "./verifikasi-akar";

export interface SigningServices {
  prisma: PrismaClient;
  keys: Keys;
}

export type MetodeTtd = "P12" | "REMOTE";

export interface RingkasanTtd {
  metode: MetodeTtd | null;
  sertifikat: RingkasanSertifikat | null;
  remote: { url: string; clientId: string; adaClientSecret: boolean } | null;
  /** the CA certificates signed letters' chains must reach on the verification page; empty until an admin sets them */
  akar: AkarTtd[];
  /** the RFC 3161 timestamp authority every signature gets a timestamp from (PAdES B-T); absent: none (PAdES B-B) */
  tsaUrl?: string;
}

// a PKCS#12 of an office with its chain is a few KB; anything this large is not one
export const P12_MAX_BYTES = 64 * 1024;

const aad = (instansiId: string, what: "p12" | "remote-secret") => `ttd:${instansiId}:${what}`;

async function pastikanInstansi(s: SigningServices, instansiId: string): Promise<void> {
  const found = await s.prisma.instansi.findUnique({ where: { id: instansiId }, select: { id: true } });
  if (!found) throw new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "instansiId");
}

async function read(s: SigningServices, instansiId: string) {
  return s.prisma.pengaturanTtd.findUnique({ where: { instansiId } });
}

function summarise(row: Awaited<ReturnType<typeof read>>): RingkasanTtd {
  if (!row) return { metode: null, sertifikat: null, remote: null, akar: [] };
  return {
    // a row made only for the verification roots (aturAkarTtd) has signing set up neither way yet
    metode: row.p12Tersegel || row.remoteUrl ? row.metode : null,
    sertifikat:
      row.p12Tersegel && row.sertifikatBerlakuMulai && row.sertifikatBerlakuSampai
        ? {
            subjek: row.sertifikatSubjek ?? "",
            penerbit: row.sertifikatPenerbit ?? "",
            nomorSeri: row.sertifikatNomorSeri ?? "",
            berlakuMulai: row.sertifikatBerlakuMulai,
            berlakuSampai: row.sertifikatBerlakuSampai,
            sidikJari: row.sertifikatSidikJari ?? "",
          }
        : null,
    remote: row.remoteUrl ? { url: row.remoteUrl, clientId: row.remoteClientId ?? "", adaClientSecret: !!row.remoteClientSecretTersegel } : null,
    akar: akarTersimpan(row.akarPem),
    ...(row.tsaUrl ? { tsaUrl: row.tsaUrl } : {}),
  };
}

export async function ringkasanTtd(s: SigningServices, instansiId: string): Promise<RingkasanTtd> {
  return summarise(await read(s, instansiId));
}

/** Validates the PKCS#12 with the admin's passphrase (used only for that), then stores it sealed. */
export async function simpanSertifikatP12(s: SigningServices, instansiId: string, p12: Buffer, passphrase: string, now: Date): Promise<RingkasanTtd> {
  if (p12.length === 0) throw new TtdError("TTD_P12_KOSONG", "Berkas sertifikat kosong.", "berkas");
  if (p12.length > P12_MAX_BYTES) throw new TtdError("TTD_P12_TERLALU_BESAR", "Berkas sertifikat terlalu besar untuk sebuah PKCS#12 (maks. 64 KB).", "berkas");
  await pastikanInstansi(s, instansiId);
  const { sertifikat } = bukaP12(p12, passphrase, now);
  const data = {
    p12Tersegel: encrypt(s.keys, p12.toString("base64"), aad(instansiId, "p12")),
    sertifikatSubjek: sertifikat.subjek,
    sertifikatPenerbit: sertifikat.penerbit,
    sertifikatNomorSeri: sertifikat.nomorSeri,
    sertifikatBerlakuMulai: sertifikat.berlakuMulai,
    sertifikatBerlakuSampai: sertifikat.berlakuSampai,
    sertifikatSidikJari: sertifikat.sidikJari,
  };
  const row = await s.prisma.pengaturanTtd.upsert({ where: { instansiId }, create: { instansiId, metode: "P12", ...data }, update: data });
  return summarise(row);
}

/** An http(s) URL without user name or password, trimmed; null when it is not one. */
function httpUrl(input: string): string | null {
  const url = input.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {}
  return parsed && /^https?:$/.test(parsed.protocol) && !parsed.username && !parsed.password ? url : null;
}

/** The remote service's address and client credentials; a blank secret keeps the stored one. */
export async function simpanLayananRemote(
  s: SigningServices,
  instansiId: string,
  input: { url: string; clientId: string; clientSecret?: string | null },
): Promise<RingkasanTtd> {
  await pastikanInstansi(s, instansiId);
  const url = httpUrl(input.url);
  if (!url) throw new TtdError("TTD_REMOTE_URL_INVALID", "Alamat layanan tanda tangan harus berupa URL http(s) tanpa nama pengguna/sandi.", "url");
  const clientId = input.clientId.trim();
  if (!clientId) throw new TtdError("TTD_REMOTE_CLIENT_ID_KOSONG", "Client ID layanan tanda tangan wajib diisi.", "clientId");
  const secret = input.clientSecret?.trim();
  const existing = await read(s, instansiId);
  if (!secret && !existing?.remoteClientSecretTersegel) {
    throw new TtdError("TTD_REMOTE_CLIENT_SECRET_KOSONG", "Client secret layanan tanda tangan wajib diisi.", "clientSecret");
  }
  const data = {
    remoteUrl: url.replace(/\/+$/, ""),
    remoteClientId: clientId,
    // a row holding only the verification roots (aturAkarTtd): the first way set up is the way the office signs
    ...(existing && !existing.p12Tersegel && !existing.remoteUrl ? { metode: "REMOTE" as const } : {}),
    ...(secret ? { remoteClientSecretTersegel: encrypt(s.keys, secret, aad(instansiId, "remote-secret")) } : {}),
  };
  const row = await s.prisma.pengaturanTtd.upsert({ where: { instansiId }, create: { instansiId, metode: "REMOTE", ...data }, update: data });
  return summarise(row);
}

/** Chooses the way the office signs; the chosen way must be configured. */
export async function pilihMetodeTtd(s: SigningServices, instansiId: string, metode: MetodeTtd): Promise<RingkasanTtd> {
  const row = await read(s, instansiId);
  if (metode === "P12" && !row?.p12Tersegel) throw new TtdError("TTD_BELUM_DIATUR", "Unggah sertifikat PKCS#12 kantor terlebih dahulu.", "metode");
  if (metode === "REMOTE" && !row?.remoteUrl) throw new TtdError("TTD_BELUM_DIATUR", "Atur layanan tanda tangan jarak jauh terlebih dahulu.", "metode");
  return summarise(await s.prisma.pengaturanTtd.update({ where: { instansiId }, data: { metode } }));
}

/**
 * The CA certificates (PEM, one or more) a signed letter's chain must reach on the verification page. Each block
 * must be an X.509 CA certificate (TtdError TTD_AKAR_PEM_RUSAK, TTD_AKAR_BUKAN_SERTIFIKAT, TTD_AKAR_BUKAN_CA,
 * TTD_AKAR_TERLALU_BANYAK, TTD_AKAR_TERLALU_BESAR); an empty text clears them. Stored re-encoded, one block each.
 */
export async function aturAkarTtd(s: SigningServices, instansiId: string, pem: string): Promise<RingkasanTtd> {
  const akar = bacaAkarPem(pem);
  await pastikanInstansi(s, instansiId);
  const akarPem = akar.length ? `${akar.map((a) => a.pem).join("\n")}\n` : null;
  const row = await s.prisma.pengaturanTtd.upsert({ where: { instansiId }, create: { instansiId, akarPem }, update: { akarPem } });
  return summarise(row);
}

/**
 * The RFC 3161 timestamp authority (TSA) the office's signatures get their timestamp from (PAdES B-T): an http(s)
 * URL without user name or password (TtdError TTD_TSA_URL_INVALID, field `url`); empty or null clears it (PAdES
 * B-B). Kept as given: a TSA's path is its own (no trailing slash is trimmed). While it is set, signing fails when
 * the TSA does not give a timestamp (pades.ts), so no letter goes out without the timestamp the office asked for.
 */
export async function aturTsaTtd(s: SigningServices, instansiId: string, input: string | null | undefined): Promise<RingkasanTtd> {
  let tsaUrl: string | null = null;
  if (input?.trim()) {
    tsaUrl = httpUrl(input);
    if (!tsaUrl) throw new TtdError("TTD_TSA_URL_INVALID", "Alamat otoritas stempel waktu (TSA) harus berupa URL http(s) tanpa nama pengguna/sandi.", "url");
  }
  await pastikanInstansi(s, instansiId);
  const row = await s.prisma.pengaturanTtd.upsert({ where: { instansiId }, create: { instansiId, tsaUrl }, update: { tsaUrl } });
  return summarise(row);
}

/**
 * A signer for the office's chosen way, unlocked with the signing official's passphrase (and, for the remote way,
 * the official's id at that service, e.g. the NIK). Wrong passphrase → TtdError TTD_PASSPHRASE_SALAH.
 */
export async function penandatangan(
  s: SigningServices,
  instansiId: string,
  who: { passphrase: string; signerId?: string | null },
  now: Date,
): Promise<CmsSigner> {
  const row = await read(s, instansiId);
  if (row?.metode === "REMOTE" && row.remoteUrl && row.remoteClientSecretTersegel) {
    if (!who.signerId) throw new TtdError("TTD_PENANDATANGAN_TANPA_ID", "Penandatangan belum memiliki ID pada layanan tanda tangan elektronik.");
    const settings = {
      url: row.remoteUrl,
      clientId: row.remoteClientId ?? "",
      clientSecret: decrypt(s.keys, row.remoteClientSecretTersegel, aad(instansiId, "remote-secret")),
    };
    return remoteSigner(settings, { signerId: who.signerId, passphrase: who.passphrase });
  }
  if (row?.metode === "P12" && row.p12Tersegel) {
    const p12 = Buffer.from(decrypt(s.keys, row.p12Tersegel, aad(instansiId, "p12")), "base64");
    return bukaP12(p12, who.passphrase, now).signer;
  }
  throw new TtdError("TTD_BELUM_DIATUR", "Tanda tangan elektronik kantor ini belum diatur.");
}
