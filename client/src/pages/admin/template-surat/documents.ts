import { graphql } from "../../../gql";

export const TemplateSuratQueryDoc = graphql(`
  query TemplateSuratEditor($layananId: ID!) {
    node(id: $layananId) {
      __typename
      ... on Layanan {
        id
        nama
      }
    }
    templateSuratList(layananId: $layananId) {
      id
      versi
      skema
      catatan
      kodeKlasifikasi
      dibuatOleh
      createdAt
      pratinjauUrl
    }
    sumberTemplateSurat(layananId: $layananId) {
      kunci
      keterangan
    }
  }
`);

export const SimpanTemplateSuratMutation = graphql(`
  mutation SimpanTemplateSurat($layananId: ID!, $skema: JSON!, $kopSurat: File, $catatan: String, $kodeKlasifikasi: String) {
    simpanTemplateSurat(layananId: $layananId, skema: $skema, kopSurat: $kopSurat, catatan: $catatan, kodeKlasifikasi: $kodeKlasifikasi) {
      __typename
      ... on SimpanTemplateSuratSuccess {
        data {
          id
          versi
          skema
          catatan
          kodeKlasifikasi
          dibuatOleh
          createdAt
          pratinjauUrl
        }
      }
      ...ErrorFields
    }
  }
`);
