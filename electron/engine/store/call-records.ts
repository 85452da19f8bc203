import type { AppDatabase } from './database.js';
import { ConversationTags } from './conversation-tags.js';
import { TagCatalogue } from './tag-catalogue.js';
import { VoicemailBox, type VoicemailRow } from './voicemail-box.js';

export type { VoicemailRow } from './voicemail-box.js';

/**
 * What calls leave behind in the inbox besides their conversation row: voicemail
 * (voicemail-box.ts) and tags (conversation-tags.ts, tag-catalogue.ts). Callbacks and text
 * messages have their own lists. Each write is committed at once, like the step log, so a crash
 * loses none of it.
 */
export class CallRecords {
  readonly voicemail: VoicemailBox;
  readonly catalogue: TagCatalogue;
  readonly tags: ConversationTags;

  constructor(db: AppDatabase, dataDir: string) {
    this.voicemail = new VoicemailBox(db, dataDir);
    this.catalogue = new TagCatalogue(db);
    this.tags = new ConversationTags(db, this.catalogue);
  }

  /** From the voicemail step. */
  saveVoicemail(voicemail: Parameters<VoicemailBox['save']>[0]): VoicemailRow {
    return this.voicemail.save(voicemail);
  }

  /** From the tag step: the workflow added them. */
  addTags(callId: string, tags: readonly string[]): void {
    this.tags.add(callId, tags, null);
  }
}
