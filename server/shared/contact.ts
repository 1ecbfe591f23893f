/** How a phone number and an email address are written down, on registration and in service forms alike. */

/** Indonesian mobile or landline: 08…, +628…, 628…, or an area code 0xx…, 9–15 digits in all. */
export function normalizePhone(raw: string): string | null {
  const s = raw.replace(/[\s\-().]/g, "");
  const m = s.match(/^(?:\+62|62|0)(\d{7,13})$/);
  return m ? `0${m[1]}` : null;
}

export function normalizeEmail(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return s.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s) ? s : null;
}
