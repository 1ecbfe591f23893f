import { useEffect, useRef, useState } from "react";
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
  /** the requirement slot it fills: a replacement is the slot's newer document */
  slot?: string;
}

/**
 * What the officer has seen of a request's documents while its page follows it live. The documents on screen
 * when the page opened count as seen (as before); one that arrives later (the applicant replaced or added it) is
 * new until the officer has had it open and moved on, and it is not seen until it has been open at all. When the
 * open document is replaced, the viewer moves to the replacement (an old version opened on purpose from "Versi
 * lama" stays open). `dilihat()` names the documents a verification may say were checked (the API refuses a
 * replaced one, and a missing current one).
 */
export function useDocumentReview(documents: readonly ViewerDocument[]) {
  const initial = useRef<ReadonlySet<string> | null>(null);
  if (!initial.current) initial.current = new Set(documents.filter((d) => !d.diganti).map((d) => d.id));
  const [chosen, setChosen] = useState<{ id: string; follow: boolean } | null>(() => {
    const first = documents.find((d) => !d.diganti);
    return first ? { id: first.id, follow: true } : null;
  });
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const picked = chosen ? documents.find((d) => d.id === chosen.id) : undefined;
  const replacement = picked?.diganti && chosen?.follow ? documents.find((d) => !d.diganti && d.slot === picked.slot) : undefined;
  const open = replacement ?? picked ?? null;
  const openId = open?.id ?? null;

  // leaving a document is what makes a new one seen (it was on screen, then the officer went on)
  const last = useRef(openId);
  useEffect(() => {
    const was = last.current;
    last.current = openId;
    if (was && was !== openId) setLeft((s) => new Set(s).add(was));
  }, [openId]);

  const isNew = (d: ViewerDocument) => !d.diganti && !initial.current!.has(d.id);
  return {
    open,
    /** the viewer moved here by itself because the applicant replaced what was open */
    followed: replacement ?? null,
    choose: (d: ViewerDocument) => {
      if (d.id === openId) setLeft((s) => new Set(s).add(d.id)); // a new document clicked while open: seen
      setChosen({ id: d.id, follow: !d.diganti });
    },
    /** new since the page opened and not yet seen: "Baru diganti" / "Baru diunggah" */
    mark: (d: ViewerDocument): string | null => {
      if (!isNew(d) || left.has(d.id)) return null;
      return documents.some((o) => o.diganti && o.slot === d.slot) ? "Baru diganti" : "Baru diunggah";
    },
    /** the current documents the officer has seen: those shown when the page opened, and new ones opened since */
    dilihat: (): string[] => documents.filter((d) => !d.diganti && (!isNew(d) || left.has(d.id) || d.id === openId)).map((d) => d.id),
  };
}

export type DocumentReview = ReturnType<typeof useDocumentReview>;

/**
 * The applicant's documents, one open at a time inside the page (staff check them without juggling downloads):
 * PDFs in the browser's viewer in a frame, photos as images. Same origin, so the session cookie authorises them.
 * With `review` (the officer's case page) the viewer follows replacements and marks what is new.
 */
export function DocumentViewer({ documents, timeZone, review }: { documents: ViewerDocument[]; timeZone?: string; review?: DocumentReview }) {
  const own = useDocumentReview(documents);
  const r = review ?? own;
  const current = documents.filter((d) => !d.diganti);
  const old = documents.filter((d) => d.diganti);
  const open = r.open;
  if (documents.length === 0) return <p className="muted">Belum ada dokumen.</p>;
  const item = (d: ViewerDocument) => {
    const mark = r.mark(d);
    return (
      <li key={d.id} className={d.id === open?.id ? "doclist__item doclist__item--open" : "doclist__item"}>
        <button type="button" className="doclist__button" aria-pressed={d.id === open?.id} onClick={() => r.choose(d)}>
          <span className="doclist__label">
            {d.label}
            {mark && <span className="badge badge--new">{mark}</span>}
          </span>
          <span className="doclist__file">
            {d.namaFile} · {formatUkuran(d.ukuran)}
            {d.diganti && " · diganti"}
          </span>
        </button>
      </li>
    );
  };
  const openMark = open ? r.mark(open) : null;
  return (
    <div className="viewer">
      <p className="sr-only" role="status" aria-live="polite">
        {r.followed && openMark ? `Pemohon mengganti ${r.followed.label}. Penampil kini menampilkan berkas baru: ${r.followed.namaFile}.` : ""}
      </p>
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
            {openMark && <span className="badge badge--new">{openMark}</span>} <strong>{open.label}</strong> — {open.namaFile}, diunggah{" "}
            {formatDateTime(open.createdAt, timeZone)}. {open.diganti && <strong>Versi lama: sudah diganti pemohon. </strong>}
            <a href={open.url} target="_blank" rel="noopener">
              Buka di tab baru
            </a>
            {r.followed && openMark && <span className="viewer__note">Pemohon mengganti dokumen ini; yang tampil sekarang berkas terbarunya.</span>}
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
