import { graphql, useFragment, type FragmentType } from "../gql";
import { formatClock, formatWeekdayTime } from "../lib/format";
import { DAY_NAMES } from "../lib/labels";
import { waMe } from "../../../server/shared/bantuan";

export const InstansiCard_InstansiFragment = graphql(`
  fragment InstansiCard_Instansi on Instansi {
    id
    nama
    alamat
    telepon
    whatsapp
    email
    website
    zonaWaktu
    zonaWaktuLabel
    bukaSekarang
    bukaBerikutnya
    jamLayanan {
      hari
      buka
      tutup
    }
  }
`);

interface HoursRow {
  days: string;
  hours: string;
}

/** "Senin – Kamis 08.00–15.30", "Jumat 08.00–16.00", "Sabtu – Minggu Tutup": consecutive days with equal hours merged. */
export function summariseHours(jam: ReadonlyArray<{ hari: number; buka: string; tutup: string }>): HoursRow[] {
  const byDay = new Map<number, string>();
  for (let d = 1; d <= 7; d++) {
    const slots = jam
      .filter((j) => j.hari === d)
      .sort((a, b) => a.buka.localeCompare(b.buka))
      .map((j) => `${formatClock(j.buka)}–${formatClock(j.tutup)}`);
    byDay.set(d, slots.length ? slots.join(", ") : "Tutup");
  }
  const rows: HoursRow[] = [];
  let start = 1;
  for (let d = 2; d <= 8; d++) {
    if (d <= 7 && byDay.get(d) === byDay.get(start)) continue;
    const end = d - 1;
    rows.push({ days: start === end ? DAY_NAMES[start]! : `${DAY_NAMES[start]} – ${DAY_NAMES[end]}`, hours: byDay.get(start)! });
    start = d;
  }
  return rows;
}

export function InstansiCard(props: { instansi: FragmentType<typeof InstansiCard_InstansiFragment>; headingLevel?: 2 | 3 }) {
  const i = useFragment(InstansiCard_InstansiFragment, props.instansi);
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  const rows = summariseHours(i.jamLayanan);
  return (
    <article className="card instansi" aria-labelledby={`instansi-${i.id}`}>
      <Heading id={`instansi-${i.id}`} className="instansi__name">
        {i.nama}
      </Heading>
      <p className="instansi__open">
        {i.bukaSekarang === true && <span className="badge badge--ok">Buka sekarang</span>}
        {i.bukaSekarang === false && <span className="badge badge--closed">Sedang tutup</span>}
        {i.bukaSekarang === false && i.bukaBerikutnya && (
          <span className="muted">
            {" "}
            Buka kembali {formatWeekdayTime(i.bukaBerikutnya, i.zonaWaktu).replace(":", ".")} {i.zonaWaktuLabel}
          </span>
        )}
        {i.bukaSekarang == null && <span className="muted">Jam layanan belum diatur.</span>}
      </p>
      {rows.length > 0 && i.jamLayanan.length > 0 && (
        <table className="hours">
          <caption className="sr-only">Jam layanan {i.nama}</caption>
          <tbody>
            {rows.map((r) => (
              <tr key={r.days}>
                <th scope="row">{r.days}</th>
                <td>{r.hours === "Tutup" ? <span className="muted">Tutup</span> : `${r.hours} ${i.zonaWaktuLabel}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">Tutup pada hari libur nasional dan hari penutupan yang diumumkan.</p>
      <dl className="contact">
        {i.alamat && (
          <div>
            <dt>Alamat</dt>
            <dd>{i.alamat}</dd>
          </div>
        )}
        {i.telepon && (
          <div>
            <dt>Telepon</dt>
            <dd>
              <a href={`tel:${i.telepon.replace(/[^\d+]/g, "")}`}>{i.telepon}</a>
            </dd>
          </div>
        )}
        {i.whatsapp && (
          <div>
            <dt>WhatsApp</dt>
            <dd>{waMe(i.whatsapp) ? <a href={waMe(i.whatsapp)!}>{i.whatsapp}</a> : i.whatsapp}</dd>
          </div>
        )}
        {i.email && (
          <div>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${i.email}`}>{i.email}</a>
            </dd>
          </div>
        )}
        {i.website && (
          <div>
            <dt>Situs web</dt>
            <dd>
              <a href={i.website.startsWith("http") ? i.website : `https://${i.website}`}>{i.website.replace(/^https?:\/\//, "")}</a>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
