import { graphql } from "../../../gql";

export const ApiClientsQuery = graphql(`
  query AdminApiClients($instansiId: ID) {
    apiClients(instansiId: $instansiId) {
      id
      ...ApiClientCard_ApiClient
    }
  }
`);

export const ApiClientInstansiQuery = graphql(`
  query AdminApiClientInstansi {
    instansiList {
      id
      nama
    }
  }
`);

export const CreateApiClientMutation = graphql(`
  mutation CreateApiClient($instansiId: ID!, $nama: String!, $kontak: String!, $scopes: [ApiScope!]!, $berlakuSampai: DateTime) {
    createApiClient(instansiId: $instansiId, nama: $nama, kontak: $kontak, scopes: $scopes, berlakuSampai: $berlakuSampai) {
      __typename
      ... on CreateApiClientSuccess {
        data {
          token
          client {
            id
            ...ApiClientCard_ApiClient
          }
        }
      }
      ...ErrorFields
    }
  }
`);

export const RotateApiClientSecretMutation = graphql(`
  mutation RotateApiClientSecret($id: ID!) {
    rotateApiClientSecret(id: $id) {
      __typename
      ... on RotateApiClientSecretSuccess {
        data {
          token
          client {
            id
            aktif
            secretDiputarAt
          }
        }
      }
      ...ErrorFields
    }
  }
`);

export const RevokeApiClientMutation = graphql(`
  mutation RevokeApiClient($id: ID!) {
    revokeApiClient(id: $id) {
      __typename
      ... on RevokeApiClientSuccess {
        data {
          id
          aktif
          dicabutAt
        }
      }
      ...ErrorFields
    }
  }
`);

export const WebhookSubscriptionsQuery = graphql(`
  query AdminWebhookSubscriptions($clientId: ID) {
    webhookSubscriptions(clientId: $clientId) {
      id
      url
      events
      aktif
      createdAt
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query AdminWebhookDeliveries($clientId: ID, $status: DeliveryStatus, $first: Int) {
    webhookDeliveries(clientId: $clientId, status: $status, first: $first) {
      totalCount
      edges {
        node {
          id
          deliveryId
          event
          status
          attempts
          lastError
          lastStatusCode
          nextAttemptAt
          sentAt
          createdAt
          subscription {
            id
            url
            aktif
          }
        }
      }
    }
  }
`);

export const CreateWebhookSubscriptionMutation = graphql(`
  mutation CreateWebhookSubscription($url: String!, $events: [WebhookEvent!]!) {
    createWebhookSubscription(url: $url, events: $events) {
      __typename
      ... on CreateWebhookSubscriptionSuccess {
        data {
          signingSecret
          subscription {
            id
            url
            events
            aktif
            createdAt
          }
        }
      }
      ...ErrorFields
    }
  }
`);

export const DeleteWebhookSubscriptionMutation = graphql(`
  mutation DeleteWebhookSubscription($id: ID!) {
    deleteWebhookSubscription(id: $id) {
      __typename
      ... on DeleteWebhookSubscriptionSuccess {
        data
      }
      ...ErrorFields
    }
  }
`);

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($id: ID!) {
    redeliverWebhook(id: $id) {
      __typename
      ... on RedeliverWebhookSuccess {
        data {
          id
          status
          attempts
          lastError
          lastStatusCode
          nextAttemptAt
          sentAt
        }
      }
      ...ErrorFields
    }
  }
`);
