import { graphql } from "../../../gql";

/* ---------- electronic signature (the office's certificate, the remote service, the trusted roots) ---------- */

export const PengaturanTtdFragment = graphql(`
  fragment AdminPengaturanTtd on PengaturanTtd {
    metode
    sertifikat {
      subjek
      penerbit
      nomorSeri
      berlakuMulai
      berlakuSampai
      sidikJari
    }
    remote {
      url
      clientId
      adaClientSecret
    }
    akar {
      subjek
      penerbit
      sidikJari
      berlakuMulai
      berlakuSampai
      pem
    }
  }
`);

export const PengaturanTtdQuery = graphql(`
  query AdminPengaturanTtd($instansiId: ID!) {
    pengaturanTtd(instansiId: $instansiId) {
      ...AdminPengaturanTtd
    }
  }
`);

export const UnggahSertifikatTtdMutation = graphql(`
  mutation UnggahSertifikatTtd($instansiId: ID!, $berkas: File!, $passphrase: String!) {
    unggahSertifikatTtd(instansiId: $instansiId, berkas: $berkas, passphrase: $passphrase) {
      __typename
      ... on UnggahSertifikatTtdSuccess {
        data {
          ...AdminPengaturanTtd
        }
      }
      ...ErrorFields
    }
  }
`);

export const AturLayananTtdRemoteMutation = graphql(`
  mutation AturLayananTtdRemote($instansiId: ID!, $url: String!, $clientId: String!, $clientSecret: String) {
    aturLayananTtdRemote(instansiId: $instansiId, url: $url, clientId: $clientId, clientSecret: $clientSecret) {
      __typename
      ... on AturLayananTtdRemoteSuccess {
        data {
          ...AdminPengaturanTtd
        }
      }
      ...ErrorFields
    }
  }
`);

export const PilihMetodeTtdMutation = graphql(`
  mutation PilihMetodeTtd($instansiId: ID!, $metode: MetodeTtd!) {
    pilihMetodeTtd(instansiId: $instansiId, metode: $metode) {
      __typename
      ... on PilihMetodeTtdSuccess {
        data {
          ...AdminPengaturanTtd
        }
      }
      ...ErrorFields
    }
  }
`);

export const AturAkarTtdMutation = graphql(`
  mutation AturAkarTtd($instansiId: ID!, $pem: String!) {
    aturAkarTtd(instansiId: $instansiId, pem: $pem) {
      __typename
      ... on AturAkarTtdSuccess {
        data {
          ...AdminPengaturanTtd
        }
      }
      ...ErrorFields
    }
  }
`);

/* ---------- the letter-number pattern ---------- */

export const PolaNomorSuratQuery = graphql(`
  query AdminPolaNomorSurat($instansiId: ID) {
    polaNomorSurat(instansiId: $instansiId) {
      pola
      lingkup
      bawaan
      diubahAt
    }
  }
`);

export const PratinjauPolaNomorQuery = graphql(`
  query AdminPratinjauPolaNomor($instansiId: ID, $kodeKlasifikasi: String, $pola: String, $lingkup: LingkupNomorSurat) {
    pratinjauNomorSurat(instansiId: $instansiId, kodeKlasifikasi: $kodeKlasifikasi, pola: $pola, lingkup: $lingkup) {
      __typename
      ... on PratinjauNomorSuratSuccess {
        data
      }
      ...ErrorFields
    }
  }
`);

export const AturPolaNomorSuratMutation = graphql(`
  mutation AturPolaNomorSurat($instansiId: ID, $pola: String!, $lingkup: LingkupNomorSurat!) {
    aturPolaNomorSurat(instansiId: $instansiId, pola: $pola, lingkup: $lingkup) {
      __typename
      ... on AturPolaNomorSuratSuccess {
        data {
          pola
          lingkup
          bawaan
          diubahAt
        }
      }
      ...ErrorFields
    }
  }
`);

/* ---------- the register of letters ---------- */

export const RegisterSuratFragment = graphql(`
  fragment AdminRegisterSurat on Surat {
    id
    nomor
    kodeKlasifikasi
    tanggal
    status
    alasanBatal
    dibatalkanAt
    dibatalkanOlehNama
    kodeVerifikasi
    penandatanganNama
    ditandatanganiAt
    nomorRegistrasi
    layananNama
    unduhUrl
    dapatDibatalkan
    instansi {
      id
      zonaWaktu
      zonaWaktuLabel
    }
  }
`);

export const RegisterSuratQuery = graphql(`
  query AdminRegisterSurat($instansiId: ID, $tahun: Int, $status: SuratStatus, $first: Int, $after: String) {
    registerSurat(instansiId: $instansiId, tahun: $tahun, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...AdminRegisterSurat
        }
      }
    }
  }
`);

export const BatalkanSuratMutation = graphql(`
  mutation BatalkanSurat($id: ID!, $alasan: String!) {
    batalkanSurat(id: $id, alasan: $alasan) {
      __typename
      ... on BatalkanSuratSuccess {
        data {
          id
          ...AdminRegisterSurat
        }
      }
      ...ErrorFields
    }
  }
`);
