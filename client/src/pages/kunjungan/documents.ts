import { graphql } from "../../gql";

export const KunjunganItemFragment = graphql(`
  fragment KunjunganItem on Kunjungan {
    id
    kode
    tujuan
    status
    mulai
    selesai
    catatan
    alasanBatal
    hadirAt
    dapatDiubah
    namaPemohon
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
    pengajuan {
      id
      nomorRegistrasi
    }
  }
`);

export const KunjunganSayaQuery = graphql(`
  query KunjunganSaya {
    kunjunganSaya {
      ...KunjunganItem
    }
  }
`);

export const KunjunganNodeQuery = graphql(`
  query KunjunganNode($id: ID!) {
    node(id: $id) {
      __typename
      ... on Kunjungan {
        ...KunjunganItem
      }
    }
  }
`);

export const PesanLayananQuery = graphql(`
  query PesanLayanan($id: ID!) {
    node(id: $id) {
      __typename
      ... on Layanan {
        id
        nama
        aktif
        kunjungan
        kunjunganMenit
        instansi {
          id
          nama
          alamat
          zonaWaktu
          zonaWaktuLabel
        }
      }
    }
  }
`);

export const SlotKunjunganQuery = graphql(`
  query SlotKunjungan($layananId: ID!, $hari: Int) {
    slotKunjungan(layananId: $layananId, hari: $hari) {
      __typename
      ... on SlotKunjunganSuccess {
        data {
          mulai
          selesai
          kapasitas
          sisa
        }
      }
      ...ErrorFields
    }
  }
`);

export const SlotKunjunganBerubahSubscription = graphql(`
  subscription SlotKunjunganBerubah($layananId: ID!, $hari: Int) {
    slotKunjunganBerubah(layananId: $layananId, hari: $hari) {
      mulai
      selesai
      kapasitas
      sisa
    }
  }
`);

export const PesanKunjunganMutation = graphql(`
  mutation PesanKunjungan($input: PesanKunjunganInput!) {
    pesanKunjungan(input: $input) {
      __typename
      ... on PesanKunjunganSuccess {
        data {
          ...KunjunganItem
        }
      }
      ...ErrorFields
    }
  }
`);

export const UbahJadwalKunjunganMutation = graphql(`
  mutation UbahJadwalKunjungan($id: ID!, $mulai: DateTime!) {
    ubahJadwalKunjungan(id: $id, mulai: $mulai) {
      __typename
      ... on UbahJadwalKunjunganSuccess {
        data {
          ...KunjunganItem
        }
      }
      ...ErrorFields
    }
  }
`);

export const BatalkanKunjunganMutation = graphql(`
  mutation BatalkanKunjungan($id: ID!, $alasan: String) {
    batalkanKunjungan(id: $id, alasan: $alasan) {
      __typename
      ... on BatalkanKunjunganSuccess {
        data {
          ...KunjunganItem
        }
      }
      ...ErrorFields
    }
  }
`);

export const KunjunganHariQuery = graphql(`
  query KunjunganHari($instansiId: ID!, $tanggal: Date) {
    kunjunganHari(instansiId: $instansiId, tanggal: $tanggal) {
      ...KunjunganItem
    }
  }
`);

export const TandaiKunjunganMutation = graphql(`
  mutation TandaiKunjungan($id: ID, $kode: String, $tanda: TandaKunjungan!) {
    tandaiKunjungan(id: $id, kode: $kode, tanda: $tanda) {
      __typename
      ... on TandaiKunjunganSuccess {
        data {
          ...KunjunganItem
        }
      }
      ...ErrorFields
    }
  }
`);

export const AturKunjunganLayananMutation = graphql(`
  mutation AturKunjunganLayanan($layananId: ID!, $kunjungan: KebijakanKunjungan!, $kapasitas: Int!, $menit: Int!) {
    aturKunjunganLayanan(layananId: $layananId, kunjungan: $kunjungan, kapasitas: $kapasitas, menit: $menit) {
      __typename
      ... on AturKunjunganLayananSuccess {
        data {
          id
          kunjungan
          kunjunganKapasitas
          kunjunganMenit
        }
      }
      ...ErrorFields
    }
  }
`);
