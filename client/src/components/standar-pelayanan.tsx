import { lazy, Suspense } from "react";
import { graphql } from "../gql";

/**
 * A service's standar pelayanan (the components of PermenPANRB 15/2014) as the public page shows it and the
 * admin's editor changes it.
 */
export const StandarPelayanan_LayananFragment = graphql(`
  fragment StandarPelayanan_Layanan on Layanan {
    kode
    nama
    kategori
    deskripsi
    aktif
    contoh
    biaya
    unduhOnline
    ambilDiKantor
    dasarHukum
    persyaratanKeterangan
    persyaratan {
      id
      label
      keterangan
      wajib
      jenisFile
      maksBytes
      templateUrl
    }
    prosedur
    prosedurFlowchart
    prosedurFlowchartSvgUrl
    jangkaWaktuKeterangan
    biayaKeterangan
    produkLayanan
    saranaPrasarana
    kompetensiPelaksana
    pengawasanInternal
    penangananPengaduan
    jumlahPelaksana
    jaminanPelayanan
    jaminanKeamanan
    evaluasiKinerja
  }
`);

/** The components written as free text, with their names. */
export const KOMPONEN_TEKS = [
  ["dasarHukum", "Dasar hukum"],
  ["persyaratanKeterangan", "Persyaratan (uraian)"],
  ["prosedur", "Sistem, mekanisme, dan prosedur"],
  ["jangkaWaktuKeterangan", "Keterangan jangka waktu"],
  ["biayaKeterangan", "Keterangan biaya/tarif"],
  ["produkLayanan", "Produk pelayanan"],
  ["saranaPrasarana", "Sarana, prasarana, dan/atau fasilitas"],
  ["kompetensiPelaksana", "Kompetensi pelaksana"],
  ["pengawasanInternal", "Pengawasan internal"],
  ["penangananPengaduan", "Penanganan pengaduan, saran, dan masukan"],
  ["jumlahPelaksana", "Jumlah pelaksana"],
  ["jaminanPelayanan", "Jaminan pelayanan"],
  ["jaminanKeamanan", "Jaminan keamanan dan keselamatan pelayanan"],
  ["evaluasiKinerja", "Evaluasi kinerja pelaksana"],
] as const;

export type KomponenTeks = (typeof KOMPONEN_TEKS)[number][0];

// mermaid (hundreds of kB) is fetched only by the admin's editor, when its preview is asked for
const Flowchart = lazy(() => import("./flowchart").then((m) => ({ default: m.Flowchart })));

/** The editor's preview of a flowchart (mermaid source), loaded when it is first shown. */
export function LazyFlowchart({ source, title }: { source: string; title: string }) {
  return (
    <Suspense
      fallback={
        <p aria-busy="true" className="muted">
          Memuat bagan alir…
        </p>
      }
    >
      <Flowchart source={source} title={title} />
    </Suspense>
  );
}

/**
 * The flowchart as citizens see it: the SVG drawn when the service was saved, shown as an image. No charting
 * library is downloaded; the steps stay readable as text in the Prosedur section above it.
 */
export function FlowchartImage({ url, title }: { url: string; title: string }) {
  return (
    <figure className="flowchart">
      <img src={url} alt={`Bagan alir prosedur ${title}. Langkah yang sama tertulis pada bagian Prosedur.`} decoding="async" />
      <figcaption className="muted small">Bagan alir prosedur</figcaption>
    </figure>
  );
}
