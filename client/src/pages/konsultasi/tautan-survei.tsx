import { useEffect, useId, useRef, useState } from "react";
import QRCode from "qrcode";

/**
 * The survey link of an answered consultation, for the officer to give the caller (who usually has no account):
 * read out, pasted into WhatsApp or an email, or scanned from the QR code. "Salin tautan" copies it; where the
 * clipboard cannot be written (an older browser, no permission) the link's text is selected to copy by hand.
 */
export function TautanSurvei({ url, nomor }: { url: string; nomor: string }) {
  const uid = useId();
  const teks = useRef<HTMLParagraphElement>(null);
  const [pesan, setPesan] = useState("");
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: 176, errorCorrectionLevel: "M" })
      .then((src) => live && setQr(src))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [url]);

  function pilih() {
    const el = teks.current;
    const sel = window.getSelection();
    if (!el || !sel) return;
    sel.selectAllChildren(el);
  }

  async function salin() {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      setPesan("Tautan disalin. Tempel di pesan WhatsApp atau email untuk penanya.");
    } catch {
      pilih();
      setPesan("Tautan tidak dapat disalin otomatis dan sudah dipilih: tekan Ctrl+C (atau Salin) untuk menyalinnya.");
    }
  }

  return (
    <section className="konsultasi__survei" aria-labelledby={`${uid}-judul`}>
      <h4 id={`${uid}-judul`}>
        Tautan survei untuk penanya<span className="sr-only"> {nomor}</span>
      </h4>
      <p className="muted small">
        Berikan kepada penanya: bacakan, kirim lewat WhatsApp atau email, atau minta memindai kode QR. Survei diisi sekali, tanpa akun.
      </p>
      <div className="konsultasi__survei-isi">
        <div>
          <p ref={teks} className="mono konsultasi__tautan">
            {url}
          </p>
          <button type="button" className="button button--secondary button--small" onClick={() => void salin()}>
            Salin tautan<span className="sr-only"> survei {nomor}</span>
          </button>
          <p className="small" role="status" aria-live="polite">
            {pesan}
          </p>
        </div>
        {qr && <img className="konsultasi__qr" src={qr} width={176} height={176} alt={`Kode QR tautan survei konsultasi ${nomor}`} />}
      </div>
    </section>
  );
}
