/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccountStatus =
  | 'AKTIF'
  | 'DITANGGUHKAN'
  | 'DITOLAK'
  | 'MENUNGGU_AKTIVASI';

export type FormFieldType =
  | 'DATE'
  | 'EMAIL'
  | 'NIK'
  | 'NUMBER'
  | 'PHONE'
  | 'SELECT'
  | 'TEXT'
  | 'TEXTAREA';

export type HolidayKind =
  | 'CUTI_BERSAMA'
  | 'LIBUR_NASIONAL';

export type IdentityType =
  | 'NIK'
  | 'NIP';

export type JamLayananInput = {
  /** HH:MM */
  buka: string;
  /** 1 Senin … 7 Minggu */
  hari: number;
  /** HH:MM */
  tutup: string;
};

export type PengajuanStatus =
  | 'DIAJUKAN'
  | 'DIAMBIL'
  | 'DIBATALKAN'
  | 'DIPROSES'
  | 'DITOLAK'
  | 'DIVERIFIKASI'
  | 'DRAFT'
  | 'PERLU_PERBAIKAN'
  | 'SELESAI'
  | 'SIAP_DIAMBIL';

export type RegisterInput = {
  email: string;
  /** NIK for citizens, NIP for civil servants */
  identityType: IdentityType;
  namaLengkap: string;
  nomorIdentitas: string;
  password: string;
  setujuKebijakanPrivasi: boolean;
  setujuSyaratKetentuan: boolean;
  telepon: string;
  versiKebijakanPrivasi: string;
  /** The version of the terms the person was shown (Query.legalVersions) */
  versiSyaratKetentuan: string;
};

/** PEMOHON citizen; PETUGAS officer; ADMIN of an instansi; SUPERADMIN of the deployment; PPID officer; ATASAN_PPID, the PPID's superior */
export type Role =
  | 'ADMIN'
  | 'ATASAN_PPID'
  | 'PEMOHON'
  | 'PETUGAS'
  | 'PPID'
  | 'SUPERADMIN';

export type UserFilter = {
  role?: Role | null | undefined;
  /** Part of the name or email */
  search?: string | null | undefined;
  status?: AccountStatus | null | undefined;
};

export type InstansiCard_InstansiFragment = { id: string, nama: string, alamat: string, telepon: string, email: string, website: string, zonaWaktu: string, zonaWaktuLabel: string, bukaSekarang: boolean | null, bukaBerikutnya: string | null, jamLayanan: Array<{ hari: number, buka: string, tutup: string }> } & { ' $fragmentName'?: 'InstansiCard_InstansiFragment' };

export type NotificationBellQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationBellQuery = { unreadNotificationCount: number, myNotifications: { edges: Array<{ node: (
        { id: string }
        & { ' $fragmentRefs'?: { 'NotificationItem_NotificationFragment': NotificationItem_NotificationFragment } }
      ) }> } };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, judul: string } };

export type NotificationItem_NotificationFragment = { id: string, judul: string, isi: string, read: boolean, createdAt: string } & { ' $fragmentName'?: 'NotificationItem_NotificationFragment' };

export type MarkNotificationReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNotificationReadMutation = { markNotificationRead:
    | { __typename: 'MarkNotificationReadSuccess', data: { id: string, read: boolean, readAt: string | null } }
    | { __typename: 'NotFoundError' }
   };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { markAllNotificationsRead: number };

export type ServiceForm_FormFieldFragment = { nama: string, label: string, tipe: FormFieldType, wajib: boolean, bantuan: string, opsi: Array<string>, min: number | null, max: number | null, pola: string | null } & { ' $fragmentName'?: 'ServiceForm_FormFieldFragment' };

export type Timeline_PengajuanLogFragment = { seq: number, aksi: string, aktor: string | null, createdAt: string, dariStatus: PengajuanStatus | null, keStatus: PengajuanStatus, keStatusLabel: string, pesan: string | null } & { ' $fragmentName'?: 'Timeline_PengajuanLogFragment' };

export type SessionQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionQuery = { me: { id: string, namaLengkap: string, role: Role, status: AccountStatus, instansi: { id: string, nama: string } | null } | null };

export type AccountStatusPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountStatusPageQuery = { me: { id: string, namaLengkap: string, identityType: IdentityType, nomorIdentitasMasked: string, status: AccountStatus, statusReason: string | null, createdAt: string } | null };

export type AccountStatusLiveSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AccountStatusLiveSubscription = { myAccountStatus: { status: AccountStatus, reason: string | null, at: string } };

export type AdminUsersQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type AdminUsersQuery = { users: { totalCount: number, edges: Array<{ node: (
        { id: string }
        & { ' $fragmentRefs'?: { 'UserCard_UserFragment': UserCard_UserFragment } }
      ) }> } };

export type UserCard_UserFragment = { id: string, namaLengkap: string, identityType: IdentityType, nomorIdentitasMasked: string, email: string, telepon: string, role: Role, status: AccountStatus, statusReason: string | null, createdAt: string, instansi: { id: string, nama: string } | null } & { ' $fragmentName'?: 'UserCard_UserFragment' };

export type RevealIdentityQueryVariables = Exact<{
  id: string | number;
}>;


export type RevealIdentityQuery = { node:
    | { id: string, nomorIdentitas: string }
    | Record<PropertyKey, never>
   | null };

export type ActivateAccountMutationVariables = Exact<{
  userId: string | number;
}>;


export type ActivateAccountMutation = { activateAccount:
    | { __typename: 'ActivateAccountSuccess', data: { id: string, status: AccountStatus, statusReason: string | null } }
    | { __typename: 'ConflictError', code: string, message: string, field: string | null }
    | { __typename: 'InvalidStateError', code: string, message: string, field: string | null }
    | { __typename: 'NotFoundError', code: string, message: string, field: string | null }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type RejectAccountMutationVariables = Exact<{
  userId: string | number;
  alasan?: string | null | undefined;
}>;


export type RejectAccountMutation = { rejectAccount:
    | { __typename: 'ConflictError', code: string, message: string, field: string | null }
    | { __typename: 'InvalidStateError', code: string, message: string, field: string | null }
    | { __typename: 'NotFoundError', code: string, message: string, field: string | null }
    | { __typename: 'RejectAccountSuccess', data: { id: string, status: AccountStatus, statusReason: string | null } }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type SuspendAccountMutationVariables = Exact<{
  userId: string | number;
  alasan?: string | null | undefined;
}>;


export type SuspendAccountMutation = { suspendAccount:
    | { __typename: 'ConflictError', code: string, message: string, field: string | null }
    | { __typename: 'InvalidStateError', code: string, message: string, field: string | null }
    | { __typename: 'NotFoundError', code: string, message: string, field: string | null }
    | { __typename: 'SuspendAccountSuccess', data: { id: string, status: AccountStatus, statusReason: string | null } }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type ReinstateAccountMutationVariables = Exact<{
  userId: string | number;
}>;


export type ReinstateAccountMutation = { reinstateAccount:
    | { __typename: 'ConflictError', code: string, message: string, field: string | null }
    | { __typename: 'InvalidStateError', code: string, message: string, field: string | null }
    | { __typename: 'NotFoundError', code: string, message: string, field: string | null }
    | { __typename: 'ReinstateAccountSuccess', data: { id: string, status: AccountStatus, statusReason: string | null } }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type AdminHolidaysQueryVariables = Exact<{
  tahun: number;
}>;


export type AdminHolidaysQuery = { hariLibur: Array<(
    { id: string }
    & { ' $fragmentRefs'?: { 'HolidayRow_HariLiburFragment': HolidayRow_HariLiburFragment } }
  )> };

export type HolidayRow_HariLiburFragment = { id: string, tanggal: string, nama: string, jenis: HolidayKind, dasarHukum: string } & { ' $fragmentName'?: 'HolidayRow_HariLiburFragment' };

export type CreateHariLiburMutationVariables = Exact<{
  tanggal: string;
  nama: string;
  jenis: HolidayKind;
  dasarHukum: string;
}>;


export type CreateHariLiburMutation = { createHariLibur:
    | { __typename: 'ConflictError', code: string, message: string, field: string | null }
    | { __typename: 'CreateHariLiburSuccess', data: (
        { id: string }
        & { ' $fragmentRefs'?: { 'HolidayRow_HariLiburFragment': HolidayRow_HariLiburFragment } }
      ) }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type DeleteHariLiburMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteHariLiburMutation = { deleteHariLibur:
    | { __typename: 'DeleteHariLiburSuccess' }
    | { __typename: 'NotFoundError', code: string, message: string }
   };

export type AdminOfficesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminOfficesQuery = { instansiList: Array<{ id: string, nama: string, aktif: boolean }> };

export type AdminOfficeQueryVariables = Exact<{
  id: string | number;
  dari: string;
}>;


export type AdminOfficeQuery = { node:
    | (
      { id: string, nama: string }
      & { ' $fragmentRefs'?: { 'OfficeHoursEditor_InstansiFragment': OfficeHoursEditor_InstansiFragment;'ClosureList_InstansiFragment': ClosureList_InstansiFragment } }
    )
    | Record<PropertyKey, never>
   | null };

export type OfficeHoursEditor_InstansiFragment = { id: string, zonaWaktuLabel: string, jamLayanan: Array<{ hari: number, buka: string, tutup: string }> } & { ' $fragmentName'?: 'OfficeHoursEditor_InstansiFragment' };

export type ClosureList_InstansiFragment = { id: string, zonaWaktu: string, penutupan: Array<{ id: string, tanggal: string, alasan: string }> } & { ' $fragmentName'?: 'ClosureList_InstansiFragment' };

export type SetJamLayananMutationVariables = Exact<{
  instansiId: string | number;
  jamLayanan: Array<JamLayananInput> | JamLayananInput;
}>;


export type SetJamLayananMutation = { setJamLayanan:
    | { __typename: 'SetJamLayananSuccess', data: (
        { id: string }
        & { ' $fragmentRefs'?: { 'OfficeHoursEditor_InstansiFragment': OfficeHoursEditor_InstansiFragment } }
      ) }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type AddPenutupanMutationVariables = Exact<{
  instansiId: string | number;
  tanggal: string;
  alasan: string;
}>;


export type AddPenutupanMutation = { addPenutupan:
    | { __typename: 'AddPenutupanSuccess', data: { id: string, tanggal: string, alasan: string } }
    | { __typename: 'ConflictError', code: string, message: string, field: string | null }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type RemovePenutupanMutationVariables = Exact<{
  id: string | number;
}>;


export type RemovePenutupanMutation = { removePenutupan:
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RemovePenutupanSuccess' }
   };

export type HomePageQueryVariables = Exact<{ [key: string]: never; }>;


export type HomePageQuery = { instansiList: Array<(
    { id: string, nama: string }
    & { ' $fragmentRefs'?: { 'InstansiCard_InstansiFragment': InstansiCard_InstansiFragment } }
  )> };

export type LegalPageQueryVariables = Exact<{ [key: string]: never; }>;


export type LegalPageQuery = { legalVersions: { syaratKetentuan: string, kebijakanPrivasi: string } };

export type LoginMutationVariables = Exact<{
  nomorIdentitas: string;
  password: string;
}>;


export type LoginMutation = { login:
    | { __typename: 'LoginError', code: string, message: string, field: string | null, retryAfterSeconds: number | null }
    | { __typename: 'LoginSuccess', data: { user: { id: string, role: Role, status: AccountStatus } } }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type ProfilePageQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfilePageQuery = { me: (
    { id: string }
    & { ' $fragmentRefs'?: { 'ProfileDetails_UserFragment': ProfileDetails_UserFragment;'ContactForm_UserFragment': ContactForm_UserFragment } }
  ) | null };

export type ProfileDetails_UserFragment = { identityType: IdentityType, nomorIdentitasMasked: string, role: Role, status: AccountStatus, createdAt: string, consentTermsVersion: string, consentPrivacyVersion: string, consentAt: string, instansi: { id: string, nama: string } | null } & { ' $fragmentName'?: 'ProfileDetails_UserFragment' };

export type ContactForm_UserFragment = { id: string, namaLengkap: string, email: string, emailVerified: boolean, telepon: string } & { ' $fragmentName'?: 'ContactForm_UserFragment' };

export type UpdateProfileMutationVariables = Exact<{
  namaLengkap?: string | null | undefined;
  email?: string | null | undefined;
  telepon?: string | null | undefined;
}>;


export type UpdateProfileMutation = { updateProfile:
    | { __typename: 'UpdateProfileSuccess', data: (
        { id: string }
        & { ' $fragmentRefs'?: { 'ContactForm_UserFragment': ContactForm_UserFragment } }
      ) }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type ChangePasswordMutationVariables = Exact<{
  passwordLama: string;
  passwordBaru: string;
}>;


export type ChangePasswordMutation = { changePassword:
    | { __typename: 'ChangePasswordSuccess', data: { id: string } }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: number };

export type LogoutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutEverywhereMutation = { logoutEverywhere: number };

export type MyDataQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDataQuery = { myData: unknown };

export type RegisterLegalVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegisterLegalVersionsQuery = { legalVersions: { syaratKetentuan: string, kebijakanPrivasi: string } };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register:
    | { __typename: 'ConflictError', code: string, message: string, field: string | null }
    | { __typename: 'RegisterSuccess', data: { user: { id: string, status: AccountStatus } } }
    | { __typename: 'ValidationError', code: string, message: string, field: string | null }
   };

export const InstansiCard_InstansiFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstansiCard_Instansi"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instansi"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}},{"kind":"Field","name":{"kind":"Name","value":"alamat"}},{"kind":"Field","name":{"kind":"Name","value":"telepon"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"zonaWaktu"}},{"kind":"Field","name":{"kind":"Name","value":"zonaWaktuLabel"}},{"kind":"Field","name":{"kind":"Name","value":"bukaSekarang"}},{"kind":"Field","name":{"kind":"Name","value":"bukaBerikutnya"}},{"kind":"Field","name":{"kind":"Name","value":"jamLayanan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hari"}},{"kind":"Field","name":{"kind":"Name","value":"buka"}},{"kind":"Field","name":{"kind":"Name","value":"tutup"}}]}}]}}]} as unknown as DocumentNode<InstansiCard_InstansiFragment, unknown>;
export const NotificationItem_NotificationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationItem_Notification"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"judul"}},{"kind":"Field","name":{"kind":"Name","value":"isi"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<NotificationItem_NotificationFragment, unknown>;
export const ServiceForm_FormFieldFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServiceForm_FormField"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FormField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nama"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"tipe"}},{"kind":"Field","name":{"kind":"Name","value":"wajib"}},{"kind":"Field","name":{"kind":"Name","value":"bantuan"}},{"kind":"Field","name":{"kind":"Name","value":"opsi"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"pola"}}]}}]} as unknown as DocumentNode<ServiceForm_FormFieldFragment, unknown>;
export const Timeline_PengajuanLogFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Timeline_PengajuanLog"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PengajuanLog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"aksi"}},{"kind":"Field","name":{"kind":"Name","value":"aktor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"dariStatus"}},{"kind":"Field","name":{"kind":"Name","value":"keStatus"}},{"kind":"Field","name":{"kind":"Name","value":"keStatusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"pesan"}}]}}]} as unknown as DocumentNode<Timeline_PengajuanLogFragment, unknown>;
export const UserCard_UserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserCard_User"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namaLengkap"}},{"kind":"Field","name":{"kind":"Name","value":"identityType"}},{"kind":"Field","name":{"kind":"Name","value":"nomorIdentitasMasked"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"telepon"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"instansi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}}]}}]}}]} as unknown as DocumentNode<UserCard_UserFragment, unknown>;
export const HolidayRow_HariLiburFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HolidayRow_HariLibur"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HariLibur"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tanggal"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}},{"kind":"Field","name":{"kind":"Name","value":"jenis"}},{"kind":"Field","name":{"kind":"Name","value":"dasarHukum"}}]}}]} as unknown as DocumentNode<HolidayRow_HariLiburFragment, unknown>;
export const OfficeHoursEditor_InstansiFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfficeHoursEditor_Instansi"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instansi"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"zonaWaktuLabel"}},{"kind":"Field","name":{"kind":"Name","value":"jamLayanan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hari"}},{"kind":"Field","name":{"kind":"Name","value":"buka"}},{"kind":"Field","name":{"kind":"Name","value":"tutup"}}]}}]}}]} as unknown as DocumentNode<OfficeHoursEditor_InstansiFragment, unknown>;
export const ClosureList_InstansiFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClosureList_Instansi"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instansi"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"zonaWaktu"}},{"kind":"Field","name":{"kind":"Name","value":"penutupan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dariTanggal"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dari"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tanggal"}},{"kind":"Field","name":{"kind":"Name","value":"alasan"}}]}}]}}]} as unknown as DocumentNode<ClosureList_InstansiFragment, unknown>;
export const ProfileDetails_UserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileDetails_User"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identityType"}},{"kind":"Field","name":{"kind":"Name","value":"nomorIdentitasMasked"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"instansi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"consentTermsVersion"}},{"kind":"Field","name":{"kind":"Name","value":"consentPrivacyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"consentAt"}}]}}]} as unknown as DocumentNode<ProfileDetails_UserFragment, unknown>;
export const ContactForm_UserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactForm_User"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namaLengkap"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"telepon"}}]}}]} as unknown as DocumentNode<ContactForm_UserFragment, unknown>;
export const NotificationBellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationBell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}},{"kind":"Field","name":{"kind":"Name","value":"myNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationItem_Notification"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationItem_Notification"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"judul"}},{"kind":"Field","name":{"kind":"Name","value":"isi"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<NotificationBellQuery, NotificationBellQueryVariables>;
export const NotificationAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"judul"}}]}}]}}]} as unknown as DocumentNode<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const MarkNotificationReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationReadSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MarkAllNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkAllNotificationsRead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markAllNotificationsRead"}}]}}]} as unknown as DocumentNode<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const SessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namaLengkap"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"instansi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}}]}}]}}]}}]} as unknown as DocumentNode<SessionQuery, SessionQueryVariables>;
export const AccountStatusPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountStatusPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namaLengkap"}},{"kind":"Field","name":{"kind":"Name","value":"identityType"}},{"kind":"Field","name":{"kind":"Name","value":"nomorIdentitasMasked"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<AccountStatusPageQuery, AccountStatusPageQueryVariables>;
export const AccountStatusLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AccountStatusLive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAccountStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<AccountStatusLiveSubscription, AccountStatusLiveSubscriptionVariables>;
export const AdminUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserCard_User"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserCard_User"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namaLengkap"}},{"kind":"Field","name":{"kind":"Name","value":"identityType"}},{"kind":"Field","name":{"kind":"Name","value":"nomorIdentitasMasked"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"telepon"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"instansi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}}]}}]}}]} as unknown as DocumentNode<AdminUsersQuery, AdminUsersQueryVariables>;
export const RevealIdentityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevealIdentity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nomorIdentitas"}}]}}]}}]}}]} as unknown as DocumentNode<RevealIdentityQuery, RevealIdentityQueryVariables>;
export const ActivateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActivateAccountSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ActivateAccountMutation, ActivateAccountMutationVariables>;
export const RejectAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"alasan"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"alasan"},"value":{"kind":"Variable","name":{"kind":"Name","value":"alasan"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RejectAccountSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RejectAccountMutation, RejectAccountMutationVariables>;
export const SuspendAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"alasan"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspendAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"alasan"},"value":{"kind":"Variable","name":{"kind":"Name","value":"alasan"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SuspendAccountSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<SuspendAccountMutation, SuspendAccountMutationVariables>;
export const ReinstateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReinstateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reinstateAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReinstateAccountSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ReinstateAccountMutation, ReinstateAccountMutationVariables>;
export const AdminHolidaysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminHolidays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tahun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hariLibur"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tahun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tahun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"HolidayRow_HariLibur"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HolidayRow_HariLibur"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HariLibur"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tanggal"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}},{"kind":"Field","name":{"kind":"Name","value":"jenis"}},{"kind":"Field","name":{"kind":"Name","value":"dasarHukum"}}]}}]} as unknown as DocumentNode<AdminHolidaysQuery, AdminHolidaysQueryVariables>;
export const CreateHariLiburDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateHariLibur"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tanggal"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nama"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jenis"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HolidayKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dasarHukum"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createHariLibur"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tanggal"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tanggal"}}},{"kind":"Argument","name":{"kind":"Name","value":"nama"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nama"}}},{"kind":"Argument","name":{"kind":"Name","value":"jenis"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jenis"}}},{"kind":"Argument","name":{"kind":"Name","value":"dasarHukum"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dasarHukum"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateHariLiburSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"HolidayRow_HariLibur"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HolidayRow_HariLibur"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HariLibur"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tanggal"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}},{"kind":"Field","name":{"kind":"Name","value":"jenis"}},{"kind":"Field","name":{"kind":"Name","value":"dasarHukum"}}]}}]} as unknown as DocumentNode<CreateHariLiburMutation, CreateHariLiburMutationVariables>;
export const DeleteHariLiburDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteHariLibur"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteHariLibur"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteHariLiburMutation, DeleteHariLiburMutationVariables>;
export const AdminOfficesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminOffices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instansiList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termasukNonaktif"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}},{"kind":"Field","name":{"kind":"Name","value":"aktif"}}]}}]}}]} as unknown as DocumentNode<AdminOfficesQuery, AdminOfficesQueryVariables>;
export const AdminOfficeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminOffice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dari"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instansi"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OfficeHoursEditor_Instansi"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClosureList_Instansi"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfficeHoursEditor_Instansi"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instansi"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"zonaWaktuLabel"}},{"kind":"Field","name":{"kind":"Name","value":"jamLayanan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hari"}},{"kind":"Field","name":{"kind":"Name","value":"buka"}},{"kind":"Field","name":{"kind":"Name","value":"tutup"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClosureList_Instansi"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instansi"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"zonaWaktu"}},{"kind":"Field","name":{"kind":"Name","value":"penutupan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dariTanggal"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dari"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tanggal"}},{"kind":"Field","name":{"kind":"Name","value":"alasan"}}]}}]}}]} as unknown as DocumentNode<AdminOfficeQuery, AdminOfficeQueryVariables>;
export const SetJamLayananDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetJamLayanan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instansiId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jamLayanan"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JamLayananInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setJamLayanan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instansiId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instansiId"}}},{"kind":"Argument","name":{"kind":"Name","value":"jamLayanan"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jamLayanan"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SetJamLayananSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OfficeHoursEditor_Instansi"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfficeHoursEditor_Instansi"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instansi"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"zonaWaktuLabel"}},{"kind":"Field","name":{"kind":"Name","value":"jamLayanan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hari"}},{"kind":"Field","name":{"kind":"Name","value":"buka"}},{"kind":"Field","name":{"kind":"Name","value":"tutup"}}]}}]}}]} as unknown as DocumentNode<SetJamLayananMutation, SetJamLayananMutationVariables>;
export const AddPenutupanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddPenutupan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instansiId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tanggal"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"alasan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addPenutupan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instansiId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instansiId"}}},{"kind":"Argument","name":{"kind":"Name","value":"tanggal"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tanggal"}}},{"kind":"Argument","name":{"kind":"Name","value":"alasan"},"value":{"kind":"Variable","name":{"kind":"Name","value":"alasan"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AddPenutupanSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tanggal"}},{"kind":"Field","name":{"kind":"Name","value":"alasan"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<AddPenutupanMutation, AddPenutupanMutationVariables>;
export const RemovePenutupanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemovePenutupan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removePenutupan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RemovePenutupanMutation, RemovePenutupanMutationVariables>;
export const HomePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomePage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instansiList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstansiCard_Instansi"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstansiCard_Instansi"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instansi"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}},{"kind":"Field","name":{"kind":"Name","value":"alamat"}},{"kind":"Field","name":{"kind":"Name","value":"telepon"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"zonaWaktu"}},{"kind":"Field","name":{"kind":"Name","value":"zonaWaktuLabel"}},{"kind":"Field","name":{"kind":"Name","value":"bukaSekarang"}},{"kind":"Field","name":{"kind":"Name","value":"bukaBerikutnya"}},{"kind":"Field","name":{"kind":"Name","value":"jamLayanan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hari"}},{"kind":"Field","name":{"kind":"Name","value":"buka"}},{"kind":"Field","name":{"kind":"Name","value":"tutup"}}]}}]}}]} as unknown as DocumentNode<HomePageQuery, HomePageQueryVariables>;
export const LegalPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LegalPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"legalVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syaratKetentuan"}},{"kind":"Field","name":{"kind":"Name","value":"kebijakanPrivasi"}}]}}]}}]} as unknown as DocumentNode<LegalPageQuery, LegalPageQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nomorIdentitas"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"nomorIdentitas"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nomorIdentitas"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoginSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoginError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const ProfilePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProfilePage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileDetails_User"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactForm_User"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileDetails_User"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identityType"}},{"kind":"Field","name":{"kind":"Name","value":"nomorIdentitasMasked"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"instansi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nama"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"consentTermsVersion"}},{"kind":"Field","name":{"kind":"Name","value":"consentPrivacyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"consentAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactForm_User"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namaLengkap"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"telepon"}}]}}]} as unknown as DocumentNode<ProfilePageQuery, ProfilePageQueryVariables>;
export const UpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namaLengkap"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"telepon"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"namaLengkap"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namaLengkap"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"telepon"},"value":{"kind":"Variable","name":{"kind":"Name","value":"telepon"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactForm_User"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactForm_User"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namaLengkap"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"telepon"}}]}}]} as unknown as DocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"passwordLama"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"passwordBaru"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"passwordLama"},"value":{"kind":"Variable","name":{"kind":"Name","value":"passwordLama"}}},{"kind":"Argument","name":{"kind":"Name","value":"passwordBaru"},"value":{"kind":"Variable","name":{"kind":"Name","value":"passwordBaru"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const LogoutEverywhereDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogoutEverywhere"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logoutEverywhere"}}]}}]} as unknown as DocumentNode<LogoutEverywhereMutation, LogoutEverywhereMutationVariables>;
export const MyDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myData"}}]}}]} as unknown as DocumentNode<MyDataQuery, MyDataQueryVariables>;
export const RegisterLegalVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegisterLegalVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"legalVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syaratKetentuan"}},{"kind":"Field","name":{"kind":"Name","value":"kebijakanPrivasi"}}]}}]}}]} as unknown as DocumentNode<RegisterLegalVersionsQuery, RegisterLegalVersionsQueryVariables>;
export const RegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Register"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterMutation, RegisterMutationVariables>;