import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_TAG_COLOR, type CallTag } from '../../../shared/domain/tags.js';
import type { AppDatabase } from './database.js';
import { callTags, tagCatalogue } from './schema.js';
import type { TagCatalogue } from './tag-catalogue.js';

/**
 * Tags on calls: from workflows (`addedBy` null) and from people. A tag already on a call is
 * kept once, with who added it first. New names join the catalogue.
 */
export class ConversationTags {
  constructor(
    private readonly db: AppDatabase,
    private readonly catalogue: TagCatalogue,
  ) {}

  /** True if the catalogue gained a name. */
  add(callId: string, tags: readonly string[], addedBy: string | null): boolean {
    const unique = new Set(tags);
    const addedAt = new Date().toISOString();
    this.db.transaction((tx) => {
      for (const tag of unique) {
        tx.insert(callTags).values({ callId, tag, addedAt, addedBy }).onConflictDoNothing().run();
      }
    });
    return this.catalogue.ensure(unique);
  }

  remove(callId: string, tags: readonly string[]): void {
    if (tags.length === 0) return;
    this.db
      .delete(callTags)
      .where(and(eq(callTags.callId, callId), inArray(callTags.tag, [...tags])))
      .run();
  }

  /** In the order they were added. */
  of(callId: string): CallTag[] {
    return this.ofCalls([callId]).get(callId) ?? [];
  }

  /** The tags of each call, looked up by the (call_id, tag) key: the cost of the page, not the table. */
  ofCalls(callIds: readonly string[]): Map<string, CallTag[]> {
    const tags = new Map<string, CallTag[]>();
    if (callIds.length === 0) return tags;
    const rows = this.db
      .select({
        callId: callTags.callId,
        tag: callTags.tag,
        color: sql<string>`coalesce(${tagCatalogue.color}, ${DEFAULT_TAG_COLOR})`,
        addedAt: callTags.addedAt,
        addedBy: callTags.addedBy,
      })
      .from(callTags)
      .leftJoin(tagCatalogue, eq(tagCatalogue.name, callTags.tag))
      .where(inArray(callTags.callId, [...callIds]))
      .orderBy(asc(callTags.addedAt), asc(callTags.tag))
      .all();
    for (const { callId, ...tag } of rows) {
      const list = tags.get(callId);
      if (list) list.push(tag);
      else tags.set(callId, [tag]);
    }
    return tags;
  }
}
