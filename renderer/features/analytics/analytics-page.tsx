import { EmptyStatePage } from '../../ui/empty-state-page.js';
import { AnalyticsIcon } from '../../ui/icons.js';

export function AnalyticsPage() {
  return (
    <EmptyStatePage
      title="analytics.title"
      lead="analytics.lead"
      points={['analytics.point1', 'analytics.point2', 'analytics.point3']}
      Icon={AnalyticsIcon}
    />
  );
}
