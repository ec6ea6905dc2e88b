import { SkmModeration } from '@/features/skm/components/skm-moderation';

/** Behind RequireRole admin or verifikator. */
export function SkmModerationRoute() {
  return <SkmModeration />;
}
