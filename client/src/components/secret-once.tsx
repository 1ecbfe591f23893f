import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A secret the API shows only once (an API client's key, a webhook's signing key): in a box to copy from, with
 * a copy button and the warning that it cannot be shown again. Takes keyboard focus when it appears.
 */
export function SecretOnce({
  title,
  label,
  secret,
  children,
  onDone,
}: {
  title: string;
  label: string;
  secret: string;
  children?: ReactNode;
  onDone: () => void;
}) {
  const uid = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<null | "ok" | "manual">(null);

  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: "center" });
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("ok");
    } catch {
      // no clipboard access (an old browser, or permission refused): select the text so Ctrl+C / long-press copies it
      inputRef.current?.select();
      setCopied(document.execCommand?.("copy") ? "ok" : "manual");
    }
  }

  return (
    <div className="secret-once" role="group" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`} ref={headingRef} tabIndex={-1} className="secret-once__title">
        {title}
      </h3>
      <p className="secret-once__warning">
        <strong>Simpan sekarang.</strong> Ini satu-satunya kesempatan melihatnya: Loket tidak menyimpan salinan yang dapat dibaca dan tidak dapat menampilkannya
        lagi. Jangan kirim lewat email atau grup percakapan; masukkan langsung ke tempat penyimpanan rahasia sistem tersebut.
      </p>
      {children}
      <label htmlFor={`${uid}-secret`} className="field__label">
        {label}
      </label>
      <div className="secret-once__row">
        <input
          ref={inputRef}
          id={`${uid}-secret`}
          className="mono"
          type="text"
          readOnly
          value={secret}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          Salin<span className="sr-only"> {label.toLowerCase()}</span>
        </button>
      </div>
      <p className="field__message" role="status" aria-live="polite">
        {copied === "ok" && <span className="field__success">✓ Tersalin ke papan klip.</span>}
        {copied === "manual" && <span>Tidak dapat menyalin otomatis. Teksnya sudah dipilih: tekan Ctrl+C (atau tahan lalu pilih Salin).</span>}
      </p>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onDone}>
          Saya sudah menyimpannya
        </button>
      </div>
    </div>
  );
}
