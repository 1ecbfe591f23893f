import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Provider, type CombinedError } from "urql";
import { createLoketClient, type LoketClient } from "../../lib/client";
import { ConnectionMonitor, connection, probeApi } from "../../lib/connection";
import { errorCode } from "../../lib/errors";
import { isUuid, toGlobalId } from "../../lib/ids";
import { isActiveStaff, useSession } from "../../lib/session";
import { keyClientId } from "../../lib/api-client-key";

/**
 * The queue display and the kiosk run on a screen nobody is logged in on: they act with the device key of the
 * instansi (an API client with the ANTRIAN_TAMPIL or ANTRIAN_KIOSK scope). The pairing link the admin gets carries
 * the key in the address's fragment (`#kunci=lkc_…`, which browsers never send to a server); the page keeps it in
 * this browser's storage and takes it out of the address bar. Without a key, an officer of the office signed in
 * on this browser uses their own session; anyone else gets a box to paste a key into.
 */

const SIMPAN = "loket.antrian.kunci:";

function bacaKunci(instansi: string): string | null {
  try {
    return localStorage.getItem(SIMPAN + instansi);
  } catch {
    return null;
  }
}

function simpanKunci(instansi: string, kunci: string | null): void {
  try {
    if (kunci) localStorage.setItem(SIMPAN + instansi, kunci);
    else localStorage.removeItem(SIMPAN + instansi);
  } catch {
    /* storage refused (private mode): the key lasts as long as the page */
  }
}

/** The key in the address's fragment (`#kunci=lkc_…`), if any. */
export function kunciDariFragmen(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("kunci")?.trim();
  return value && keyClientId(value) ? value : null;
}

/** The instansi of a device page's address: the uuid (as addresses carry ids), or a global id as is. */
export function instansiDariAlamat(param: string | undefined): string | null {
  if (!param) return null;
  if (isUuid(param)) return toGlobalId("Instansi", param);
  try {
    return atob(param).startsWith("Instansi:") ? param : null;
  } catch {
    return null;
  }
}

/** Whether a request failed because the key (or the session) is not accepted, rather than for want of a network. */
export function kunciDitolak(error: CombinedError | null | undefined): boolean {
  const code = errorCode(error);
  return code === "UNAUTHENTICATED" || code === "FORBIDDEN";
}

export interface Perangkat {
  /** how this screen acts: with its device key, or with the officer's own session */
  cara: "kunci" | "sesi";
  /** the connection of this screen's client (its socket and requests) */
  monitor: ConnectionMonitor;
  /** the key was refused (revoked, expired, another office's): forget it and ask for another */
  tolak(): void;
}

function DeviceClient({ kunci, children }: { kunci: string; children: (monitor: ConnectionMonitor) => ReactNode }) {
  const monitor = useMemo(() => new ConnectionMonitor(probeApi), []);
  useEffect(() => monitor.attach(window), [monitor]);
  // made in an effect, so the client an unmount disposes is never the one in use (StrictMode mounts twice)
  const [loket, setLoket] = useState<LoketClient | null>(null);
  useEffect(() => {
    const next = createLoketClient(monitor, { deviceKey: kunci });
    setLoket(next);
    return () => next.dispose();
  }, [monitor, kunci]);
  if (!loket) return null;
  return <Provider value={loket.client}>{children(monitor)}</Provider>;
}

/** Runs `children` with the device's client (or the officer's session), once a key is known. */
export function PerangkatAntrian({ instansiId, jenis, children }: { instansiId: string; jenis: "TAMPIL" | "KIOSK"; children: (p: Perangkat) => ReactNode }) {
  const { me, loading } = useSession();
  const [kunci, setKunci] = useState<string | null>(() => {
    const dariAlamat = typeof window === "undefined" ? null : kunciDariFragmen(window.location.hash);
    if (dariAlamat) simpanKunci(instansiId, dariAlamat);
    return dariAlamat ?? bacaKunci(instansiId);
  });
  const [ditolak, setDitolak] = useState(false);

  // the key does not stay in the address bar (nor in the history, nor in a screenshot of the screen)
  useEffect(() => {
    if (window.location.hash && kunciDariFragmen(window.location.hash)) {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    }
  }, []);

  function pakai(next: string) {
    simpanKunci(instansiId, next);
    setDitolak(false);
    setKunci(next);
  }

  function tolak() {
    simpanKunci(instansiId, null);
    setKunci(null);
    setDitolak(true);
  }

  if (kunci) {
    return (
      <DeviceClient key={kunci} kunci={kunci}>
        {(monitor) => children({ cara: "kunci", monitor, tolak })}
      </DeviceClient>
    );
  }
  if (loading || me === undefined) return <p aria-busy="true">Memuat…</p>;
  if (!ditolak && isActiveStaff(me)) return <>{children({ cara: "sesi", monitor: connection, tolak })}</>;
  return <FormKunci jenis={jenis} ditolak={ditolak} onKunci={pakai} />;
}

function FormKunci({ jenis, ditolak, onKunci }: { jenis: "TAMPIL" | "KIOSK"; ditolak: boolean; onKunci: (kunci: string) => void }) {
  const id = useId();
  const [teks, setTeks] = useState("");
  const [salah, setSalah] = useState<string | null>(null);
  const nama = jenis === "TAMPIL" ? "layar antrian" : "kios antrian";

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = teks.trim();
    if (!keyClientId(value)) {
      setSalah("Ini bukan kunci perangkat. Kunci diawali lkc_ dan didapat dari halaman Admin › Antrian.");
      return;
    }
    onKunci(value);
  }

  return (
    <main id="konten" className="antrian-kunci">
      <h1>Pasangkan {nama}</h1>
      {ditolak && (
        <p className="alert alert--error" role="alert">
          Kunci perangkat yang tersimpan tidak diterima: mungkin sudah dicabut atau untuk instansi lain. Minta kunci baru kepada admin instansi.
        </p>
      )}
      <p>
        Layar ini berjalan tanpa akun. Buka tautan pemasangan dari halaman Admin › Antrian di perangkat ini, atau tempel kunci perangkatnya di bawah. Kunci
        hanya disimpan di peramban ini.
      </p>
      <form className="form" noValidate onSubmit={submit}>
        <div className={`field${salah ? " field--error" : ""}`}>
          <label htmlFor={`${id}-kunci`} className="field__label">
            Kunci perangkat
          </label>
          <input
            id={`${id}-kunci`}
            name="kunci"
            className="mono"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={teks}
            aria-invalid={!!salah}
            aria-describedby={`${id}-pesan`}
            onChange={(e) => {
              setTeks(e.target.value);
              setSalah(null);
            }}
          />
          <p id={`${id}-pesan`} className="field__message" aria-live="polite">
            {salah && <span className="field__error">⚠ {salah}</span>}
          </p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Pasangkan
          </button>
        </div>
      </form>
    </main>
  );
}
