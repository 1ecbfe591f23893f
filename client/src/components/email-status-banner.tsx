import { useEffect, useRef } from "react";
import { useLocation } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { PengirimanEmailBannerQuery } from "../gql/graphql";
import { formatDateTime } from "../lib/format";

const PengirimanEmailBannerDocument = graphql(`
  query PengirimanEmailBanner {
    pengirimanEmail {
      smtpTerkonfigurasi
      menunggu
      gagal
      tertuaSejak
    }
  }
`);

type Status = Omit<PengirimanEmailBannerQuery["pengirimanEmail"], "__typename">;

/** Emails waiting longer than this with an SMTP server set mean the server refuses them or cannot be reached. */
export const TERTUNDA_MENIT = 30;

/** What the admin pages say about email, or null when all is well. Exported for its test. */
export function emailStatusMessage(s: Status, now: Date = new Date()): { judul: string; isi: string; saran: string } | null {
  const gagal = s.gagal > 0 ? ` ${s.gagal} email gagal dikirim setelah dicoba berulang kali.` : "";
  const sejak = s.tertuaSejak ? `, yang terlama sejak ${formatDateTime(s.tertuaSejak)}` : "";
  if (!s.smtpTerkonfigurasi) {
    return {
      judul: "Email belum dapat dikirim:",
      isi: `server email (SMTP) belum diatur. ${s.menunggu} email menunggu${sejak}.${gagal}`,
      saran:
        "Minta pengelola server mengisi pengaturan SMTP_URL dengan alamat server email instansi lalu memulai ulang Loket. Email yang menunggu tidak hilang: semuanya terkirim setelah itu.",
    };
  }
  const lama = s.tertuaSejak && now.getTime() - new Date(s.tertuaSejak).getTime() > TERTUNDA_MENIT * 60_000;
  if (s.menunggu > 0 && lama) {
    return {
      judul: "Pengiriman email tertunda:",
      isi: `${s.menunggu} email menunggu${sejak}.${gagal}`,
      saran: "Server email mungkin menolak atau tidak dapat dihubungi. Minta pengelola server memeriksa log Loket dan pengaturan SMTP_URL.",
    };
  }
  return null;
}

/** On the admin pages: says when emails cannot go out (no SMTP server set) or wait too long. Asked again on each admin page. */
export function EmailStatusBanner() {
  const { pathname } = useLocation();
  const [{ data }, reexecute] = useQuery({ query: PengirimanEmailBannerDocument });
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger: each admin page asks again
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reexecute({ requestPolicy: "network-only" });
  }, [pathname, reexecute]);
  const message = data?.pengirimanEmail ? emailStatusMessage(data.pengirimanEmail) : null;
  if (!message) return null;
  return (
    <div role="status" className="banner banner--admin">
      <p>
        <strong>{message.judul}</strong> {message.isi}
      </p>
      <p>{message.saran}</p>
    </div>
  );
}
