import { graphql } from "../../gql";

// The office queue (tickets, counters, the TV display and the kiosk). The display and the kiosk run as a device
// (an API client with the ANTRIAN_TAMPIL or ANTRIAN_KIOSK scope); the counter console as the signed-in officer.

/** The board as the display shows it; emitted at once (and after every reconnect), then after every change. */
export const PapanAntrianSubscription = graphql(`
  subscription PapanAntrianBerubah($instansiId: ID!) {
    papanAntrianBerubah(instansiId: $instansiId) {
      instansiId
      instansiNama
      tanggal
      dipanggil {
        kunci
        kode
        loket
        grup
        panggilanKe
        dipanggilAt
      }
      grup {
        id
        kode
        nama
        menunggu
        terakhirDipanggil
      }
    }
  }
`);

export const KioskAntrianQuery = graphql(`
  query KioskAntrian($instansiId: ID!) {
    kioskAntrian(instansiId: $instansiId) {
      instansiId
      instansiNama
      tanggal
      buka
      keteranganTutup
      grup {
        id
        kode
        nama
        menunggu
        layanan {
          id
          nama
        }
      }
    }
  }
`);

export const AmbilTiketMutation = graphql(`
  mutation AmbilTiket($instansiId: ID!, $grupId: ID!, $layananId: ID) {
    ambilTiket(input: { instansiId: $instansiId, grupId: $grupId, layananId: $layananId }) {
      __typename
      ... on AmbilTiketSuccess {
        data {
          id
          kode
          nomor
          tanggal
          status
          menungguDiDepan
          diambilAt
          grup {
            id
            kode
            nama
          }
          layanan {
            id
            nama
          }
        }
      }
      ...ErrorFields
    }
  }
`);

// ---------------------------------------------------------------------------------------------------
// the counter console

export const KonsolLoketQuery = graphql(`
  query KonsolLoket($instansiId: ID!) {
    loketInstansi(instansiId: $instansiId) {
      id
      nama
      aktif
    }
    grupAntrian(instansiId: $instansiId) {
      id
      kode
      nama
      aktif
      menunggu
      layanan {
        id
        nama
      }
    }
  }
`);

export const TiketHariIniQuery = graphql(`
  query TiketHariIni($instansiId: ID!, $status: [TiketStatus!]) {
    tiketHariIni(instansiId: $instansiId, status: $status) {
      id
      kode
      nomor
      status
      sumber
      panggilanKe
      diambilAt
      dipanggilAt
      dilayaniAt
      namaPetugas
      grup {
        id
        kode
        nama
      }
      layanan {
        id
        nama
      }
      loket {
        id
        nama
      }
      pengajuan {
        id
        nomorRegistrasi
      }
    }
  }
`);

export const PanggilBerikutnyaMutation = graphql(`
  mutation PanggilBerikutnya($loketId: ID!, $grupIds: [ID!]!) {
    panggilBerikutnya(input: { loketId: $loketId, grupIds: $grupIds }) {
      __typename
      ... on PanggilBerikutnyaSuccess {
        data {
          id
          kode
          status
          panggilanKe
          dipanggilAt
        }
      }
      ...ErrorFields
    }
  }
`);

export const PanggilUlangTiketMutation = graphql(`
  mutation PanggilUlangTiket($id: ID!) {
    panggilUlangTiket(id: $id) {
      __typename
      ... on PanggilUlangTiketSuccess {
        data {
          id
          status
          panggilanKe
          dipanggilAt
        }
      }
      ...ErrorFields
    }
  }
`);

export const LayaniTiketMutation = graphql(`
  mutation LayaniTiket($id: ID!) {
    layaniTiket(id: $id) {
      __typename
      ... on LayaniTiketSuccess {
        data {
          id
          status
          dilayaniAt
        }
      }
      ...ErrorFields
    }
  }
`);

export const TiketTidakHadirMutation = graphql(`
  mutation TiketTidakHadir($id: ID!) {
    tiketTidakHadir(id: $id) {
      __typename
      ... on TiketTidakHadirSuccess {
        data {
          id
          status
        }
      }
      ...ErrorFields
    }
  }
`);

export const SelesaikanTiketMutation = graphql(`
  mutation SelesaikanTiket($id: ID!, $pengajuanId: ID) {
    selesaikanTiket(input: { id: $id, pengajuanId: $pengajuanId }) {
      __typename
      ... on SelesaikanTiketSuccess {
        data {
          id
          status
          selesaiAt
        }
      }
      ...ErrorFields
    }
  }
`);
