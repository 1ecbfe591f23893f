import { graphql } from "../../gql";

export const KonsultasiItemFragment = graphql(`
  fragment KonsultasiItem on Konsultasi {
    id
    nomor
    status
    kanal
    namaPenanya
    organisasi
    kontak
    pertanyaan
    jawaban
    eskalasiKe
    dieskalasiAt
    tenggatJawab
    tenggatJawabSementara
    terlambat
    selesaiAt
    tautanSurvei
    versi
    createdAt
    dicatatOleh
    dijawabOleh
    layanan {
      id
      nama
    }
  }
`);

export const KonsultasiMejaQuery = graphql(`
  query KonsultasiMeja($instansiId: ID!, $selesai: Boolean) {
    konsultasiMeja(instansiId: $instansiId, selesai: $selesai) {
      ...KonsultasiItem
    }
  }
`);

export const RingkasanKonsultasiQuery = graphql(`
  query RingkasanKonsultasi($instansiId: ID!, $tahun: Int!) {
    ringkasanKonsultasi(instansiId: $instansiId, tahun: $tahun) {
      jumlah
      dijawabLangsung
      dieskalasi
      terbuka
      terlambat
      perKanal {
        kanal
        jumlah
      }
    }
  }
`);

export const CatatKonsultasiMutation = graphql(`
  mutation CatatKonsultasi($input: CatatKonsultasiInput!) {
    catatKonsultasi(input: $input) {
      __typename
      ... on CatatKonsultasiSuccess {
        data {
          ...KonsultasiItem
        }
      }
      ...ErrorFields
    }
  }
`);

export const EskalasiKonsultasiMutation = graphql(`
  mutation EskalasiKonsultasi($id: ID!, $versi: Int!, $eskalasiKe: String!) {
    eskalasiKonsultasi(id: $id, versi: $versi, eskalasiKe: $eskalasiKe) {
      __typename
      ... on EskalasiKonsultasiSuccess {
        data {
          ...KonsultasiItem
        }
      }
      ...ErrorFields
    }
  }
`);

export const JawabKonsultasiMutation = graphql(`
  mutation JawabKonsultasi($id: ID!, $versi: Int!, $jawaban: String!) {
    jawabKonsultasi(id: $id, versi: $versi, jawaban: $jawaban) {
      __typename
      ... on JawabKonsultasiSuccess {
        data {
          ...KonsultasiItem
        }
      }
      ...ErrorFields
    }
  }
`);
