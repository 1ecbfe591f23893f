import { graphql } from "../../gql";

export const PesertaPelatihanItemFragment = graphql(`
  fragment PesertaPelatihanItem on PesertaPelatihan {
    id
    status
    organisasi
    jabatan
    daftarAt
    naikAt
    hadirAt
    alasanBatal
    nomorTunggu
    dapatDibatalkan
    surveiTerisi
  }
`);

export const SesiPelatihanItemFragment = graphql(`
  fragment SesiPelatihanItem on SesiPelatihan {
    id
    judul
    mulai
    selesai
    tempat
    kapasitas
    terisi
    sisaKursi
    jumlahMenunggu
    persyaratan
    wajibSuratAtasan
    status
    alasanBatal
    layanan {
      id
      nama
    }
    instansi {
      id
      nama
      alamat
      zonaWaktu
      zonaWaktuLabel
    }
  }
`);

export const PelatihanSayaQuery = graphql(`
  query PelatihanSaya {
    pelatihanSaya {
      ...PesertaPelatihanItem
      sesi {
        ...SesiPelatihanItem
      }
    }
    sesiPelatihanTerbuka {
      ...SesiPelatihanItem
      pendaftaranSaya {
        id
        status
      }
    }
  }
`);

export const SesiPelatihanLayananQuery = graphql(`
  query SesiPelatihanLayanan($layananId: ID!) {
    sesiPelatihanTerbuka(layananId: $layananId) {
      id
    }
  }
`);

export const SesiPelatihanNodeQuery = graphql(`
  query SesiPelatihanNode($id: ID!) {
    node(id: $id) {
      __typename
      ... on SesiPelatihan {
        ...SesiPelatihanItem
        pendaftaranSaya {
          ...PesertaPelatihanItem
        }
      }
    }
  }
`);

export const SesiPelatihanBerubahSubscription = graphql(`
  subscription SesiPelatihanBerubah($id: ID!) {
    sesiPelatihanBerubah(id: $id) {
      ...SesiPelatihanItem
      pendaftaranSaya {
        ...PesertaPelatihanItem
      }
    }
  }
`);

export const DaftarPelatihanMutation = graphql(`
  mutation DaftarPelatihan($sesiId: ID!, $organisasi: String!, $jabatan: String, $suratAtasan: File) {
    daftarPelatihan(sesiId: $sesiId, organisasi: $organisasi, jabatan: $jabatan, suratAtasan: $suratAtasan) {
      __typename
      ... on DaftarPelatihanSuccess {
        data {
          ...PesertaPelatihanItem
        }
      }
      ...ErrorFields
    }
  }
`);

export const BatalkanPendaftaranPelatihanMutation = graphql(`
  mutation BatalkanPendaftaranPelatihan($id: ID!, $alasan: String) {
    batalkanPendaftaranPelatihan(id: $id, alasan: $alasan) {
      __typename
      ... on BatalkanPendaftaranPelatihanSuccess {
        data {
          ...PesertaPelatihanItem
        }
      }
      ...ErrorFields
    }
  }
`);
