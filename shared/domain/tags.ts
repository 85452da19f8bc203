import { z } from 'zod';

/** A tag's name as agents type it: 1–40 characters, any script (Korean included). */
export const tagNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the tag a name')
  .max(40, 'At most 40 characters')
  .refine((name) => !/[\p{Cc}]/u.test(name), 'No control characters');

export const tagColorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'A colour like #3b82f6');

/** The colour a tag gets when a workflow or an agent uses a name not in the catalogue yet. */
export const DEFAULT_TAG_COLOR = '#9ca3af';

/** One entry of the office's tag catalogue: the names agents pick from. */
export const catalogueTagSchema = z.object({
  name: z.string(),
  color: z.string(),
  createdAt: z.iso.datetime(),
});
export type CatalogueTag = z.infer<typeof catalogueTagSchema>;

export const saveTagParams = z.strictObject({
  name: tagNameSchema,
  color: tagColorSchema.transform((c) => c.toLowerCase()),
});
export type SaveTagParams = z.infer<typeof saveTagParams>;

/** A tag on one call: who put it there (null: the workflow) and when. */
export const callTagSchema = z.object({
  tag: z.string(),
  color: z.string(),
  addedAt: z.iso.datetime(),
  /** An agent's id, 'user' for someone without an agent identity, null for the workflow. */
  addedBy: z.string().nullable(),
});
export type CallTag = z.infer<typeof callTagSchema>;
