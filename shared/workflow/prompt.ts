import { z } from 'zod';

/** Languages text prompts are spoken in (the speech synthesizer's voices). */
export const promptLanguages = ['ko', 'en'] as const;
export const promptLanguageSchema = z.enum(promptLanguages);
export type PromptLanguage = z.infer<typeof promptLanguageSchema>;

/** Longest text one prompt may speak: a menu, not an audiobook. */
export const MAX_PROMPT_TEXT = 2000;

/**
 * What a step says: text spoken by the synthesizer, or a recording uploaded to the prompt store
 * (converted to 8 kHz at upload). Either way it is rendered to a file before it is published,
 * so a call only ever plays files.
 */
export const promptSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('tts'),
    // Empty is allowed in a draft (a step just added); the validator will not let it be published.
    text: z.string().trim().max(MAX_PROMPT_TEXT),
    language: promptLanguageSchema,
    /** An OS voice name; absent for the language's default voice. */
    voice: z.string().trim().min(1).max(100).optional(),
  }),
  z.strictObject({
    kind: z.literal('audio'),
    promptId: z.uuid(),
  }),
]);
export type Prompt = z.infer<typeof promptSchema>;
