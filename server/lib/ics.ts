/**
 * One iCalendar event (RFC 5545) for an email invitation: a visit's time and place in the person's calendar.
 * Written here rather than with ical-generator (it requires Node 22, this project runs on Node 20.19 too) or `ics`
 * (it brings a schema-validation framework for one event): escaping (§3.3.11), UTC times (§3.3.5) and folding
 * at 75 octets (§3.1) are all one event needs.
 */

export interface IcsEvent {
  uid: string;
  mulai: Date;
  selesai: Date;
  judul: string;
  lokasi: string;
  uraian: string;
  /** the office, as organizer (mail clients show who invites) */
  penyelenggara: { nama: string; email: string | null };
  /** a new version of the same event (rescheduled) must carry a higher sequence */
  urutan?: number;
  batal?: boolean;
}

const escapeText = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = "";
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length === 0 ? 75 : 74)) {
      out.push(cur);
      cur = "";
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join("\r\n ");
}

export function icsEvent(e: IcsEvent, now = new Date()): string {
  const organizer = e.penyelenggara.email ? `ORGANIZER;CN="${e.penyelenggara.nama.replace(/["\r\n]/g, "")}":mailto:${e.penyelenggara.email}` : null;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Loket//Kunjungan//ID",
    "CALSCALE:GREGORIAN",
    `METHOD:${e.batal ? "CANCEL" : "REQUEST"}`,
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(e.mulai)}`,
    `DTEND:${utc(e.selesai)}`,
    `SEQUENCE:${e.urutan ?? 0}`,
    `SUMMARY:${escapeText(e.judul)}`,
    `LOCATION:${escapeText(e.lokasi)}`,
    `DESCRIPTION:${escapeText(e.uraian)}`,
    ...(organizer ? [organizer] : []),
    `STATUS:${e.batal ? "CANCELLED" : "CONFIRMED"}`,
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "TRIGGER:-PT1H",
    `DESCRIPTION:${escapeText(e.judul)}`,
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
