import { EmptyStatePage } from '../../ui/empty-state-page.js';
import { PhoneIcon } from '../../ui/icons.js';

export function PhonePage() {
  return (
    <EmptyStatePage
      title="phone.title"
      lead="phone.lead"
      points={['phone.point1', 'phone.point2', 'phone.point3']}
      Icon={PhoneIcon}
    />
  );
}
