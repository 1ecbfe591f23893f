import { useState } from "react";
import { formatUkuran } from "../lib/files";
import { formatDateTime } from "../lib/format";

export interface ViewerDocument {
  id: string;
  label: string;
  namaFile: string;
  mime: string;
  ukuran: number;
  url: string;
  createdAt: string;
  diganti?: boolean;
}

/**
 * The applicant's documents, one open at a time inside the page (staff check them without juggling downloads):
 * PDFs in the browser's viewer in a frame, photos as images. Same origin, so the session cookie authorises them.
 */
export function DocumentViewer({ documents, timeZone }: { documents: ViewerDocument[]; timeZone?: string }) {
  const current = documents.filter((d) => !d.diganti);
  const old = documents.filter((d) => d.diganti);
  const [openId, setOpenId] = useState<string | null>(current[0]?.id ?? null);
  const open = documents.find((d) => d.id === openId) ?? null;
  if (documents.length === 0) return <p className="muted">Belum ada dokumen.</p>;
  const item = (d: ViewerDocument) => (
    <li key={d.id} className={d.id === openId ? "doclist__item doclist__item--open" : "doclist__item"}>
      <button type="button" className="doclist__button" aria-pressed={d.id === openId} onClick={() => setOpenId(d.id)}>
        <span className="doclist__label">{d.label}</span>
        <span className="doclist__file">
          {d.namaFile} · {formatUkuran(d.ukuran)}
          {d.diganti && " · diganti"}
        </span>
      </button>
    </li>
  );
  return (
    <div className="viewer">
      <ul className="doclist" aria-label="Dokumen pemohon">
        {current.map(item)}
      </ul>
      {old.length > 0 && (
        <details className="doclist__old">
          <summary>Versi lama ({old.length})</summary>
          <ul className="doclist">{old.map(item)}</ul>
        </details>
      )}
      {open && (
        <figure className="viewer__frame">
          <figcaption className="viewer__caption">
            <strong>{open.label}</strong> — {open.namaFile}, diunggah {formatDateTime(open.createdAt, timeZone)}.{" "}
            <a href={open.url} target="_blank" rel="noopener">
              Buka di tab baru
            </a>
          </figcaption>
          {open.mime.startsWith("image/") ? (
            <img className="viewer__image" src={open.url} alt={`${open.label} (${open.namaFile})`} />
          ) : open.mime === "application/pdf" ? (
            <iframe className="viewer__pdf" src={open.url} title={`${open.label}: ${open.namaFile}`} />
          ) : (
            <p>
              Berkas ini tidak dapat ditampilkan di halaman. <a href={open.url}>Unduh</a>
            </p>
          )}
        </figure>
      )}
    </div>
  );
}
