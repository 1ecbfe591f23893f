import type { Context } from "../../context";
import type { JenisKasus } from "../../generated/prisma/enums";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { isValidSkor } from "./ikm";
import { SELESAI_UNTUK_SURVEI } from "../pengajuan/transitions";

/** The case a survey answers, if the viewer is its citizen and it has reached a final state. */
export async function kasusUntukSurvei(ctx: Context, jenis: JenisKasus, kasusId: string) {
  const v = ctx.viewer!;
  const notFound = () => new NotFoundError("KASUS_NOT_FOUND", "Kasus tidak ditemukan.", "kasusId");
  if (jenis === "PENGAJUAN") {
    const p = await ctx.prisma.pengajuan.findUnique({ where: { id: kasusId }, select: { pemohonId: true, instansiId: true, layananId: true, status: true } });
    if (!p || p.pemohonId !== v.id) throw notFound();
    return { instansiId: p.instansiId, layananId: p.layananId, final: SELESAI_UNTUK_SURVEI.includes(p.status) };
  }
  if (jenis === "PENGADUAN") {
    const p = await ctx.prisma.pengaduan.findUnique({ where: { id: kasusId }, select: { pelaporId: true, instansiId: true, layananId: true, status: true } });
    if (!p || p.pelaporId !== v.id) throw notFound();
    return { instansiId: p.instansiId, layananId: p.layananId, final: ["SELESAI", "DITOLAK"].includes(p.status) };
  }
  if (jenis === "PELATIHAN") {
    // a training is surveyed by whoever attended it
    const p = await ctx.prisma.pesertaPelatihan.findUnique({
      where: { id: kasusId },
      select: { pesertaId: true, status: true, sesi: { select: { instansiId: true, layananId: true } } },
    });
    if (!p || p.pesertaId !== v.id) throw notFound();
    return { instansiId: p.sesi.instansiId, layananId: p.sesi.layananId, final: p.status === "HADIR" };
  }
  // a consultation is surveyed through its link (konsultasi/survei.ts), not as a signed-in person's case
  if (jenis === "KONSULTASI") throw notFound();
  const p = await ctx.prisma.permohonanInformasi.findUnique({ where: { id: kasusId }, select: { pemohonId: true, instansiId: true, status: true } });
  if (!p || p.pemohonId !== v.id) throw notFound();
  return { instansiId: p.instansiId, layananId: null, final: ["DIKABULKAN", "DIKABULKAN_SEBAGIAN", "DITOLAK"].includes(p.status) };
}

export async function isiSurvei(ctx: Context, input: { jenisKasus: JenisKasus; kasusId: string; skor: number[]; komentar?: string | null }) {
  if (!isValidSkor(input.skor)) {
    throw new ValidationError("SKOR_INVALID", "Isi kesembilan unsur survei dengan nilai 1 sampai 4.", "skor");
  }
  const komentar = input.komentar?.trim() || null;
  if (komentar && komentar.length > 2000) throw new ValidationError("KOMENTAR_TOO_LONG", "Komentar maksimal 2000 karakter.", "komentar");
  const kasus = await kasusUntukSurvei(ctx, input.jenisKasus, input.kasusId);
  if (!kasus.final) throw new InvalidStateError("KASUS_BELUM_SELESAI", "Survei dapat diisi setelah layanan selesai.");
  const [u1, u2, u3, u4, u5, u6, u7, u8, u9] = input.skor;
  try {
    return await ctx.prisma.surveiKepuasan.create({
      data: {
        instansiId: kasus.instansiId,
        layananId: kasus.layananId,
        jenisKasus: input.jenisKasus,
        kasusId: input.kasusId,
        respondenId: ctx.viewer!.id,
        u1,
        u2,
        u3,
        u4,
        u5,
        u6,
        u7,
        u8,
        u9,
        komentar,
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002")
      throw new ConflictError("SURVEI_SUDAH_DIISI", "Survei untuk layanan ini sudah Anda isi. Terima kasih.", "kasusId");
    throw err;
  }
}
