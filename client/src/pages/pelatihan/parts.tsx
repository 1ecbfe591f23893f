import type { StatusPesertaPelatihan, StatusSesiPelatihan } from "../../gql/graphql";
import { formatDate } from "../../lib/format";
import { jamDi, tanggalDi } from "../kunjungan/parts";

export const STATUS_PESERTA: Record<StatusPesertaPelatihan, { label: string; badge: string }> = {
  TERDAFTAR: { label: "Terdaftar", badge: "badge--info" },
  MENUNGGU: { label: "Daftar tunggu", badge: "badge--pending" },
  HADIR: { label: "Hadir", badge: "badge--ok" },
  TIDAK_HADIR: { label: "Tidak hadir", badge: "badge--bad" },
  BATAL: { label: "Dibatalkan", badge: "badge--closed" },
};

export const STATUS_SESI: Record<StatusSesiPelatihan, { label: string; badge: string }> = {
  DIBUKA: { label: "Pendaftaran dibuka", badge: "badge--ok" },
  DITUTUP: { label: "Pendaftaran ditutup", badge: "badge--closed" },
  DIBATALKAN: { label: "Dibatalkan kantor", badge: "badge--bad" },
};

export function StatusPesertaBadge({ status }: { status: StatusPesertaPelatihan }) {
  return <span className={`badge ${STATUS_PESERTA[status].badge}`}>{STATUS_PESERTA[status].label}</span>;
}

export function StatusSesiBadge({ status }: { status: StatusSesiPelatihan }) {
  return <span className={`badge ${STATUS_SESI[status].badge}`}>{STATUS_SESI[status].label}</span>;
}

/**
 * "Senin, 7 Desember 2026, 08.00–11.00 WIB", or for a session of several days
 * "Senin, 7 Desember 2026, 08.00 – Selasa, 8 Desember 2026, 16.00 WIB": the office's own clock.
 */
export function waktuSesi(s: { mulai: string; selesai: string }, zona: { zonaWaktu: string; zonaWaktuLabel: string }): string {
  const hariMulai = tanggalDi(s.mulai, zona.zonaWaktu);
  const hariSelesai = tanggalDi(s.selesai, zona.zonaWaktu);
  if (hariMulai === hariSelesai)
    return `${formatDate(hariMulai)}, ${jamDi(s.mulai, zona.zonaWaktu)}–${jamDi(s.selesai, zona.zonaWaktu)} ${zona.zonaWaktuLabel}`;
  return `${formatDate(hariMulai)}, ${jamDi(s.mulai, zona.zonaWaktu)} – ${formatDate(hariSelesai)}, ${jamDi(s.selesai, zona.zonaWaktu)} ${zona.zonaWaktuLabel}`;
}

/** "Sisa 3 dari 20 kursi", or that the next registrations join the waiting list. */
export function kursiText(s: { sisaKursi: number; kapasitas: number }): string {
  return s.sisaKursi > 0 ? `Sisa ${s.sisaKursi} dari ${s.kapasitas} kursi` : `Kursi penuh (${s.kapasitas} kursi): pendaftar baru masuk daftar tunggu`;
}
