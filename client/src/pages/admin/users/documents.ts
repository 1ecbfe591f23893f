import { graphql } from "../../../gql";

export const PenggunaQuery = graphql(`
  query AdminPengguna($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...PenggunaCard_User
        }
      }
    }
  }
`);

export const PenggunaInstansiQuery = graphql(`
  query AdminPenggunaInstansi {
    instansiList(termasukNonaktif: true) {
      id
      nama
      aktif
    }
  }
`);

export const SetUserRoleMutation = graphql(`
  mutation SetUserRole($userId: ID!, $role: Role!, $instansiId: ID) {
    setUserRole(userId: $userId, role: $role, instansiId: $instansiId) {
      __typename
      ... on SetUserRoleSuccess {
        data {
          id
          role
          instansi {
            id
            nama
          }
        }
      }
      ...ErrorFields
    }
  }
`);

export const CreateStaffAccountMutation = graphql(`
  mutation CreateStaffAccount(
    $identityType: IdentityType!
    $nomorIdentitas: String!
    $namaLengkap: String!
    $email: String!
    $telepon: String!
    $password: String!
    $role: Role!
    $instansiId: ID
  ) {
    createStaffAccount(
      identityType: $identityType
      nomorIdentitas: $nomorIdentitas
      namaLengkap: $namaLengkap
      email: $email
      telepon: $telepon
      password: $password
      role: $role
      instansiId: $instansiId
    ) {
      __typename
      ... on CreateStaffAccountSuccess {
        data {
          id
          namaLengkap
          role
        }
      }
      ...ErrorFields
    }
  }
`);
