import { kalimatPanggilan } from "../../../../server/shared/antrian";

/**
 * What the queue display says aloud, and when. Pure rules (which calls are new) and a small
 * wrapper around the browser's speech synthesis, so the page and its tests share them.
 */

export interface Panggilan {
  /** changes on every call and recall: a new kunci is a new announcement */
  kunci: string;
  kode: string;
  loket: string;
  grup: string;
  panggilanKe: number;
  dipanggilAt: string;
}

/** "Nomor antrian A tujuh, silakan ke Loket 1": the sentence is the shared rule (server/shared/antrian.ts). */
export function kalimatUntuk(p: Pick<Panggilan, "kode" | "loket">): string {
  return kalimatPanggilan(p.kode, p.loket);
}

/** After a long drop, at most this many of the calls missed are announced (the newest); the rest only show. */
export const MAKS_SUSULAN = 3;
const INGAT = 300;

/**
 * Which calls of a board are news. The board lists today's latest calls, newest first, and comes again after every
 * reconnect; a call is announced once, by its kunci. The first board only shows what was called before the
 * display opened.
 */
export class PanggilanBaru {
  private readonly dikenal = new Set<string>();
  private siap = false;

  /** The calls of this board not announced before, oldest first. */
  dari(dipanggil: readonly Panggilan[]): Panggilan[] {
    const baru = dipanggil.filter((p) => !this.dikenal.has(p.kunci));
    for (const p of baru) this.dikenal.add(p.kunci);
    // a kunci never comes back once it has left the board: the oldest can be forgotten
    while (this.dikenal.size > INGAT) this.dikenal.delete(this.dikenal.values().next().value!);
    if (!this.siap) {
      this.siap = true;
      return [];
    }
    return baru.slice(0, MAKS_SUSULAN).reverse();
  }
}

/** The parts of the browser's speech synthesis the display uses (tests pass a fake). */
export interface Sintesis {
  speak(u: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
}

/** An Indonesian voice when the device has one (the system's own first), else null (the browser's default speaks). */
export function pilihSuara(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const id = voices.filter((v) => /^(id|in)([-_]|$)/i.test(v.lang));
  return id.find((v) => v.localService) ?? id[0] ?? null;
}

export type HasilUcapan = "ok" | "ditolak" | "gagal";

/**
 * Says a sentence in Indonesian. Browsers refuse speech before a gesture on the page ("not-allowed"): `onHasil`
 * reports it, so the page can ask for the sound to be turned on again.
 */
export function ucapkan(sintesis: Sintesis, Utterance: typeof SpeechSynthesisUtterance, teks: string, onHasil: (hasil: HasilUcapan) => void = () => {}): void {
  const u = new Utterance(teks);
  u.lang = "id-ID";
  u.rate = 0.9;
  const suara = pilihSuara(sintesis.getVoices());
  if (suara) u.voice = suara;
  u.onend = () => onHasil("ok");
  u.onerror = (e: SpeechSynthesisErrorEvent) =>
    onHasil(e.error === "not-allowed" ? "ditolak" : e.error === "interrupted" || e.error === "canceled" ? "ok" : "gagal");
  sintesis.speak(u);
}

/** The browser's speech synthesis, when it has one. */
export function sintesisPeramban(): { sintesis: Sintesis; Utterance: typeof SpeechSynthesisUtterance } | null {
  if (typeof window === "undefined" || !("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") return null;
  return { sintesis: window.speechSynthesis, Utterance: window.SpeechSynthesisUtterance };
}
