import { asc, eq } from 'drizzle-orm';
import { DEFAULT_TAG_COLOR, type CatalogueTag } from '../../../shared/domain/tags.js';
import type { AppDatabase } from './database.js';
import { tagCatalogue } from './schema.js';

/**
 * The office's tag catalogue: the names agents pick from, each with its colour. A name used on a
 * call (by a workflow or an agent) joins it with {@link DEFAULT_TAG_COLOR}, so every tag in use
 * can be filtered on; removing a name leaves the calls that carry it as they are.
 */
export class TagCatalogue {
  constructor(private readonly db: AppDatabase) {}

  list(): CatalogueTag[] {
    return this.db.select().from(tagCatalogue).orderBy(asc(tagCatalogue.name)).all();
  }

  /** Adds the name or changes its colour. */
  save(tag: { name: string; color: string }): CatalogueTag {
    const row = { ...tag, createdAt: new Date().toISOString() };
    return this.db
      .insert(tagCatalogue)
      .values(row)
      .onConflictDoUpdate({ target: tagCatalogue.name, set: { color: tag.color } })
      .returning()
      .get();
  }

  remove(name: string): boolean {
    return this.db.delete(tagCatalogue).where(eq(tagCatalogue.name, name)).run().changes > 0;
  }

  /** Adds the names not in the catalogue yet, with the default colour; true if any was new. */
  ensure(names: Iterable<string>): boolean {
    const createdAt = new Date().toISOString();
    let added = false;
    for (const name of names) {
      const result = this.db
        .insert(tagCatalogue)
        .values({ name, color: DEFAULT_TAG_COLOR, createdAt })
        .onConflictDoNothing()
        .run();
      added ||= result.changes > 0;
    }
    return added;
  }
}
