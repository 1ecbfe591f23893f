import { Link, useParams, useSearchParams } from "react-router-dom";
import { useQuery } from "urql";
import { useFragment as unmask } from "../../gql";
import { Fact } from "../../components/facts";
import { FormMessage } from "../../components/field";
import { Loading, NotFound } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { BatalkanKunjungan } from "./batalkan";
import { KunjunganItemFragment, KunjunganNodeQuery } from "./documents";
import { StatusKunjunganBadge, TUJUAN, waktuKunjungan } from "./parts";
import "./kunjungan.css";

/** /kunjungan/<id> — one visit with its code shown large (also the confirmation after booking or moving it). */
export default function KunjunganPage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const valid = isUuid(id);
  const [{ data, fetching, error }] = useQuery({ query: KunjunganNodeQuery, variables: { id: toGlobalId("Kunjungan", id) }, pause: !valid });
  const k = data?.node?.__typename === "Kunjungan" ? unmask(KunjunganItemFragment, data.node) : null;
  if (!valid || (data && !k))
    return (
      <NotFound title="Kunjungan tidak ditemukan">
        Lihat <Link to="/kunjungan">jadwal kunjungan saya</Link>.
      </NotFound>
    );
  if (!k)
    return (
      <Loading fetching={fetching} error={error}>
        Memuat kunjungan…
      </Loading>
    );
  const baru = params.has("baru");
  const diubah = params.has("diubah");
  const aktif = k.status === "DIPESAN";
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/kunjungan">Jadwal kunjungan saya</Link>
      </p>
      <PageTitle>{baru ? "Jadwal kunjungan dipesan" : diubah ? "Jadwal kunjungan diubah" : `Kunjungan ${k.layanan.nama}`}</PageTitle>
      {(baru || diubah) && aktif && <FormMessage kind="success">Jadwal Anda tersimpan. Sampai bertemu di kantor.</FormMessage>}
      <div className="card">
        {aktif && (
          <div className="kunjungan-kode">
            <p>Tunjukkan kode ini di loket</p>
            <strong className="kunjungan-kode__nilai">{k.kode}</strong>
          </div>
        )}
        <dl className="facts">
          <Fact label="Status">
            <StatusKunjunganBadge status={k.status} />
          </Fact>
          <Fact label="Waktu">{waktuKunjungan(k, k.instansi)}</Fact>
          <Fact label="Layanan">{k.layanan.nama}</Fact>
          <Fact label="Keperluan">{TUJUAN[k.tujuan].label}</Fact>
          <Fact label="Tempat">
            {k.instansi.nama}
            {k.instansi.alamat && `, ${k.instansi.alamat}`}
          </Fact>
          {!aktif && <Fact label="Kode kunjungan">{k.kode}</Fact>}
          {k.pengajuan && (
            <Fact label="Pengajuan">
              <Link to={`/pengajuan/${rawId(k.pengajuan.id)}`}>{k.pengajuan.nomorRegistrasi}</Link>
            </Fact>
          )}
          {k.catatan && <Fact label="Catatan">{k.catatan}</Fact>}
          {k.alasanBatal && <Fact label="Alasan pembatalan">{k.alasanBatal}</Fact>}
        </dl>
        {aktif && (
          <p>
            Kami akan mengirim pengingat sehari sebelum kunjungan, di Loket dan lewat email. Bawa KTP dan dokumen asli yang diminta. Waktu ditulis dalam waktu
            setempat kantor ({k.instansi.zonaWaktuLabel}).
          </p>
        )}
        {k.status === "DIBATALKAN_KANTOR" && (
          <p>
            <Link className="button button--primary" to={`/kunjungan/pesan?layanan=${rawId(k.layanan.id)}`}>
              Pesan jadwal lagi
            </Link>
          </p>
        )}
        {k.dapatDiubah && (
          <div className="kunjungan-aksi">
            <Link className="button button--secondary" to={`/kunjungan/pesan?ubah=${rawId(k.id)}&layanan=${rawId(k.layanan.id)}`}>
              Ubah jadwal
            </Link>
            <BatalkanKunjungan id={k.id} kode={k.kode} />
          </div>
        )}
      </div>
      <p>
        <Link to="/kunjungan">Lihat semua jadwal kunjungan saya</Link>
      </p>
    </div>
  );
}
