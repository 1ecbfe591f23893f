import { useConnectionNotice } from "../lib/connection";

/** Says whether what is on screen follows the office live, or may be behind because the connection dropped. */
export function LiveNote({ error }: { error?: string | null }) {
  // the same grace as the banner: a blip of a second is not "Tidak tersambung"
  const offline = useConnectionNotice() === "offline";
  if (offline) {
    return (
      <p className="live-note live-note--off" role="status">
        <span className="dot" aria-hidden="true" />
        Tidak tersambung. Status di layar mungkin belum yang terbaru; perubahan yang terlewat akan muncul begitu tersambung kembali.
      </p>
    );
  }
  if (error) {
    return (
      <p className="live-note" role="status">
        <span className="dot" aria-hidden="true" />
        {error}
      </p>
    );
  }
  return (
    <p className="live-note">
      <span className="dot dot--on" aria-hidden="true" />
      Diperbarui langsung
    </p>
  );
}
