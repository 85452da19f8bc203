import { EmptyStatePage } from '../../ui/empty-state-page.js';
import { WorkflowsIcon } from '../../ui/icons.js';

export function WorkflowsPage() {
  return (
    <EmptyStatePage
      title="workflows.title"
      lead="workflows.lead"
      points={['workflows.point1', 'workflows.point2', 'workflows.point3']}
      Icon={WorkflowsIcon}
    />
  );
}
