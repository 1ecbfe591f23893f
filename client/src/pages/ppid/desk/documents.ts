import { graphql } from "../../../gql";
import type { RegisterPpidQuery as RegisterPpidResult } from "../../../gql/graphql";

// the API's own list of exemptions and its limit on extensions

export const RegisterPpidQuery = graphql(`
  query RegisterPpid($instansiId: ID, $tahun: Int, $first: Int) {
    registerPermohonanInformasi(instansiId: $instansiId, tahun: $tahun, first: $first) {
      totalCount
      edges {
        node {
          id
          nomorRegister
          status
          pemohonNama
          rincianInformasi
          diterimaAt
          tenggat
          terlambat
          instansi {
            id
            zonaWaktu
            zonaWaktuLabel
          }
        }
      }
    }
    registerKeberatan(instansiId: $instansiId, tahun: $tahun, first: $first) {
      edges {
        node {
          id
          nomorRegister
          alasanLabel
          uraian
          status
          versi
          diajukanAt
          tenggatTanggapan
          tanggapan
          ditanggapiAt
          dapatDitanggapi
          permohonan {
            id
            nomorRegister
            instansi {
              id
              zonaWaktu
              zonaWaktuLabel
            }
          }
        }
      }
    }
  }
`);

export const RegisterCsvQuery = graphql(`
  query RegisterCsv($instansiId: ID, $tahun: Int) {
    registerPermohonanCsv(instansiId: $instansiId, tahun: $tahun)
    registerKeberatanCsv(instansiId: $instansiId, tahun: $tahun)
  }
`);

export const TanggapiKeberatanMutation = graphql(`
  mutation TanggapiKeberatan($id: ID!, $versi: Int!, $tanggapan: String!) {
    tanggapiKeberatan(id: $id, versi: $versi, tanggapan: $tanggapan) {
      __typename
      ... on TanggapiKeberatanSuccess {
        data {
          id
          status
          versi
          tanggapan
        }
      }
      ...ErrorFields
    }
  }
`);

export const PpidCaseQuery = graphql(`
  query PpidCase($id: ID!) {
    node(id: $id) {
      __typename
      ... on PermohonanInformasi {
        id
        versi
        status
        aksiTersedia
        ...PermohonanView_Permohonan
      }
    }
  }
`);

export const PpidCaseLiveSubscription = graphql(`
  subscription PpidCaseLive($id: ID!) {
    permohonanInformasiBerubah(id: $id) {
      id
      versi
      status
      aksiTersedia
      ...PermohonanView_Permohonan
    }
  }
`);

export const PerpanjangMutation = graphql(`
  mutation Perpanjang($id: ID!, $versi: Int!, $hari: Int!, $alasan: String!) {
    perpanjangPermohonanInformasi(id: $id, versi: $versi, hari: $hari, alasan: $alasan) {
      __typename
      ... on PerpanjangPermohonanInformasiSuccess {
        data {
          id
          versi
          status
          aksiTersedia
          ...PermohonanView_Permohonan
        }
      }
      ...ErrorFields
    }
  }
`);

export const PutuskanMutation = graphql(`
  mutation Putuskan($id: ID!, $versi: Int!, $keputusan: KeputusanPermohonan!, $catatan: String!, $pasalPengecualian: String, $ujiKonsekuensi: String, $biaya: Int) {
    putuskanPermohonanInformasi(id: $id, versi: $versi, keputusan: $keputusan, catatan: $catatan, pasalPengecualian: $pasalPengecualian, ujiKonsekuensi: $ujiKonsekuensi, biaya: $biaya) {
      __typename
      ... on PutuskanPermohonanInformasiSuccess {
        data {
          id
          versi
          status
          aksiTersedia
          ...PermohonanView_Permohonan
        }
      }
      ...ErrorFields
    }
  }
`);

export type KeberatanItem = RegisterPpidResult["registerKeberatan"]["edges"][number]["node"];
