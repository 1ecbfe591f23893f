import { graphql } from "../../gql";

/** The desk's side of training sessions (/loket/pelatihan): its operations are named "Meja…", apart from the citizen's pages. */

export const MejaSesiPelatihanFragment = graphql(`
  fragment MejaSesiPelatihan on SesiPelatihan {
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
      zonaWaktu
      zonaWaktuLabel
    }
  }
`);

export const MejaPesertaPelatihanFragment = graphql(`
  fragment MejaPesertaPelatihan on PesertaPelatihan {
    id
    status
    organisasi
    jabatan
    daftarAt
    naikAt
    hadirAt
    nomorTunggu
    namaPeserta
    suratAtasanUrl
  }
`);

export const MejaPelatihanListQuery = graphql(`
  query MejaPelatihanList($instansiId: ID!, $selesai: Boolean) {
    sesiPelatihanMeja(instansiId: $instansiId, selesai: $selesai) {
      ...MejaSesiPelatihan
    }
  }
`);

export const MejaSesiPelatihanQuery = graphql(`
  query MejaSesiPelatihanDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on SesiPelatihan {
        ...MejaSesiPelatihan
        daftarHadirUrl
        peserta {
          ...MejaPesertaPelatihan
        }
      }
    }
  }
`);

export const MejaSesiPelatihanBerubahSubscription = graphql(`
  subscription MejaSesiPelatihanBerubah($id: ID!) {
    sesiPelatihanBerubah(id: $id) {
      id
      kapasitas
      terisi
      sisaKursi
      jumlahMenunggu
      status
    }
  }
`);

export const MejaBuatSesiPelatihanMutation = graphql(`
  mutation MejaBuatSesiPelatihan($layananId: ID!, $input: SesiPelatihanInput!) {
    buatSesiPelatihan(layananId: $layananId, input: $input) {
      __typename
      ... on BuatSesiPelatihanSuccess {
        data {
          ...MejaSesiPelatihan
        }
      }
      ...ErrorFields
    }
  }
`);

export const MejaUbahSesiPelatihanMutation = graphql(`
  mutation MejaUbahSesiPelatihan($id: ID!, $input: SesiPelatihanInput!) {
    ubahSesiPelatihan(id: $id, input: $input) {
      __typename
      ... on UbahSesiPelatihanSuccess {
        data {
          ...MejaSesiPelatihan
        }
      }
      ...ErrorFields
    }
  }
`);

export const MejaAturPendaftaranPelatihanMutation = graphql(`
  mutation MejaAturPendaftaranPelatihan($id: ID!, $buka: Boolean!) {
    aturPendaftaranPelatihan(id: $id, buka: $buka) {
      __typename
      ... on AturPendaftaranPelatihanSuccess {
        data {
          ...MejaSesiPelatihan
        }
      }
      ...ErrorFields
    }
  }
`);

export const MejaBatalkanSesiPelatihanMutation = graphql(`
  mutation MejaBatalkanSesiPelatihan($id: ID!, $alasan: String!) {
    batalkanSesiPelatihan(id: $id, alasan: $alasan) {
      __typename
      ... on BatalkanSesiPelatihanSuccess {
        data {
          ...MejaSesiPelatihan
        }
      }
      ...ErrorFields
    }
  }
`);

export const MejaTandaiHadirPelatihanMutation = graphql(`
  mutation MejaTandaiHadirPelatihan($id: ID!, $tanda: TandaHadirPelatihan!) {
    tandaiHadirPelatihan(id: $id, tanda: $tanda) {
      __typename
      ... on TandaiHadirPelatihanSuccess {
        data {
          ...MejaPesertaPelatihan
        }
      }
      ...ErrorFields
    }
  }
`);
