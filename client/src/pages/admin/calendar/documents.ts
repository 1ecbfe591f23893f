import { graphql } from "../../../gql";

/* ---------- national holidays (one table for the whole deployment; SUPERADMIN edits it) ---------- */

export const HolidaysQuery = graphql(`
  query AdminHolidays($tahun: Int!) {
    hariLibur(tahun: $tahun) {
      id
      ...HolidayRow_HariLibur
    }
  }
`);

export const CreateHolidayMutation = graphql(`
  mutation CreateHariLibur($tanggal: Date!, $nama: String!, $jenis: HolidayKind!, $dasarHukum: String!) {
    createHariLibur(tanggal: $tanggal, nama: $nama, jenis: $jenis, dasarHukum: $dasarHukum) {
      __typename
      ... on CreateHariLiburSuccess {
        data {
          id
          ...HolidayRow_HariLibur
        }
      }
      ...ErrorFields
    }
  }
`);

export const DeleteHolidayMutation = graphql(`
  mutation DeleteHariLibur($id: ID!) {
    deleteHariLibur(id: $id) {
      __typename
      ...ErrorFields
    }
  }
`);

/* ---------- one office: opening hours and closures ---------- */

export const OfficesQuery = graphql(`
  query AdminOffices {
    instansiList(termasukNonaktif: true) {
      id
      nama
      aktif
    }
  }
`);

export const OfficeQuery = graphql(`
  query AdminOffice($id: ID!, $dari: Date!) {
    node(id: $id) {
      ... on Instansi {
        id
        nama
        ...OfficeHoursEditor_Instansi
        ...ClosureList_Instansi
      }
    }
  }
`);

export const SetHoursMutation = graphql(`
  mutation SetJamLayanan($instansiId: ID!, $jamLayanan: [JamLayananInput!]!) {
    setJamLayanan(instansiId: $instansiId, jamLayanan: $jamLayanan) {
      __typename
      ... on SetJamLayananSuccess {
        data {
          id
          ...OfficeHoursEditor_Instansi
        }
      }
      ...ErrorFields
    }
  }
`);

export const AddClosureMutation = graphql(`
  mutation AddPenutupan($instansiId: ID!, $tanggal: Date!, $alasan: String!) {
    addPenutupan(instansiId: $instansiId, tanggal: $tanggal, alasan: $alasan) {
      __typename
      ... on AddPenutupanSuccess {
        data {
          id
          tanggal
          alasan
        }
      }
      ...ErrorFields
    }
  }
`);

export const RemoveClosureMutation = graphql(`
  mutation RemovePenutupan($id: ID!) {
    removePenutupan(id: $id) {
      __typename
      ...ErrorFields
    }
  }
`);
