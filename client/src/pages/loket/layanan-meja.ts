import { graphql } from "../../gql";

/**
 * The desk's instansi: its services (the choice of service on the helpdesk's and the training sessions' forms) and its
 * time zone (dates typed and shown on the office's clock).
 */
export const LayananMejaQuery = graphql(`
  query LayananMeja($instansiId: ID!) {
    layananList(instansiId: $instansiId, first: 100) {
      edges {
        node {
          id
          nama
        }
      }
    }
    node(id: $instansiId) {
      ... on Instansi {
        id
        zonaWaktu
        zonaWaktuLabel
      }
    }
  }
`);
