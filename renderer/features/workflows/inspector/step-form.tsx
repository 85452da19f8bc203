import type { Step } from '../../../../shared/workflow/steps.js';
import { AssignForm } from './assign-form.js';
import { BranchForm } from './branch-form.js';
import { CallbackForm } from './callback-form.js';
import { EndCallForm } from './end-call-form.js';
import { InputFormForm } from './input-form-form.js';
import { IvrButtonsForm } from './ivr-buttons-form.js';
import { SendSmsForm } from './send-sms-form.js';
import { TagForm } from './tag-form.js';
import { TransferForm } from './transfer-form.js';
import { VoiceMessageForm } from './voice-message-form.js';
import { VoicemailForm } from './voicemail-form.js';

/** The fields of a step's own kind; every change hands back the whole edited step. */
export function StepForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  switch (step.kind) {
    case 'branch':
      return <BranchForm step={step} onChange={onChange} />;
    case 'ivr_buttons':
      return <IvrButtonsForm step={step} onChange={onChange} />;
    case 'voice_message':
      return <VoiceMessageForm step={step} onChange={onChange} />;
    case 'end_call':
      return <EndCallForm step={step} onChange={onChange} />;
    case 'voicemail':
      return <VoicemailForm step={step} onChange={onChange} />;
    case 'input_form':
      return <InputFormForm step={step} onChange={onChange} />;
    case 'assign':
      return <AssignForm step={step} onChange={onChange} />;
    case 'send_sms':
      return <SendSmsForm step={step} onChange={onChange} />;
    case 'tag':
      return <TagForm step={step} onChange={onChange} />;
    case 'transfer':
      return <TransferForm step={step} onChange={onChange} />;
    case 'callback':
      return <CallbackForm step={step} onChange={onChange} />;
  }
}
