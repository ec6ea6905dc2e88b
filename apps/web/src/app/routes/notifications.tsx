import { NotificationsPage } from '@/features/notifications/components/notifications-page';

export function NotifikasiRoute() {
  return <NotificationsPage />;
}
