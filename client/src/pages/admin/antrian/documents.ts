import { graphql } from "../../../gql";

export const AdminAntrianQuery = graphql(`
  query AdminAntrian($instansiId: ID!) {
    grupAntrian(instansiId: $instansiId, semua: true) {
      id
      kode
      nama
      urutan
      aktif
      menunggu
      layanan {
        id
        nama
      }
    }
    loketInstansi(instansiId: $instansiId, semua: true) {
      id
      nama
      aktif
    }
  }
`);

export const AdminPerangkatAntrianQuery = graphql(`
  query AdminPerangkatAntrian($instansiId: ID!) {
    perangkatAntrian(instansiId: $instansiId) {
      id
      nama
      scopes
      aktif
      dicabutAt
      lastUsedAt
      createdAt
    }
  }
`);

export const AdminAntrianLayananQuery = graphql(`
  query AdminAntrianLayanan($instansiId: ID, $first: Int) {
    layananList(instansiId: $instansiId, first: $first, termasukNonaktif: true) {
      edges {
        node {
          id
          nama
          aktif
        }
      }
    }
  }
`);

export const SimpanGrupAntrianMutation = graphql(`
  mutation SimpanGrupAntrian($id: ID, $instansiId: ID!, $kode: String!, $nama: String!, $urutan: Int, $aktif: Boolean, $layananIds: [ID!]) {
    simpanGrupAntrian(input: { id: $id, instansiId: $instansiId, kode: $kode, nama: $nama, urutan: $urutan, aktif: $aktif, layananIds: $layananIds }) {
      __typename
      ... on SimpanGrupAntrianSuccess {
        data {
          id
          kode
          nama
          urutan
          aktif
          menunggu
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

export const SimpanLoketMutation = graphql(`
  mutation SimpanLoket($id: ID, $instansiId: ID!, $nama: String!, $aktif: Boolean) {
    simpanLoket(input: { id: $id, instansiId: $instansiId, nama: $nama, aktif: $aktif }) {
      __typename
      ... on SimpanLoketSuccess {
        data {
          id
          nama
          aktif
        }
      }
      ...ErrorFields
    }
  }
`);

export const BuatPerangkatAntrianMutation = graphql(`
  mutation BuatPerangkatAntrian($instansiId: ID!, $nama: String!, $jenis: JenisPerangkatAntrian!) {
    buatPerangkatAntrian(input: { instansiId: $instansiId, nama: $nama, jenis: $jenis }) {
      __typename
      ... on BuatPerangkatAntrianSuccess {
        data {
          kunci
          tautan
          perangkat {
            id
            nama
            scopes
            aktif
            dicabutAt
            lastUsedAt
            createdAt
          }
        }
      }
      ...ErrorFields
    }
  }
`);
