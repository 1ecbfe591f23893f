/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment InstansiCard_Instansi on Instansi {\n    id\n    nama\n    alamat\n    telepon\n    email\n    website\n    zonaWaktu\n    zonaWaktuLabel\n    bukaSekarang\n    bukaBerikutnya\n    jamLayanan {\n      hari\n      buka\n      tutup\n    }\n  }\n": typeof types.InstansiCard_InstansiFragmentDoc,
    "\n  query NotificationBell {\n    unreadNotificationCount\n    myNotifications(first: 20) {\n      edges {\n        node {\n          id\n          ...NotificationItem_Notification\n        }\n      }\n    }\n  }\n": typeof types.NotificationBellDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      judul\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  fragment NotificationItem_Notification on Notification {\n    id\n    judul\n    isi\n    read\n    createdAt\n  }\n": typeof types.NotificationItem_NotificationFragmentDoc,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      __typename\n      ... on MarkNotificationReadSuccess {\n        data {\n          id\n          read\n          readAt\n        }\n      }\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  fragment ServiceForm_FormField on FormField {\n    nama\n    label\n    tipe\n    wajib\n    bantuan\n    opsi\n    min\n    max\n    pola\n  }\n": typeof types.ServiceForm_FormFieldFragmentDoc,
    "\n  fragment Timeline_PengajuanLog on PengajuanLog {\n    seq\n    aksi\n    aktor\n    createdAt\n    dariStatus\n    keStatus\n    keStatusLabel\n    pesan\n  }\n": typeof types.Timeline_PengajuanLogFragmentDoc,
    "\n  query Session {\n    me {\n      id\n      namaLengkap\n      role\n      status\n      instansi {\n        id\n        nama\n      }\n    }\n  }\n": typeof types.SessionDocument,
    "\n  query AccountStatusPage {\n    me {\n      id\n      namaLengkap\n      identityType\n      nomorIdentitasMasked\n      status\n      statusReason\n      createdAt\n    }\n  }\n": typeof types.AccountStatusPageDocument,
    "\n  subscription AccountStatusLive {\n    myAccountStatus {\n      status\n      reason\n      at\n    }\n  }\n": typeof types.AccountStatusLiveDocument,
    "\n  query AdminUsers($filter: UserFilter, $first: Int) {\n    users(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          ...UserCard_User\n        }\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  fragment UserCard_User on User {\n    id\n    namaLengkap\n    identityType\n    nomorIdentitasMasked\n    email\n    telepon\n    role\n    status\n    statusReason\n    createdAt\n    instansi {\n      id\n      nama\n    }\n  }\n": typeof types.UserCard_UserFragmentDoc,
    "\n  query RevealIdentity($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        nomorIdentitas\n      }\n    }\n  }\n": typeof types.RevealIdentityDocument,
    "\n  mutation ActivateAccount($userId: ID!) {\n    activateAccount(userId: $userId) {\n      __typename\n      ... on ActivateAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.ActivateAccountDocument,
    "\n  mutation RejectAccount($userId: ID!, $alasan: String) {\n    rejectAccount(userId: $userId, alasan: $alasan) {\n      __typename\n      ... on RejectAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.RejectAccountDocument,
    "\n  mutation SuspendAccount($userId: ID!, $alasan: String) {\n    suspendAccount(userId: $userId, alasan: $alasan) {\n      __typename\n      ... on SuspendAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.SuspendAccountDocument,
    "\n  mutation ReinstateAccount($userId: ID!) {\n    reinstateAccount(userId: $userId) {\n      __typename\n      ... on ReinstateAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.ReinstateAccountDocument,
    "\n  query AdminHolidays($tahun: Int!) {\n    hariLibur(tahun: $tahun) {\n      id\n      ...HolidayRow_HariLibur\n    }\n  }\n": typeof types.AdminHolidaysDocument,
    "\n  fragment HolidayRow_HariLibur on HariLibur {\n    id\n    tanggal\n    nama\n    jenis\n    dasarHukum\n  }\n": typeof types.HolidayRow_HariLiburFragmentDoc,
    "\n  mutation CreateHariLibur($tanggal: Date!, $nama: String!, $jenis: HolidayKind!, $dasarHukum: String!) {\n    createHariLibur(tanggal: $tanggal, nama: $nama, jenis: $jenis, dasarHukum: $dasarHukum) {\n      __typename\n      ... on CreateHariLiburSuccess {\n        data {\n          id\n          ...HolidayRow_HariLibur\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.CreateHariLiburDocument,
    "\n  mutation DeleteHariLibur($id: ID!) {\n    deleteHariLibur(id: $id) {\n      __typename\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.DeleteHariLiburDocument,
    "\n  query AdminOffices {\n    instansiList(termasukNonaktif: true) {\n      id\n      nama\n      aktif\n    }\n  }\n": typeof types.AdminOfficesDocument,
    "\n  query AdminOffice($id: ID!, $dari: Date!) {\n    node(id: $id) {\n      ... on Instansi {\n        id\n        nama\n        ...OfficeHoursEditor_Instansi\n        ...ClosureList_Instansi\n      }\n    }\n  }\n": typeof types.AdminOfficeDocument,
    "\n  fragment OfficeHoursEditor_Instansi on Instansi {\n    id\n    zonaWaktuLabel\n    jamLayanan {\n      hari\n      buka\n      tutup\n    }\n  }\n": typeof types.OfficeHoursEditor_InstansiFragmentDoc,
    "\n  fragment ClosureList_Instansi on Instansi {\n    id\n    zonaWaktu\n    penutupan(dariTanggal: $dari) {\n      id\n      tanggal\n      alasan\n    }\n  }\n": typeof types.ClosureList_InstansiFragmentDoc,
    "\n  mutation SetJamLayanan($instansiId: ID!, $jamLayanan: [JamLayananInput!]!) {\n    setJamLayanan(instansiId: $instansiId, jamLayanan: $jamLayanan) {\n      __typename\n      ... on SetJamLayananSuccess {\n        data {\n          id\n          ...OfficeHoursEditor_Instansi\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.SetJamLayananDocument,
    "\n  mutation AddPenutupan($instansiId: ID!, $tanggal: Date!, $alasan: String!) {\n    addPenutupan(instansiId: $instansiId, tanggal: $tanggal, alasan: $alasan) {\n      __typename\n      ... on AddPenutupanSuccess {\n        data {\n          id\n          tanggal\n          alasan\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.AddPenutupanDocument,
    "\n  mutation RemovePenutupan($id: ID!) {\n    removePenutupan(id: $id) {\n      __typename\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.RemovePenutupanDocument,
    "\n  query HomePage {\n    instansiList {\n      id\n      nama\n      ...InstansiCard_Instansi\n    }\n  }\n": typeof types.HomePageDocument,
    "\n  query LegalPage {\n    legalVersions {\n      syaratKetentuan\n      kebijakanPrivasi\n    }\n  }\n": typeof types.LegalPageDocument,
    "\n  mutation Login($nomorIdentitas: String!, $password: String!) {\n    login(nomorIdentitas: $nomorIdentitas, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        data {\n          user {\n            id\n            role\n            status\n          }\n        }\n      }\n      ... on LoginError {\n        code\n        message\n        field\n        retryAfterSeconds\n      }\n      ... on ValidationError {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query ProfilePage {\n    me {\n      id\n      ...ProfileDetails_User\n      ...ContactForm_User\n    }\n  }\n": typeof types.ProfilePageDocument,
    "\n  fragment ProfileDetails_User on User {\n    identityType\n    nomorIdentitasMasked\n    role\n    status\n    instansi {\n      id\n      nama\n    }\n    createdAt\n    consentTermsVersion\n    consentPrivacyVersion\n    consentAt\n  }\n": typeof types.ProfileDetails_UserFragmentDoc,
    "\n  fragment ContactForm_User on User {\n    id\n    namaLengkap\n    email\n    emailVerified\n    telepon\n  }\n": typeof types.ContactForm_UserFragmentDoc,
    "\n  mutation UpdateProfile($namaLengkap: String, $email: String, $telepon: String) {\n    updateProfile(namaLengkap: $namaLengkap, email: $email, telepon: $telepon) {\n      __typename\n      ... on UpdateProfileSuccess {\n        data {\n          id\n          ...ContactForm_User\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($passwordLama: String!, $passwordBaru: String!) {\n    changePassword(passwordLama: $passwordLama, passwordBaru: $passwordBaru) {\n      __typename\n      ... on ChangePasswordSuccess {\n        data {\n          id\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": typeof types.LogoutEverywhereDocument,
    "\n  query MyData {\n    myData\n  }\n": typeof types.MyDataDocument,
    "\n  query RegisterLegalVersions {\n    legalVersions {\n      syaratKetentuan\n      kebijakanPrivasi\n    }\n  }\n": typeof types.RegisterLegalVersionsDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on RegisterSuccess {\n        data {\n          user {\n            id\n            status\n          }\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.RegisterDocument,
};
const documents: Documents = {
    "\n  fragment InstansiCard_Instansi on Instansi {\n    id\n    nama\n    alamat\n    telepon\n    email\n    website\n    zonaWaktu\n    zonaWaktuLabel\n    bukaSekarang\n    bukaBerikutnya\n    jamLayanan {\n      hari\n      buka\n      tutup\n    }\n  }\n": types.InstansiCard_InstansiFragmentDoc,
    "\n  query NotificationBell {\n    unreadNotificationCount\n    myNotifications(first: 20) {\n      edges {\n        node {\n          id\n          ...NotificationItem_Notification\n        }\n      }\n    }\n  }\n": types.NotificationBellDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      judul\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  fragment NotificationItem_Notification on Notification {\n    id\n    judul\n    isi\n    read\n    createdAt\n  }\n": types.NotificationItem_NotificationFragmentDoc,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      __typename\n      ... on MarkNotificationReadSuccess {\n        data {\n          id\n          read\n          readAt\n        }\n      }\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  fragment ServiceForm_FormField on FormField {\n    nama\n    label\n    tipe\n    wajib\n    bantuan\n    opsi\n    min\n    max\n    pola\n  }\n": types.ServiceForm_FormFieldFragmentDoc,
    "\n  fragment Timeline_PengajuanLog on PengajuanLog {\n    seq\n    aksi\n    aktor\n    createdAt\n    dariStatus\n    keStatus\n    keStatusLabel\n    pesan\n  }\n": types.Timeline_PengajuanLogFragmentDoc,
    "\n  query Session {\n    me {\n      id\n      namaLengkap\n      role\n      status\n      instansi {\n        id\n        nama\n      }\n    }\n  }\n": types.SessionDocument,
    "\n  query AccountStatusPage {\n    me {\n      id\n      namaLengkap\n      identityType\n      nomorIdentitasMasked\n      status\n      statusReason\n      createdAt\n    }\n  }\n": types.AccountStatusPageDocument,
    "\n  subscription AccountStatusLive {\n    myAccountStatus {\n      status\n      reason\n      at\n    }\n  }\n": types.AccountStatusLiveDocument,
    "\n  query AdminUsers($filter: UserFilter, $first: Int) {\n    users(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          ...UserCard_User\n        }\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  fragment UserCard_User on User {\n    id\n    namaLengkap\n    identityType\n    nomorIdentitasMasked\n    email\n    telepon\n    role\n    status\n    statusReason\n    createdAt\n    instansi {\n      id\n      nama\n    }\n  }\n": types.UserCard_UserFragmentDoc,
    "\n  query RevealIdentity($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        nomorIdentitas\n      }\n    }\n  }\n": types.RevealIdentityDocument,
    "\n  mutation ActivateAccount($userId: ID!) {\n    activateAccount(userId: $userId) {\n      __typename\n      ... on ActivateAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.ActivateAccountDocument,
    "\n  mutation RejectAccount($userId: ID!, $alasan: String) {\n    rejectAccount(userId: $userId, alasan: $alasan) {\n      __typename\n      ... on RejectAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.RejectAccountDocument,
    "\n  mutation SuspendAccount($userId: ID!, $alasan: String) {\n    suspendAccount(userId: $userId, alasan: $alasan) {\n      __typename\n      ... on SuspendAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.SuspendAccountDocument,
    "\n  mutation ReinstateAccount($userId: ID!) {\n    reinstateAccount(userId: $userId) {\n      __typename\n      ... on ReinstateAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.ReinstateAccountDocument,
    "\n  query AdminHolidays($tahun: Int!) {\n    hariLibur(tahun: $tahun) {\n      id\n      ...HolidayRow_HariLibur\n    }\n  }\n": types.AdminHolidaysDocument,
    "\n  fragment HolidayRow_HariLibur on HariLibur {\n    id\n    tanggal\n    nama\n    jenis\n    dasarHukum\n  }\n": types.HolidayRow_HariLiburFragmentDoc,
    "\n  mutation CreateHariLibur($tanggal: Date!, $nama: String!, $jenis: HolidayKind!, $dasarHukum: String!) {\n    createHariLibur(tanggal: $tanggal, nama: $nama, jenis: $jenis, dasarHukum: $dasarHukum) {\n      __typename\n      ... on CreateHariLiburSuccess {\n        data {\n          id\n          ...HolidayRow_HariLibur\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.CreateHariLiburDocument,
    "\n  mutation DeleteHariLibur($id: ID!) {\n    deleteHariLibur(id: $id) {\n      __typename\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.DeleteHariLiburDocument,
    "\n  query AdminOffices {\n    instansiList(termasukNonaktif: true) {\n      id\n      nama\n      aktif\n    }\n  }\n": types.AdminOfficesDocument,
    "\n  query AdminOffice($id: ID!, $dari: Date!) {\n    node(id: $id) {\n      ... on Instansi {\n        id\n        nama\n        ...OfficeHoursEditor_Instansi\n        ...ClosureList_Instansi\n      }\n    }\n  }\n": types.AdminOfficeDocument,
    "\n  fragment OfficeHoursEditor_Instansi on Instansi {\n    id\n    zonaWaktuLabel\n    jamLayanan {\n      hari\n      buka\n      tutup\n    }\n  }\n": types.OfficeHoursEditor_InstansiFragmentDoc,
    "\n  fragment ClosureList_Instansi on Instansi {\n    id\n    zonaWaktu\n    penutupan(dariTanggal: $dari) {\n      id\n      tanggal\n      alasan\n    }\n  }\n": types.ClosureList_InstansiFragmentDoc,
    "\n  mutation SetJamLayanan($instansiId: ID!, $jamLayanan: [JamLayananInput!]!) {\n    setJamLayanan(instansiId: $instansiId, jamLayanan: $jamLayanan) {\n      __typename\n      ... on SetJamLayananSuccess {\n        data {\n          id\n          ...OfficeHoursEditor_Instansi\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.SetJamLayananDocument,
    "\n  mutation AddPenutupan($instansiId: ID!, $tanggal: Date!, $alasan: String!) {\n    addPenutupan(instansiId: $instansiId, tanggal: $tanggal, alasan: $alasan) {\n      __typename\n      ... on AddPenutupanSuccess {\n        data {\n          id\n          tanggal\n          alasan\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.AddPenutupanDocument,
    "\n  mutation RemovePenutupan($id: ID!) {\n    removePenutupan(id: $id) {\n      __typename\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.RemovePenutupanDocument,
    "\n  query HomePage {\n    instansiList {\n      id\n      nama\n      ...InstansiCard_Instansi\n    }\n  }\n": types.HomePageDocument,
    "\n  query LegalPage {\n    legalVersions {\n      syaratKetentuan\n      kebijakanPrivasi\n    }\n  }\n": types.LegalPageDocument,
    "\n  mutation Login($nomorIdentitas: String!, $password: String!) {\n    login(nomorIdentitas: $nomorIdentitas, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        data {\n          user {\n            id\n            role\n            status\n          }\n        }\n      }\n      ... on LoginError {\n        code\n        message\n        field\n        retryAfterSeconds\n      }\n      ... on ValidationError {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query ProfilePage {\n    me {\n      id\n      ...ProfileDetails_User\n      ...ContactForm_User\n    }\n  }\n": types.ProfilePageDocument,
    "\n  fragment ProfileDetails_User on User {\n    identityType\n    nomorIdentitasMasked\n    role\n    status\n    instansi {\n      id\n      nama\n    }\n    createdAt\n    consentTermsVersion\n    consentPrivacyVersion\n    consentAt\n  }\n": types.ProfileDetails_UserFragmentDoc,
    "\n  fragment ContactForm_User on User {\n    id\n    namaLengkap\n    email\n    emailVerified\n    telepon\n  }\n": types.ContactForm_UserFragmentDoc,
    "\n  mutation UpdateProfile($namaLengkap: String, $email: String, $telepon: String) {\n    updateProfile(namaLengkap: $namaLengkap, email: $email, telepon: $telepon) {\n      __typename\n      ... on UpdateProfileSuccess {\n        data {\n          id\n          ...ContactForm_User\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($passwordLama: String!, $passwordBaru: String!) {\n    changePassword(passwordLama: $passwordLama, passwordBaru: $passwordBaru) {\n      __typename\n      ... on ChangePasswordSuccess {\n        data {\n          id\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": types.LogoutEverywhereDocument,
    "\n  query MyData {\n    myData\n  }\n": types.MyDataDocument,
    "\n  query RegisterLegalVersions {\n    legalVersions {\n      syaratKetentuan\n      kebijakanPrivasi\n    }\n  }\n": types.RegisterLegalVersionsDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on RegisterSuccess {\n        data {\n          user {\n            id\n            status\n          }\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.RegisterDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InstansiCard_Instansi on Instansi {\n    id\n    nama\n    alamat\n    telepon\n    email\n    website\n    zonaWaktu\n    zonaWaktuLabel\n    bukaSekarang\n    bukaBerikutnya\n    jamLayanan {\n      hari\n      buka\n      tutup\n    }\n  }\n"): (typeof documents)["\n  fragment InstansiCard_Instansi on Instansi {\n    id\n    nama\n    alamat\n    telepon\n    email\n    website\n    zonaWaktu\n    zonaWaktuLabel\n    bukaSekarang\n    bukaBerikutnya\n    jamLayanan {\n      hari\n      buka\n      tutup\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationBell {\n    unreadNotificationCount\n    myNotifications(first: 20) {\n      edges {\n        node {\n          id\n          ...NotificationItem_Notification\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationBell {\n    unreadNotificationCount\n    myNotifications(first: 20) {\n      edges {\n        node {\n          id\n          ...NotificationItem_Notification\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      judul\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      judul\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem_Notification on Notification {\n    id\n    judul\n    isi\n    read\n    createdAt\n  }\n"): (typeof documents)["\n  fragment NotificationItem_Notification on Notification {\n    id\n    judul\n    isi\n    read\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      __typename\n      ... on MarkNotificationReadSuccess {\n        data {\n          id\n          read\n          readAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      __typename\n      ... on MarkNotificationReadSuccess {\n        data {\n          id\n          read\n          readAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceForm_FormField on FormField {\n    nama\n    label\n    tipe\n    wajib\n    bantuan\n    opsi\n    min\n    max\n    pola\n  }\n"): (typeof documents)["\n  fragment ServiceForm_FormField on FormField {\n    nama\n    label\n    tipe\n    wajib\n    bantuan\n    opsi\n    min\n    max\n    pola\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Timeline_PengajuanLog on PengajuanLog {\n    seq\n    aksi\n    aktor\n    createdAt\n    dariStatus\n    keStatus\n    keStatusLabel\n    pesan\n  }\n"): (typeof documents)["\n  fragment Timeline_PengajuanLog on PengajuanLog {\n    seq\n    aksi\n    aktor\n    createdAt\n    dariStatus\n    keStatus\n    keStatusLabel\n    pesan\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Session {\n    me {\n      id\n      namaLengkap\n      role\n      status\n      instansi {\n        id\n        nama\n      }\n    }\n  }\n"): (typeof documents)["\n  query Session {\n    me {\n      id\n      namaLengkap\n      role\n      status\n      instansi {\n        id\n        nama\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountStatusPage {\n    me {\n      id\n      namaLengkap\n      identityType\n      nomorIdentitasMasked\n      status\n      statusReason\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query AccountStatusPage {\n    me {\n      id\n      namaLengkap\n      identityType\n      nomorIdentitasMasked\n      status\n      statusReason\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AccountStatusLive {\n    myAccountStatus {\n      status\n      reason\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription AccountStatusLive {\n    myAccountStatus {\n      status\n      reason\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($filter: UserFilter, $first: Int) {\n    users(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          ...UserCard_User\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($filter: UserFilter, $first: Int) {\n    users(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          ...UserCard_User\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserCard_User on User {\n    id\n    namaLengkap\n    identityType\n    nomorIdentitasMasked\n    email\n    telepon\n    role\n    status\n    statusReason\n    createdAt\n    instansi {\n      id\n      nama\n    }\n  }\n"): (typeof documents)["\n  fragment UserCard_User on User {\n    id\n    namaLengkap\n    identityType\n    nomorIdentitasMasked\n    email\n    telepon\n    role\n    status\n    statusReason\n    createdAt\n    instansi {\n      id\n      nama\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevealIdentity($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        nomorIdentitas\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevealIdentity($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        nomorIdentitas\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateAccount($userId: ID!) {\n    activateAccount(userId: $userId) {\n      __typename\n      ... on ActivateAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateAccount($userId: ID!) {\n    activateAccount(userId: $userId) {\n      __typename\n      ... on ActivateAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectAccount($userId: ID!, $alasan: String) {\n    rejectAccount(userId: $userId, alasan: $alasan) {\n      __typename\n      ... on RejectAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectAccount($userId: ID!, $alasan: String) {\n    rejectAccount(userId: $userId, alasan: $alasan) {\n      __typename\n      ... on RejectAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendAccount($userId: ID!, $alasan: String) {\n    suspendAccount(userId: $userId, alasan: $alasan) {\n      __typename\n      ... on SuspendAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendAccount($userId: ID!, $alasan: String) {\n    suspendAccount(userId: $userId, alasan: $alasan) {\n      __typename\n      ... on SuspendAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReinstateAccount($userId: ID!) {\n    reinstateAccount(userId: $userId) {\n      __typename\n      ... on ReinstateAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReinstateAccount($userId: ID!) {\n    reinstateAccount(userId: $userId) {\n      __typename\n      ... on ReinstateAccountSuccess {\n        data {\n          id\n          status\n          statusReason\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminHolidays($tahun: Int!) {\n    hariLibur(tahun: $tahun) {\n      id\n      ...HolidayRow_HariLibur\n    }\n  }\n"): (typeof documents)["\n  query AdminHolidays($tahun: Int!) {\n    hariLibur(tahun: $tahun) {\n      id\n      ...HolidayRow_HariLibur\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HolidayRow_HariLibur on HariLibur {\n    id\n    tanggal\n    nama\n    jenis\n    dasarHukum\n  }\n"): (typeof documents)["\n  fragment HolidayRow_HariLibur on HariLibur {\n    id\n    tanggal\n    nama\n    jenis\n    dasarHukum\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateHariLibur($tanggal: Date!, $nama: String!, $jenis: HolidayKind!, $dasarHukum: String!) {\n    createHariLibur(tanggal: $tanggal, nama: $nama, jenis: $jenis, dasarHukum: $dasarHukum) {\n      __typename\n      ... on CreateHariLiburSuccess {\n        data {\n          id\n          ...HolidayRow_HariLibur\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateHariLibur($tanggal: Date!, $nama: String!, $jenis: HolidayKind!, $dasarHukum: String!) {\n    createHariLibur(tanggal: $tanggal, nama: $nama, jenis: $jenis, dasarHukum: $dasarHukum) {\n      __typename\n      ... on CreateHariLiburSuccess {\n        data {\n          id\n          ...HolidayRow_HariLibur\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteHariLibur($id: ID!) {\n    deleteHariLibur(id: $id) {\n      __typename\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteHariLibur($id: ID!) {\n    deleteHariLibur(id: $id) {\n      __typename\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOffices {\n    instansiList(termasukNonaktif: true) {\n      id\n      nama\n      aktif\n    }\n  }\n"): (typeof documents)["\n  query AdminOffices {\n    instansiList(termasukNonaktif: true) {\n      id\n      nama\n      aktif\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOffice($id: ID!, $dari: Date!) {\n    node(id: $id) {\n      ... on Instansi {\n        id\n        nama\n        ...OfficeHoursEditor_Instansi\n        ...ClosureList_Instansi\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminOffice($id: ID!, $dari: Date!) {\n    node(id: $id) {\n      ... on Instansi {\n        id\n        nama\n        ...OfficeHoursEditor_Instansi\n        ...ClosureList_Instansi\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OfficeHoursEditor_Instansi on Instansi {\n    id\n    zonaWaktuLabel\n    jamLayanan {\n      hari\n      buka\n      tutup\n    }\n  }\n"): (typeof documents)["\n  fragment OfficeHoursEditor_Instansi on Instansi {\n    id\n    zonaWaktuLabel\n    jamLayanan {\n      hari\n      buka\n      tutup\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClosureList_Instansi on Instansi {\n    id\n    zonaWaktu\n    penutupan(dariTanggal: $dari) {\n      id\n      tanggal\n      alasan\n    }\n  }\n"): (typeof documents)["\n  fragment ClosureList_Instansi on Instansi {\n    id\n    zonaWaktu\n    penutupan(dariTanggal: $dari) {\n      id\n      tanggal\n      alasan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetJamLayanan($instansiId: ID!, $jamLayanan: [JamLayananInput!]!) {\n    setJamLayanan(instansiId: $instansiId, jamLayanan: $jamLayanan) {\n      __typename\n      ... on SetJamLayananSuccess {\n        data {\n          id\n          ...OfficeHoursEditor_Instansi\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetJamLayanan($instansiId: ID!, $jamLayanan: [JamLayananInput!]!) {\n    setJamLayanan(instansiId: $instansiId, jamLayanan: $jamLayanan) {\n      __typename\n      ... on SetJamLayananSuccess {\n        data {\n          id\n          ...OfficeHoursEditor_Instansi\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPenutupan($instansiId: ID!, $tanggal: Date!, $alasan: String!) {\n    addPenutupan(instansiId: $instansiId, tanggal: $tanggal, alasan: $alasan) {\n      __typename\n      ... on AddPenutupanSuccess {\n        data {\n          id\n          tanggal\n          alasan\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddPenutupan($instansiId: ID!, $tanggal: Date!, $alasan: String!) {\n    addPenutupan(instansiId: $instansiId, tanggal: $tanggal, alasan: $alasan) {\n      __typename\n      ... on AddPenutupanSuccess {\n        data {\n          id\n          tanggal\n          alasan\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePenutupan($id: ID!) {\n    removePenutupan(id: $id) {\n      __typename\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemovePenutupan($id: ID!) {\n    removePenutupan(id: $id) {\n      __typename\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomePage {\n    instansiList {\n      id\n      nama\n      ...InstansiCard_Instansi\n    }\n  }\n"): (typeof documents)["\n  query HomePage {\n    instansiList {\n      id\n      nama\n      ...InstansiCard_Instansi\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LegalPage {\n    legalVersions {\n      syaratKetentuan\n      kebijakanPrivasi\n    }\n  }\n"): (typeof documents)["\n  query LegalPage {\n    legalVersions {\n      syaratKetentuan\n      kebijakanPrivasi\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($nomorIdentitas: String!, $password: String!) {\n    login(nomorIdentitas: $nomorIdentitas, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        data {\n          user {\n            id\n            role\n            status\n          }\n        }\n      }\n      ... on LoginError {\n        code\n        message\n        field\n        retryAfterSeconds\n      }\n      ... on ValidationError {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($nomorIdentitas: String!, $password: String!) {\n    login(nomorIdentitas: $nomorIdentitas, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        data {\n          user {\n            id\n            role\n            status\n          }\n        }\n      }\n      ... on LoginError {\n        code\n        message\n        field\n        retryAfterSeconds\n      }\n      ... on ValidationError {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProfilePage {\n    me {\n      id\n      ...ProfileDetails_User\n      ...ContactForm_User\n    }\n  }\n"): (typeof documents)["\n  query ProfilePage {\n    me {\n      id\n      ...ProfileDetails_User\n      ...ContactForm_User\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileDetails_User on User {\n    identityType\n    nomorIdentitasMasked\n    role\n    status\n    instansi {\n      id\n      nama\n    }\n    createdAt\n    consentTermsVersion\n    consentPrivacyVersion\n    consentAt\n  }\n"): (typeof documents)["\n  fragment ProfileDetails_User on User {\n    identityType\n    nomorIdentitasMasked\n    role\n    status\n    instansi {\n      id\n      nama\n    }\n    createdAt\n    consentTermsVersion\n    consentPrivacyVersion\n    consentAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactForm_User on User {\n    id\n    namaLengkap\n    email\n    emailVerified\n    telepon\n  }\n"): (typeof documents)["\n  fragment ContactForm_User on User {\n    id\n    namaLengkap\n    email\n    emailVerified\n    telepon\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($namaLengkap: String, $email: String, $telepon: String) {\n    updateProfile(namaLengkap: $namaLengkap, email: $email, telepon: $telepon) {\n      __typename\n      ... on UpdateProfileSuccess {\n        data {\n          id\n          ...ContactForm_User\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($namaLengkap: String, $email: String, $telepon: String) {\n    updateProfile(namaLengkap: $namaLengkap, email: $email, telepon: $telepon) {\n      __typename\n      ... on UpdateProfileSuccess {\n        data {\n          id\n          ...ContactForm_User\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($passwordLama: String!, $passwordBaru: String!) {\n    changePassword(passwordLama: $passwordLama, passwordBaru: $passwordBaru) {\n      __typename\n      ... on ChangePasswordSuccess {\n        data {\n          id\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($passwordLama: String!, $passwordBaru: String!) {\n    changePassword(passwordLama: $passwordLama, passwordBaru: $passwordBaru) {\n      __typename\n      ... on ChangePasswordSuccess {\n        data {\n          id\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"): (typeof documents)["\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyData {\n    myData\n  }\n"): (typeof documents)["\n  query MyData {\n    myData\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegisterLegalVersions {\n    legalVersions {\n      syaratKetentuan\n      kebijakanPrivasi\n    }\n  }\n"): (typeof documents)["\n  query RegisterLegalVersions {\n    legalVersions {\n      syaratKetentuan\n      kebijakanPrivasi\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on RegisterSuccess {\n        data {\n          user {\n            id\n            status\n          }\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      __typename\n      ... on RegisterSuccess {\n        data {\n          user {\n            id\n            status\n          }\n        }\n      }\n      ... on Error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;