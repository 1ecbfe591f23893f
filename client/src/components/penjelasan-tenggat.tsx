import { useState } from "react";
import { graphql, useFragment, type FragmentType } from "../gql";
import { formatDate, formatDateTime } from "../lib/format";

export const PenjelasanTenggat_PenjelasanTenggatFragment = graphql(`
  fragment PenjelasanTenggat_PenjelasanTenggat on PenjelasanTenggat {
    aturan
    mulai
    mulaiDihitung
    tenggat
    sementara
    zonaWaktu
    hariDihitung {
      tanggal
      ke
      catatan
    }
    hariDilewati {
      tanggal
      alasan
      alasanLabel
      nama
      dasarHukum
    }
  }
`);

/**
 * "Bagaimana tenggat ini dihitung?": the fold-out under a deadline, from the API's explanation (the server computes
 * it with the same working-time code as the deadline itself): the start, the rule, the days counted, each day skipped.
 */
export function PenjelasanTenggat(props: { penjelasan: FragmentType<typeof PenjelasanTenggat_PenjelasanTenggatFragment> | null | undefined; zonaLabel?: string }) {
  const e = useFragment(PenjelasanTenggat_PenjelasanTenggatFragment, props.penjelasan);
  // the days are drawn only when opened: a closed fold-out adds nothing to the page's text
  const [open, setOpen] = useState(false);
  if (!e) return null;
  const z = props.zonaLabel ? ` ${props.zonaLabel}` : "";
  return (
    <details className="tenggat-penjelasan small" onToggle={(ev) => setOpen(ev.currentTarget.open)}>
      <summary>Bagaimana tenggat ini dihitung?</summary>
      {open && (
        <>
          <p>
            Aturan: {e.aturan}.
            <br />
            Mulai: {formatDateTime(e.mulai, e.zonaWaktu)}
            {z}
            {e.mulaiDihitung && (
              <>
                {" "}
                (dihitung mulai {formatDateTime(e.mulaiDihitung, e.zonaWaktu)}
                {z})
              </>
            )}
            .
            <br />
            Tenggat: {formatDateTime(e.tenggat, e.zonaWaktu)}
            {z}
            {e.sementara && <span className="muted"> — sementara: hari libur tahun berikutnya belum ditetapkan; dihitung ulang saat ditetapkan</span>}
          </p>
          {e.hariDihitung.length > 0 && (
            <>
              <p>Hari kerja yang dihitung ({e.hariDihitung.length}):</p>
              <ol className="tenggat-penjelasan__hari">
                {e.hariDihitung.map((d) => (
                  <li key={d.tanggal} value={d.ke}>
                    {formatDate(d.tanggal)}
                    {d.catatan && <span className="muted"> — {d.catatan}</span>}
                  </li>
                ))}
              </ol>
            </>
          )}
          {e.hariDilewati.length > 0 && (
            <>
              <p>Hari yang tidak dihitung:</p>
              <ul className="tenggat-penjelasan__hari">
                {e.hariDilewati.map((d) => (
                  <li key={`${d.tanggal}-${d.alasan}`}>
                    {formatDate(d.tanggal)}: {d.alasanLabel}
                    {d.nama && d.alasan !== "AKHIR_PEKAN" && <> — {d.nama}</>}
                    {d.dasarHukum && <span className="muted"> ({d.dasarHukum})</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </details>
  );
}
