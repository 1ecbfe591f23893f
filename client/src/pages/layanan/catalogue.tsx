import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { ContohBadge } from "../../components/badges";
import { PageTitle } from "../../components/page-title";
import { formatRupiah } from "../../lib/format";
import { rawId } from "../../lib/ids";
import { QueryState } from "../../components/page-state";

const KatalogQuery = graphql(`
  query Katalog($cari: String, $kategori: String, $instansiId: ID, $first: Int) {
    instansiList {
      id
      nama
    }
    layananKategori(instansiId: $instansiId)
    layananList(cari: $cari, kategori: $kategori, instansiId: $instansiId, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          nama
          kategori
          deskripsi
          contoh
          jangkaWaktu
          biaya
          instansi {
            id
            nama
          }
        }
      }
    }
  }
`);

const PAGE = 20;

export default function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const cari = params.get("cari") ?? "";
  const kategori = params.get("kategori") ?? "";
  const instansi = params.get("instansi") ?? "";
  const [text, setText] = useState(cari);
  const [pages, setPages] = useState(1);
  useEffect(() => setText(cari), [cari]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are the trigger: a new filter starts at page 1 again
  useEffect(() => setPages(1), [cari, kategori, instansi]);

  const [{ data: fresh, fetching, error }] = useQuery({
    query: KatalogQuery,
    variables: { cari: cari || null, kategori: kategori || null, instansiId: instansi || null, first: PAGE * pages },
  });
  // keep the list on screen while the next page or another filter loads
  const previous = useRef(fresh);
  if (fresh) previous.current = fresh;
  const data = fresh ?? previous.current;

  function update(next: Record<string, string>) {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  }

  function search(e: FormEvent) {
    e.preventDefault();
    update({ cari: text.trim() });
  }

  const list = data?.layananList;
  const offices = data?.instansiList ?? [];
  // "Layanan yang saya butuhkan tidak ada": the search's words and the chosen office go along
  const usulan = `/layanan/usulkan?${new URLSearchParams({ ...(cari ? { cari } : {}), ...(instansi ? { instansi } : {}) })}`;
  return (
    <>
      <PageTitle>Daftar layanan</PageTitle>
      <p className="lead">Pilih layanan untuk melihat persyaratan, prosedur, waktu, dan biayanya, lalu ajukan secara daring.</p>

      <form className="filters card" role="search" aria-label="Cari layanan" onSubmit={search}>
        <div className="filters__search">
          <label htmlFor="cari-layanan" className="field__label">
            Cari layanan
          </label>
          <div className="search">
            <input
              id="cari-layanan"
              type="search"
              name="cari"
              value={text}
              placeholder="Contoh: surat keterangan, nikah, haji"
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button button--primary">
              Cari
            </button>
          </div>
        </div>
        <div className="filters__row">
          <div>
            <label htmlFor="kategori-layanan" className="field__label">
              Kategori
            </label>
            <select id="kategori-layanan" value={kategori} onChange={(e) => update({ kategori: e.target.value })}>
              <option value="">Semua kategori</option>
              {(data?.layananKategori ?? []).map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </div>
          {offices.length > 1 && (
            <div>
              <label htmlFor="instansi-layanan" className="field__label">
                Kantor
              </label>
              <select id="instansi-layanan" value={instansi} onChange={(e) => update({ instansi: e.target.value, kategori: "" })}>
                <option value="">Semua kantor</option>
                {offices.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.nama}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      </form>

      <div role="status" aria-live="polite" className="result-count">
        {list && (
          <p>
            {list.totalCount === 0 ? "Tidak ada layanan yang cocok." : `${list.totalCount} layanan`}
            {cari && ` untuk “${cari}”`}
            {kategori && ` dalam kategori ${kategori}`}.
          </p>
        )}
      </div>
      <QueryState fetching={fetching} error={error} loaded={!!data} staleError>
        Memuat daftar layanan…
      </QueryState>
      {list && list.totalCount === 0 && (cari || kategori) && (
        <p>
          Coba kata lain, atau{" "}
          <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            tampilkan semua layanan
          </button>
          . Bila layanan yang Anda butuhkan memang belum ada, <Link to={usulan}>beri tahu kantor layanan yang Anda butuhkan</Link>.
        </p>
      )}
      <ul className="service-list">
        {list?.edges.map(({ node: l }) => (
          <li key={l.id} className="card service-card">
            <h2 className="service-card__title">
              <Link to={`/layanan/${rawId(l.id)}`}>{l.nama}</Link>
            </h2>
            <p className="service-card__meta">
              <span className="badge badge--closed">{l.kategori}</span> {l.contoh && <ContohBadge />}
            </p>
            {l.deskripsi && <p className="service-card__desc">{l.deskripsi}</p>}
            <dl className="service-card__facts">
              <div>
                <dt>Waktu</dt>
                <dd>{l.jangkaWaktu}</dd>
              </div>
              <div>
                <dt>Biaya</dt>
                <dd>{formatRupiah(l.biaya)}</dd>
              </div>
              {offices.length > 1 && (
                <div>
                  <dt>Kantor</dt>
                  <dd>{l.instansi.nama}</dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
      {list?.pageInfo.hasNextPage && (
        <p className="center">
          <button type="button" className="button button--secondary" disabled={fetching} onClick={() => setPages((p) => p + 1)}>
            {fetching ? "Memuat…" : "Tampilkan lebih banyak"}
          </button>
        </p>
      )}
      {list && (
        <section className="card" aria-labelledby="usulan-layanan-judul">
          <h2 id="usulan-layanan-judul">Layanan yang Anda butuhkan tidak ada?</h2>
          <p>
            Beri tahu kantor lewat <Link to={usulan}>formulir usulan layanan</Link>. Usulan yang sama dari banyak warga dihitung bersama.
          </p>
        </section>
      )}
    </>
  );
}
