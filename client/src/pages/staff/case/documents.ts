import { graphql } from "../../../gql";
import type { StaffCaseLiveSubscription as StaffCaseLiveResult } from "../../../gql/graphql";

export const StaffCase_PengajuanFragment = graphql(`
  fragment StaffCase_Pengajuan on Pengajuan {
    id
    versi
    seq
    status
    nomorRegistrasi
    formData
    pengiriman
    diajukanAt
    diajukanUlangAt
    diLoket
    aksiTersedia
    buktiUrl
    petugas
    ditugaskanKeSaya
    pemohon {
      nama
      jenisIdentitas
      nomorIdentitas
      email
      telepon
    }
    layanan {
      id
      nama
      adaTemplateSurat
      kodeKlasifikasiSurat
      formFields {
        nama
        label
        tipe
      }
      persyaratan {
        id
        label
        wajib
      }
    }
    instansi {
      id
      zonaWaktu
      zonaWaktuLabel
    }
    dokumen(termasukLama: true) {
      id
      namaFile
      mime
      ukuran
      url
      diganti
      createdAt
      persyaratan {
        id
        label
      }
    }
    hasil {
      id
      judul
      namaFile
      url
      kodeVerifikasi
      diunduhAt
    }
    catatanInternal {
      createdAt
      isi
      penulis
    }
    suratHasil {
      id
      nomor
      status
      unduhUrl
      penandatanganNama
      penandatanganJabatan
      catatanKembali
      dikembalikanAt
      ditandatanganiAt
    }
    ...PengajuanTenggat_Pengajuan
    ...PengajuanRiwayat_Pengajuan
  }
`);

export const StaffCaseQuery = graphql(`
  query StaffCase($id: ID!) {
    node(id: $id) {
      __typename
      ... on Pengajuan {
        id
        versi
        ...StaffCase_Pengajuan
      }
    }
  }
`);

export const StaffCaseLiveSubscription = graphql(`
  subscription StaffCaseLive($id: ID!, $setelahSeq: Int) {
    pengajuanBerubah(id: $id, setelahSeq: $setelahSeq) {
      seq
      pengajuan {
        id
        versi
        ...StaffCase_Pengajuan
      }
    }
  }
`);

export const StaffActionMutation = graphql(`
  mutation StaffAction(
    $id: ID!
    $versi: Int!
    $aksi: AksiPengajuan!
    $pesan: String
    $diambilOleh: String
    $identitasPengambil: String
    $dokumenDilihat: [ID!]
  ) {
    ubahStatusPengajuan(
      id: $id
      versi: $versi
      aksi: $aksi
      pesan: $pesan
      diambilOleh: $diambilOleh
      identitasPengambil: $identitasPengambil
      dokumenDilihat: $dokumenDilihat
    ) {
      __typename
      ... on UbahStatusPengajuanSuccess {
        data {
          id
          versi
          ...StaffCase_Pengajuan
        }
      }
      ...ErrorFields
    }
  }
`);

export const AssignMutation = graphql(`
  mutation AssignPengajuan($id: ID!, $versi: Int!, $petugasId: ID) {
    tugaskanPengajuan(id: $id, versi: $versi, petugasId: $petugasId) {
      __typename
      ... on TugaskanPengajuanSuccess {
        data {
          id
          versi
          ...StaffCase_Pengajuan
        }
      }
      ...ErrorFields
    }
  }
`);

export const AddNoteMutation = graphql(`
  mutation AddInternalNote($id: ID!, $isi: String!) {
    tambahCatatanInternal(id: $id, isi: $isi) {
      __typename
      ... on TambahCatatanInternalSuccess {
        data {
          createdAt
        }
      }
      ...ErrorFields
    }
  }
`);

export const AttachResultMutation = graphql(`
  mutation AttachResult($id: ID!, $versi: Int!, $judul: String!, $file: File!) {
    lampirkanHasil(id: $id, versi: $versi, judul: $judul, file: $file) {
      __typename
      ... on LampirkanHasilSuccess {
        data {
          id
          versi
          ...StaffCase_Pengajuan
        }
      }
      ...ErrorFields
    }
  }
`);

export const PejabatPenandatanganQuery = graphql(`
  query StaffCasePejabat($instansiId: ID) {
    pejabatPenandatangan(instansiId: $instansiId) {
      userId
      nama
      jabatan
    }
  }
`);

export const PratinjauNomorQuery = graphql(`
  query StaffCasePratinjauNomor($instansiId: ID, $kodeKlasifikasi: String) {
    pratinjauNomorSurat(instansiId: $instansiId, kodeKlasifikasi: $kodeKlasifikasi) {
      __typename
      ... on PratinjauNomorSuratSuccess {
        data
      }
      ...ErrorFields
    }
  }
`);

export const BuatSuratMutation = graphql(`
  mutation BuatSurat($pengajuanId: ID!, $versi: Int!, $penandatanganId: ID, $kodeKlasifikasi: String) {
    buatSurat(pengajuanId: $pengajuanId, versi: $versi, penandatanganId: $penandatanganId, kodeKlasifikasi: $kodeKlasifikasi) {
      __typename
      ... on BuatSuratSuccess {
        data {
          id
          nomor
          status
          penandatanganNama
        }
      }
      ...ErrorFields
    }
  }
`);

/** One copy of the pengajuan: the query's, the stream's or a mutation's answer. */
export type Snapshot = StaffCaseLiveResult["pengajuanBerubah"]["pengajuan"];
