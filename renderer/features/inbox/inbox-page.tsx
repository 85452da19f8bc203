import { EmptyStatePage } from '../../ui/empty-state-page.js';
import { InboxIcon } from '../../ui/icons.js';

export function InboxPage() {
  return (
    <EmptyStatePage
      title="inbox.title"
      lead="inbox.lead"
      points={['inbox.point1', 'inbox.point2', 'inbox.point3']}
      Icon={InboxIcon}
    />
  );
}
