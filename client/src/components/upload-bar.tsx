import type { UploadProgress } from "../lib/upload";

/** For `uploadMutation`'s `onProgress`: the share sent so far (0 to 1) into a state setter. */
export function progressInto(set: (share: number) => void): (p: UploadProgress) => void {
  return (p) => set(p.total ? p.loaded / p.total : 0);
}

/** The bar of files being sent, with the percentage; nothing while no upload runs. */
export function UploadBar({ value, label }: { value: number | null | undefined; label: string }) {
  if (value == null) return null;
  return (
    <div className="slot__progress">
      <progress max={1} value={value} aria-label={label} />
      <span className="small">{Math.round(value * 100)}%</span>
    </div>
  );
}
