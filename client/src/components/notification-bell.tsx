import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useMutation, useQuery, useSubscription } from "urql";
import { graphql, useFragment, type FragmentType } from "../gql";
import { formatRelative } from "../lib/format";

const NotificationBellQuery = graphql(`
  query NotificationBell {
    unreadNotificationCount
    myNotifications(first: 20) {
      edges {
        node {
          id
          ...NotificationItem_Notification
        }
      }
    }
  }
`);

const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      judul
    }
  }
`);

export const NotificationItem_NotificationFragment = graphql(`
  fragment NotificationItem_Notification on Notification {
    id
    judul
    isi
    read
    createdAt
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      __typename
      ... on MarkNotificationReadSuccess {
        data {
          id
          read
          readAt
        }
      }
    }
  }
`);

const MarkAllReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

function NotificationItem(props: { notification: FragmentType<typeof NotificationItem_NotificationFragment>; onRead: (id: string) => void }) {
  const n = useFragment(NotificationItem_NotificationFragment, props.notification);
  const body = (
    <>
      <span className="notif__title">
        {!n.read && <span className="sr-only">Belum dibaca: </span>}
        {n.judul}
      </span>
      <span className="notif__body">{n.isi}</span>
      <time className="notif__time" dateTime={n.createdAt}>
        {formatRelative(n.createdAt)}
      </time>
    </>
  );
  return (
    <li className={`notif${n.read ? "" : " notif--unread"}`}>
      {n.read ? (
        <div className="notif__content">{body}</div>
      ) : (
        <button type="button" className="notif__content" onClick={() => props.onRead(n.id)}>
          {body}
          <span className="sr-only"> (tandai dibaca)</span>
        </button>
      )}
    </li>
  );
}

const MARK_ALL_CONTEXT = { additionalTypenames: ["Notification"] };

/** The bell in the header: unread count, the latest notifications, live as they arrive. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [{ data }, refetch] = useQuery({ query: NotificationBellQuery });
  const [{ data: added }] = useSubscription({ query: NotificationAddedSubscription });
  const [, markRead] = useMutation(MarkReadMutation);
  const [{ fetching: markingAll }, markAll] = useMutation(MarkAllReadMutation);
  const markAllContext = useMemo(() => MARK_ALL_CONTEXT, []);

  const latest = added?.notificationAdded;
  useEffect(() => {
    if (!latest) return;
    refetch({ requestPolicy: "network-only" });
    setAnnouncement(`Notifikasi baru: ${latest.judul}`);
  }, [latest, refetch]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (wrapRef.current && !wrapRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const unread = data?.unreadNotificationCount ?? 0;
  const items = data?.myNotifications.edges ?? [];

  return (
    <div className="bell" ref={wrapRef}>
      <button ref={buttonRef} type="button" className="bell__button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        <svg
          aria-hidden="true"
          width="22"
          height="22"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        <span className="sr-only">Notifikasi{unread ? `, ${unread} belum dibaca` : ""}</span>
        {unread > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <div id={panelId} className="bell__panel" hidden={!open}>
        <div className="bell__head">
          <h2 className="bell__heading">Notifikasi</h2>
          {unread > 0 && (
            <button type="button" className="button button--quiet" disabled={markingAll} onClick={() => markAll({}, markAllContext)}>
              Tandai semua dibaca
            </button>
          )}
        </div>
        {items.length === 0 ? (
          <p className="muted bell__empty">Belum ada notifikasi.</p>
        ) : (
          <ul className="bell__list">
            {items.map((e) => (
              <NotificationItem key={e.node.id} notification={e.node} onRead={(id) => void markRead({ id })} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
