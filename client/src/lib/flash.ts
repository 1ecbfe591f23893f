import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";

/**
 * A message handed over by the previous page in its navigation state (e.g. "Pengaduan terkirim…", or after
 * logging out): shown once, and dropped from history so a reload does not say it again.
 */
export function useFlash(): string | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [flash] = useState(() => (location.state as { flash?: string } | null)?.flash);
  useEffect(() => {
    if (flash) navigate(".", { replace: true, state: null });
  }, [flash, navigate]);
  return flash;
}
