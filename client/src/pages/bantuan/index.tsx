import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { useQuery } from "urql";
import { SearchBox } from "../../components/field";
import { InstansiCard } from "../../components/instansi-card";
import { NotFound, QueryState } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { CariBantuanQuery, HalamanBantuanQuery } from "./documents";
import { TambahTopikForm, TanyaJawabTools, TopikTools } from "./editor";
import { Jawaban } from "./jawaban";
import { KontakForm } from "./kontak-form";

/**
 * /bantuan (the general help page) and /bantuan/<kode> (an office's): questions and answers by topic, a
 * search over them on the server (`?cari=`), the office's contact block, and for its admin the editor.
 */
export default function BantuanPage() {
  const { kode } = useParams();
  const [params, setParams] = useSearchParams();
  const cari = (params.get("cari") ?? "").trim();
  const [text, setText] = useState(cari);
  useEffect(() => setText(cari), [cari]);

  const [{ data, fetching, error }, refetch] = useQuery({ query: HalamanBantuanQuery, variables: { kode: kode ?? null } });
  const [hasil] = useQuery({ query: CariBantuanQuery, variables: { kode: kode ?? null, kata: cari }, pause: !cari });
  const reload = () => refetch({ requestPolicy: "network-only" });

  const page = data?.halamanBantuan;
  if (data && !page) {
    return (
      <NotFound title="Halaman bantuan tidak ditemukan">
        Tidak ada instansi dengan kode {kode}. Lihat <Link to="/bantuan">Bantuan umum</Link>.
      </NotFound>
    );
  }
  const instansi = page?.instansi ?? null;
  const title = instansi ? `Bantuan ${instansi.nama}` : "Bantuan";
  const offices = (data?.instansiList ?? []).filter((i) => i.kode !== instansi?.kode);

  return (
    <div className="narrow bantuan">
      <PageTitle>{title}</PageTitle>
      <p className="lead">
        {instansi
          ? "Jawaban atas pertanyaan yang sering diajukan tentang layanan instansi ini, dan cara menghubungi petugasnya."
          : "Jawaban atas pertanyaan yang sering diajukan tentang Loket. Setiap instansi juga memiliki halaman bantuan dan kontaknya sendiri."}
      </p>
      <QueryState fetching={fetching} error={error} loaded={!!page} />

      <SearchBox
        id="cari-bantuan"
        label="Cari pertanyaan, misalnya: daftar akun"
        formLabel="Cari di halaman bantuan"
        value={text}
        onChange={setText}
        onSearch={() => setParams(text.trim() ? { cari: text.trim() } : {})}
      />

      {cari && (
        <section className="bantuan__hasil" aria-labelledby="hasil-cari" aria-live="polite">
          <h2 id="hasil-cari">Hasil pencarian “{cari}”</h2>
          <QueryState fetching={hasil.fetching} error={hasil.error} loaded={!!hasil.data} />
          {hasil.data && hasil.data.cariBantuan.length === 0 && (
            <div className="card">
              <p>
                <strong>Tidak ada jawaban untuk “{cari}”.</strong> Coba kata lain atau kata yang lebih umum.
              </p>
              <p>
                {instansi ? (
                  <>
                    Masih belum menemukan jawaban? <a href="#kontak">Hubungi {instansi.nama}</a>.
                  </>
                ) : (
                  <>
                    Masih belum menemukan jawaban? <a href="#kontak">Hubungi instansi yang melayani Anda</a>.
                  </>
                )}
              </p>
            </div>
          )}
          {hasil.data && hasil.data.cariBantuan.length > 0 && (
            <>
              <p className="muted">{hasil.data.cariBantuan.length} pertanyaan cocok.</p>
              <ul className="plain-list bantuan__daftar-hasil">
                {hasil.data.cariBantuan.map((h) => (
                  <li key={h.id} className="card">
                    <p className="muted small">{h.topik.judul}</p>
                    <h3 className="bantuan__pertanyaan">{h.pertanyaan}</h3>
                    <Jawaban teks={h.jawaban} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <button type="button" className="button button--quiet button--small" onClick={() => setParams({})}>
              Hapus pencarian
            </button>
          </p>
        </section>
      )}

      {page && page.topik.length === 0 && (
        <p className="muted">{instansi ? "Instansi ini belum menulis pertanyaan dan jawaban." : "Belum ada pertanyaan umum."}</p>
      )}
      {page?.topik.map((t) => (
        <section key={t.id} className="bantuan__topik" aria-labelledby={`topik-${t.id}`}>
          <h2 id={`topik-${t.id}`}>{t.judul}</h2>
          {t.tanyaJawab.map((q) => (
            <details key={q.id} className="bantuan__item">
              <summary>{q.pertanyaan}</summary>
              <Jawaban teks={q.jawaban} />
              {page.dapatDiubah && <TanyaJawabTools item={q} topikId={t.id} urutan={t.tanyaJawab.map((x) => x.id)} onChanged={reload} />}
            </details>
          ))}
          {page.dapatDiubah && <TopikTools topik={{ id: t.id, judul: t.judul, kosong: t.tanyaJawab.length === 0 }} onChanged={reload} />}
        </section>
      ))}
      {page?.dapatDiubah && <TambahTopikForm instansiId={instansi?.id ?? null} onChanged={reload} />}

      <section id="kontak" className="bantuan__kontak" aria-labelledby="kontak-judul">
        {instansi ? (
          <>
            <h2 id="kontak-judul">Hubungi kami</h2>
            <InstansiCard instansi={instansi} headingLevel={3} />
            {page?.dapatDiubah && <KontakForm instansi={instansi} onChanged={reload} />}
          </>
        ) : (
          <>
            <h2 id="kontak-judul">Bantuan dan kontak setiap instansi</h2>
            <ul className="plain-list">
              {offices.map((o) => (
                <li key={o.id}>
                  <Link to={`/bantuan/${encodeURIComponent(o.kode)}`}>{o.nama}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {instansi && (
        <p>
          Lihat juga <Link to="/bantuan">Bantuan umum Loket</Link>.
        </p>
      )}
    </div>
  );
}
