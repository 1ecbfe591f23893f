import { builder } from "../../schema/builder";
import { ErrorInterface } from "../../schema/errors";
import { secret } from "../../schema/sensitivity";
import type { Masalah, Penandatangan } from "./verify-pdf";
import { type HasilPeriksaBerkas, type TandaTanganBerkas, periksaBerkasVerifikasi, VerifikasiBerkasError } from "./verifikasi-berkas";

/**
 * The public file check of the verification page (verifikasi-berkas.ts): anyone, signed in or not, sends the file
 * they hold with its verification code and gets whether it is the issued file and what its signatures are worth.
 */
builder.objectType(VerifikasiBerkasError, {
  name: "VerifikasiBerkasError",
  description: "The file could not be checked: unknown code (VERIFIKASI_KODE_TIDAK_DIKENAL), empty, too large, not a PDF where a PDF was issued (stable codes)",
  interfaces: [ErrorInterface] as never,
  isTypeOf: (value) => value instanceof VerifikasiBerkasError,
});

const IntegritasTandaTangan = builder.enumType("IntegritasTandaTangan", {
  description: "Whether the signed bytes are unchanged and the signature verifies",
  values: {
    VALID: { description: "unchanged since signing, the signature verifies with the signer's certificate" },
    INVALID: { description: "changed after signing, or the signature does not verify" },
    TIDAK_DAPAT_DIPERIKSA: { description: "could not be checked (see masalah)" },
  } as const,
});

const RantaiSertifikat = builder.enumType("RantaiSertifikat", {
  description: "The signer certificate's chain against the issuing office's roots",
  values: {
    TRUSTED: { description: "reaches one of the office's roots" },
    UNTRUSTED: { description: "does not reach any of them (or the office has set none)" },
    INCOMPLETE: { description: "an issuer is missing from the signature" },
  } as const,
});

const BerlakuSertifikat = builder.enumType("BerlakuSertifikat", {
  description: "The signer certificate's validity at the (claimed) signing time",
  values: ["BERLAKU", "BELUM_BERLAKU", "KEDALUWARSA", "TIDAK_DIKETAHUI"] as const,
});

const SumberWaktuTandaTangan = builder.enumType("SumberWaktuTandaTangan", {
  description: "Where the claimed signing time was read",
  values: ["ATRIBUT_SIGNING_TIME", "KAMUS_TANDA_TANGAN"] as const,
});

const StatusPencabutan = builder.enumType("StatusPencabutan", {
  description: "Revocation is not checked (offline: no OCSP, no CRL)",
  values: ["UNKNOWN"] as const,
});

const MasalahTandaTangan = builder.objectRef<Masalah>("MasalahTandaTangan").implement({
  description: "A problem found in one signature (stable code, Indonesian message)",
  fields: (t) => ({ kode: t.exposeString("kode"), pesan: t.exposeString("pesan") }),
});

const PenandatanganBerkas = builder.objectRef<Penandatangan>("PenandatanganBerkas").implement({
  description: "The signer as its certificate names it",
  fields: (t) => ({
    nama: t.exposeString("nama", { nullable: true, description: "subject CN" }),
    organisasi: t.exposeString("organisasi", { nullable: true, description: "subject O" }),
    penerbit: t.exposeString("penerbit", { nullable: true, description: "issuer CN" }),
    nomorSeri: t.exposeString("nomorSeri"),
    berlakuMulai: t.expose("berlakuMulai", { type: "DateTime" }),
    berlakuSampai: t.expose("berlakuSampai", { type: "DateTime" }),
    sidikJari: t.exposeString("sidikJari", { description: "SHA-256 of the certificate, hex" }),
  }),
});

const TandaTanganBerkasRef = builder.objectRef<TandaTanganBerkas>("TandaTanganBerkas").implement({
  description: "One electronic signature of the file, checked",
  fields: (t) => ({
    urutan: t.exposeInt("urutan", { description: "1-based, in file order" }),
    sah: t.exposeBoolean("sah", { description: "intact, over the whole file, chain trusted, certificate valid when signed" }),
    ringkasan: t.exposeString("ringkasan", { description: "the verdict in plain Indonesian" }),
    integritas: t.field({ type: IntegritasTandaTangan, resolve: (x) => x.integritas }),
    mencakupSeluruhBerkas: t.exposeBoolean("mencakupSeluruhBerkas", { description: "nothing was added to the file after this signature" }),
    penandatangan: t.field({ type: PenandatanganBerkas, nullable: true, resolve: (x) => x.penandatangan }),
    waktuTandaTanganKlaim: t.field({
      type: "DateTime",
      nullable: true,
      description: "the signing time the signer claims (the server clock of whoever signed)",
      resolve: (x) => x.waktuTandaTangan,
    }),
    waktuTimestamp: t.field({
      type: "DateTime",
      nullable: true,
      description: "the time an RFC 3161 timestamp authority vouches for (null: the signature carries no timestamp)",
      resolve: (x) => x.waktuTimestamp ?? null,
    }),
    penerbitTimestamp: t.string({ nullable: true, description: "the timestamp authority's certificate subject", resolve: (x) => x.penerbitTimestamp ?? null }),
    timestampValid: t.boolean({
      nullable: true,
      description: "the timestamp token verifies and covers this signature (null: none)",
      resolve: (x) => (x.waktuTimestamp === undefined && x.timestampValid === undefined ? null : (x.timestampValid ?? null)),
    }),
    sumberWaktu: t.field({ type: SumberWaktuTandaTangan, nullable: true, resolve: (x) => x.sumberWaktu }),
    sertifikatBerlaku: t.field({ type: BerlakuSertifikat, resolve: (x) => x.sertifikatBerlaku }),
    rantai: t.field({ type: RantaiSertifikat, resolve: (x) => x.rantai }),
    jalurRantai: t.exposeStringList("jalurRantai", { description: "subject CNs from the signer's certificate up to the trusted root" }),
    pencabutan: t.field({ type: StatusPencabutan, resolve: (x) => x.pencabutan }),
    pencabutanKeterangan: t.exposeString("pencabutanKeterangan"),
    masalah: t.field({ type: [MasalahTandaTangan], resolve: (x) => x.masalah }),
  }),
});

const HasilPeriksaBerkasRef = builder.objectRef<HasilPeriksaBerkas>("HasilPeriksaBerkas").implement({
  description: "Whether a file is the document issued under a verification code, and its signatures",
  fields: (t) => ({
    sama: t.exposeBoolean("sama", { description: "byte for byte the issued file (SHA-256 equal)" }),
    sha256: t.exposeString("sha256", { description: "SHA-256 of the file sent, hex" }),
    ukuran: t.exposeInt("ukuran"),
    pdf: t.exposeBoolean("pdf"),
    dibatalkan: t.exposeBoolean("dibatalkan", { description: "the letter was voided after it was issued" }),
    akarDiatur: t.exposeBoolean("akarDiatur", { description: "the issuing office has set the roots signatures are checked against" }),
    tidakBertandaTangan: t.exposeBoolean("tidakBertandaTangan"),
    tandaTangan: t.field({ type: [TandaTanganBerkasRef], resolve: (x) => x.tandaTangan }),
    tidakDiperiksa: t.exposeInt("tidakDiperiksa", { description: "signatures beyond the cap, found but not checked" }),
    tandaTanganSah: t.exposeBoolean("tandaTanganSah", { description: "at least one signature and every one is sah" }),
    kesimpulan: t.exposeString("kesimpulan", { description: "the verdict in plain Indonesian" }),
  }),
});

builder.mutationFields((t) => ({
  periksaBerkasVerifikasi: t.field({
    type: HasilPeriksaBerkasRef,
    description:
      "Public: check a file (multipart, up to 10 MB) against the document issued under a verification code: same bytes, and for a PDF each signature (integrity, signer, claimed time, chain to the office's roots, validity; revocation not checked)",
    errors: { types: [VerifikasiBerkasError] },
    args: {
      kode: t.arg.string({ required: true, ...secret }),
      berkas: t.arg({ type: "File", required: true }),
    },
    resolve: (_r, args, ctx) => periksaBerkasVerifikasi(ctx, args.kode, args.berkas),
  }),
}));
