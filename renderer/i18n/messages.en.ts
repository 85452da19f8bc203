import { inboxMessages } from '../features/inbox/inbox-messages.js';
import { inspectorMessages } from '../features/workflows/inspector-messages.js';
import { testCallMessages } from '../features/workflows/test-call-messages.js';
import { phoneMessages } from '../features/phone/phone-messages.js';
import { versionsMessages } from '../features/workflows/versions-messages.js';
import { workflowMessages } from '../features/workflows/workflow-messages.js';

/**
 * English messages: the reference catalogue. Its keys are the type every other locale must
 * match exactly (see messages.ko.ts), so a missing or stray key fails compilation.
 * `{name}` marks a variable filled in by `t(key, { name })`.
 */
export const en = {
  ...workflowMessages.en,
  ...inspectorMessages.en,
  ...testCallMessages.en,
  ...versionsMessages.en,
  ...phoneMessages.en,
  ...inboxMessages.en,
  'app.name': 'Switchboard',
  'language.label': 'Language / 언어',
  'language.ko': '한국어',
  'language.en': 'English',

  'nav.label': 'Sections',
  'nav.workflows': 'Workflows',
  'nav.inbox': 'Inbox',
  'nav.phone': 'Phone',
  'nav.analytics': 'Analytics',
  'nav.settings': 'Settings',

  'page.comingSoon': 'Coming in a later version',
  'page.whatYouWillDo': 'What you will do here',

  'analytics.title': 'Analytics',
  'analytics.lead': 'How calls move through each workflow step, and where callers give up.',
  'analytics.point1': 'Answered, missed and abandoned calls by day and hour.',
  'analytics.point2': 'Per-step counts: which menu choices callers make and where they hang up.',
  'analytics.point3': 'Waiting times in each queue and for each team.',

  'gate.noToken.title': 'Open the link printed by the engine',
  'gate.noToken.body':
    'This page needs the access token that comes with the link the engine prints when it starts ("Switchboard ready: http://…/#token=…"). Open that link, or paste it into the address bar.',
  'gate.unauthorized.title': 'Wrong or expired token',
  'gate.unauthorized.body':
    'The engine did not accept the access token in this link. Open the latest link printed by the engine ("Switchboard ready: …").',
  'gate.connecting.title': 'Connecting to the engine…',
  'gate.connecting.body': 'This usually takes a moment.',
  'gate.retrying.title': 'Cannot reach the engine yet',
  'gate.retrying.body': 'Check that the engine is running. Retrying automatically…',

  'status.label': 'Status',
  'status.lineState': '{name}: {state}',
  'status.noLine': 'No office line configured — add one in Settings',
  'connection.connecting': 'Connecting…',
  'connection.connected': 'Connected',
  'connection.reconnecting': 'Reconnecting…',
  'connection.unauthorized': 'Token refused',
  'connection.noToken': 'No access token',
  'engine.running': 'Engine running',
  'engine.starting': 'Engine starting…',
  'engine.stopping': 'Engine stopping…',
  'engine.disconnected': 'Engine disconnected',

  'registration.disabled': 'disabled',
  'registration.not_registered': 'not registered yet',
  'registration.registering': 'registering…',
  'registration.registered': 'registered',
  'registration.failed': 'registration failed',
  'registration.withReason': '{state} ({reason})',

  'settings.title': 'Settings',
  'settings.loading': 'Loading…',
  'office.title': 'Office',
  'office.name': 'Office name',
  'office.nameHint': 'Shown at the top of the window.',
  'office.timeZone': 'Time zone',
  'office.timeZoneHint': 'Office hours and reports follow this time zone.',
  'office.trusted': 'Trusted SIP addresses',
  'office.transferAllowList': 'Numbers the IVR may transfer to',
  'office.transferAllowListHint':
    'One per line. A transfer step can only dial these numbers, so no caller can make the office pay for calls elsewhere.',
  'office.trustedHint':
    'Besides each line’s registrar, only these IP addresses may send calls (one per line, e.g. a second proxy). Leave empty if unsure.',
  'office.apply': 'Apply',

  'lines.title': 'Office line',
  'lines.lead':
    'The SIP account on your office PBX or SIP provider. The engine registers with it and answers every incoming call.',
  'lines.add': 'Add line',
  'lines.empty': 'No office line yet. Add the SIP account your PBX or provider gave you.',
  'lines.edit': 'Edit',
  'lines.editNamed': 'Edit {name}',
  'lines.remove': 'Remove',
  'lines.removeNamed': 'Remove {name}',
  'lines.removeConfirm': 'Remove “{name}”? Calls to its numbers will no longer be answered.',
  'lines.removeYes': 'Remove line',
  'lines.removed': 'Removed',
  'lines.account': 'Account',
  'lines.transport': 'Transport',
  'lines.numbers': 'Numbers',
  'lines.noNumbers': 'none',
  'lines.registration': 'Registration',
  'lines.passwordStored': 'Password stored',
  'lines.passwordMissing': 'No password stored',
  'lines.disabled': 'Disabled',

  'lineForm.addTitle': 'New office line',
  'lineForm.editTitle': 'Edit {name}',
  'lineForm.displayName': 'Display name',
  'lineForm.displayNameHint': 'Shown in the status bar and the inbox, e.g. Main line.',
  'lineForm.registrar': 'Registrar',
  'lineForm.registrarHint': 'The PBX or SIP provider address, with the port if it is not 5060.',
  'lineForm.username': 'Username',
  'lineForm.authUsername': 'Auth username (optional)',
  'lineForm.authUsernameHint': 'Only if your provider gave you a separate name for authentication.',
  'lineForm.password': 'Password',
  'lineForm.passwordKeepHint': 'Leave empty to keep the stored password.',
  'lineForm.passwordNewHint': 'Kept by the engine and never shown again.',
  'lineForm.transport': 'Transport',
  'transport.udp': 'UDP',
  'transport.tcp': 'TCP',
  'lineForm.handoff': 'Put callers through by',
  'lineForm.handoffHint':
    'Bridging keeps Switchboard in the call, so talk time and hang-ups are recorded. Transfer hands the call to the PBX and Switchboard leaves it.',
  'handoff.bridge': 'Bridging through Switchboard',
  'handoff.refer': 'Transfer (SIP REFER)',
  'lineForm.numbers': 'Numbers',
  'lineForm.numbersHint':
    'The office numbers this line receives, separated by commas or new lines, e.g. 0212345678.',
  'lineForm.enabled': 'Enabled',
  'lineForm.enabledHint': 'When off, the engine does not register this line.',

  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.delete': 'Delete',
  'common.cancel': 'Cancel',
  'common.saved': 'Saved',
  'common.fixFields': 'Please correct the fields marked below.',

  'issue.required': 'Required',
  'issue.passwordRequired': 'Enter the password for this line.',
  'issue.tooLong': 'Too long',
  'issue.tooMany': 'Too many entries',
  'issue.invalidOption': 'Choose one of the listed options',
  'issue.hostPort': 'Use host or host:port, e.g. pbx.example.com or 192.168.0.10:5060',
  'issue.sipUser': 'Letters, digits and . _ - + only; no spaces or @',
  'issue.phoneNumber': 'Digits only, optionally starting with +',
  'issue.numbersUnique': 'Each number only once',
  'issue.timeZone': 'Unknown time zone; use a name like Asia/Seoul',
  'issue.inItem': '“{item}”: {message}',

  'error.unavailable': 'The engine is not reachable. Try again once the status bar says connected.',
  'error.notFound': 'It no longer exists; it may have been removed elsewhere.',
  'error.timeout': 'The engine did not answer in time. Try again.',
  'error.generic': 'Something went wrong: {message}',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
