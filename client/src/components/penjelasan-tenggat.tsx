import { useEffect, useRef, useState } from "react";
import { useQuery } from "urql";
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

/** Which deadline of a case the fold-out explains (the API field on that case). */
export type KolomTenggat = "tenggatPenjelasan" | "tenggatTanggapanPenjelasan" | "batasSengketaPenjelasan";

/**
 * The explanation of one deadline of a case (Pengajuan, Pengaduan, PermohonanInformasi or Keberatan), fetched
 * only when its fold-out is opened: the case pages, their actions and live events do not carry it, so the server
 * computes it only for those who ask and cheap phones do not download it.
 */
export const PenjelasanTenggatQuery = graphql(`
  query PenjelasanTenggat($id: ID!, $tenggat: Boolean!, $tanggapan: Boolean!, $sengketa: Boolean!) {
    node(id: $id) {
      __typename
      id
      ... on Pengajuan {
        tenggatPenjelasan @include(if: $tenggat) {
          ...PenjelasanTenggat_PenjelasanTenggat
        }
      }
      ... on Pengaduan {
        tenggatPenjelasan @include(if: $tenggat) {
          ...PenjelasanTenggat_PenjelasanTenggat
        }
      }
      ... on PermohonanInformasi {
        tenggatPenjelasan @include(if: $tenggat) {
          ...PenjelasanTenggat_PenjelasanTenggat
        }
      }
      ... on Keberatan {
        tenggatTanggapanPenjelasan @include(if: $tanggapan) {
          ...PenjelasanTenggat_PenjelasanTenggat
        }
        batasSengketaPenjelasan @include(if: $sengketa) {
          ...PenjelasanTenggat_PenjelasanTenggat
        }
      }
    }
  }
`);

type PenjelasanProps = {
  zonaLabel?: string;
} & (
  | {
      /** the explanation itself, when the document that shows the deadline carries it (public tracking) */
      penjelasan: FragmentType<typeof PenjelasanTenggat_PenjelasanTenggatFragment> | null | undefined;
    }
  | {
      /** the case whose deadline is shown (its global id) and which of its deadlines: fetched when opened */
      id: string;
      kolom?: KolomTenggat;
      /** the deadline shown next to the fold-out: when it changes (an action, a live event), the open explanation is fetched again */
      tenggat: string | null | undefined;
    }
);

/**
 * "Bagaimana tenggat ini dihitung?": the fold-out under a deadline, from the API's explanation (the server computes
 * it with the same working-time code as the deadline itself): the start, the rule, the days counted, each day skipped.
 * Given the explanation (`penjelasan`) it shows it; given the case (`id`, `kolom`, `tenggat`) it asks the API for it
 * the first time it is opened.
 */
export function PenjelasanTenggat(props: PenjelasanProps) {
  // the days are drawn only when opened: a closed fold-out adds nothing to the page's text
  const [open, setOpen] = useState(false);
  if ("id" in props) return <PenjelasanTenggatLazy {...props} open={open} setOpen={setOpen} />;
  return <PenjelasanTenggatFold penjelasan={props.penjelasan} zonaLabel={props.zonaLabel} open={open} setOpen={setOpen} />;
}

function PenjelasanTenggatLazy(props: {
  id: string;
  kolom?: KolomTenggat;
  tenggat: string | null | undefined;
  zonaLabel?: string;
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const kolom = props.kolom ?? "tenggatPenjelasan";
  // asked for once opened, and kept (closing and opening again shows it without a new request)
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (props.open) setAsked(true);
  }, [props.open]);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: PenjelasanTenggatQuery,
    variables: {
      id: props.id,
      tenggat: kolom === "tenggatPenjelasan",
      tanggapan: kolom === "tenggatTanggapanPenjelasan",
      sengketa: kolom === "batasSengketaPenjelasan",
    },
    pause: !asked,
  });
  // the deadline shown changed (an action, a live event): the explanation asked for before is out of date
  const shown = useRef(props.tenggat);
  useEffect(() => {
    if (shown.current === props.tenggat) return;
    shown.current = props.tenggat;
    if (asked) refetch({ requestPolicy: "network-only" });
  }, [props.tenggat, asked, refetch]);
  const node = data?.node;
  const penjelasan = !node
    ? null
    : node.__typename === "Keberatan"
      ? kolom === "batasSengketaPenjelasan"
        ? node.batasSengketaPenjelasan
        : node.tenggatTanggapanPenjelasan
      : node.__typename === "Pengajuan" || node.__typename === "Pengaduan" || node.__typename === "PermohonanInformasi"
        ? node.tenggatPenjelasan
        : null;
  const status = !props.open
    ? null
    : error && !data
      ? "Penjelasan tenggat belum dapat dimuat. Coba lagi nanti."
      : fetching && !data
        ? "Memuat penjelasan…"
        : data && !penjelasan && !fetching
          ? "Penjelasan tenggat ini tidak tersedia."
          : null;
  return <PenjelasanTenggatFold penjelasan={penjelasan} zonaLabel={props.zonaLabel} open={props.open} setOpen={props.setOpen} status={status} alwaysShown />;
}

function PenjelasanTenggatFold(props: {
  penjelasan: FragmentType<typeof PenjelasanTenggat_PenjelasanTenggatFragment> | null | undefined;
  zonaLabel?: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  /** a line shown in place of the explanation while it loads or when it could not be loaded */
  status?: string | null;
  /** the fold-out is shown before the explanation is there (it is fetched when opened) */
  alwaysShown?: boolean;
}) {
  const e = useFragment(PenjelasanTenggat_PenjelasanTenggatFragment, props.penjelasan);
  const { open, setOpen } = props;
  if (!e && !props.alwaysShown) return null;
  const z = props.zonaLabel ? ` ${props.zonaLabel}` : "";
  return (
    <details className="tenggat-penjelasan small" onToggle={(ev) => setOpen(ev.currentTarget.open)}>
      <summary>Bagaimana tenggat ini dihitung?</summary>
      {open && props.status && (
        <p className="muted" role="status">
          {props.status}
        </p>
      )}
      {open && e && (
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
