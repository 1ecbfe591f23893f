import { graphql } from "../../../gql";

export const LayananEditorQueryDoc = graphql(`
  query LayananEditor($id: ID!) {
    node(id: $id) {
      __typename
      ... on Layanan {
        id
        slaJumlah
        slaSatuan
        ...StandarPelayanan_Layanan
        formFields {
          nama
          label
          tipe
          wajib
          bantuan
          opsi
          min
          max
          pola
        }
      }
    }
  }
`);

export const CreateLayananMutation = graphql(`
  mutation CreateLayanan($instansiId: ID!, $input: LayananInput!, $persyaratan: [PersyaratanInput!], $formFields: [FormFieldInput!]) {
    createLayanan(instansiId: $instansiId, input: $input, persyaratan: $persyaratan, formFields: $formFields) {
      __typename
      ... on CreateLayananSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

export const UpdateLayananMutation = graphql(`
  mutation UpdateLayanan($id: ID!, $input: LayananInput, $persyaratan: [PersyaratanInput!], $formFields: [FormFieldInput!]) {
    updateLayanan(id: $id, input: $input, persyaratan: $persyaratan, formFields: $formFields) {
      __typename
      ... on UpdateLayananSuccess {
        data {
          id
          updatedAt
        }
      }
      ...ErrorFields
    }
  }
`);

export const UnggahTemplateMutation = graphql(`
  mutation UnggahTemplate($persyaratanId: ID!, $file: File) {
    unggahTemplatePersyaratan(persyaratanId: $persyaratanId, file: $file) {
      __typename
      ... on UnggahTemplatePersyaratanSuccess {
        data {
          id
          templateUrl
        }
      }
      ...ErrorFields
    }
  }
`);
