import { graphql } from "../../gql";

export const HalamanBantuanQuery = graphql(`
  query HalamanBantuan($kode: String) {
    halamanBantuan(kode: $kode) {
      umum
      dapatDiubah
      instansi {
        id
        kode
        nama
        alamat
        telepon
        whatsapp
        email
        website
        ...InstansiCard_Instansi
      }
      topik {
        id
        judul
        tanyaJawab {
          id
          pertanyaan
          jawaban
        }
      }
    }
    instansiList {
      id
      kode
      nama
    }
  }
`);

export const CariBantuanQuery = graphql(`
  query CariBantuan($kode: String, $kata: String!) {
    cariBantuan(kode: $kode, kata: $kata) {
      id
      pertanyaan
      jawaban
      topik {
        id
        judul
      }
    }
  }
`);

export const TambahTopikBantuanMutation = graphql(`
  mutation TambahTopikBantuan($instansiId: ID, $judul: String!) {
    tambahTopikBantuan(instansiId: $instansiId, judul: $judul) {
      __typename
      ... on TambahTopikBantuanSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

export const TambahTanyaJawabMutation = graphql(`
  mutation TambahTanyaJawab($topikId: ID!, $pertanyaan: String!, $jawaban: String!) {
    tambahTanyaJawab(topikId: $topikId, pertanyaan: $pertanyaan, jawaban: $jawaban) {
      __typename
      ... on TambahTanyaJawabSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

export const UbahTanyaJawabMutation = graphql(`
  mutation UbahTanyaJawab($id: ID!, $pertanyaan: String!, $jawaban: String!) {
    ubahTanyaJawab(id: $id, pertanyaan: $pertanyaan, jawaban: $jawaban) {
      __typename
      ... on UbahTanyaJawabSuccess {
        data {
          id
          pertanyaan
          jawaban
        }
      }
      ...ErrorFields
    }
  }
`);

export const HapusTanyaJawabMutation = graphql(`
  mutation HapusTanyaJawab($id: ID!) {
    hapusTanyaJawab(id: $id) {
      __typename
      ...ErrorFields
    }
  }
`);

export const HapusTopikBantuanMutation = graphql(`
  mutation HapusTopikBantuan($id: ID!) {
    hapusTopikBantuan(id: $id) {
      __typename
      ...ErrorFields
    }
  }
`);

export const UrutkanTanyaJawabMutation = graphql(`
  mutation UrutkanTanyaJawab($topikId: ID!, $ids: [ID!]!) {
    urutkanTanyaJawab(topikId: $topikId, ids: $ids) {
      __typename
      ... on UrutkanTanyaJawabSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

export const UbahKontakInstansiMutation = graphql(`
  mutation UbahKontakInstansi($id: ID!, $input: InstansiInput!) {
    updateInstansi(id: $id, input: $input) {
      __typename
      ... on UpdateInstansiSuccess {
        data {
          id
          alamat
          telepon
          whatsapp
          email
          website
        }
      }
      ...ErrorFields
    }
  }
`);
