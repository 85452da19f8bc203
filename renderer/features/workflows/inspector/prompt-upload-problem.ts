import { MAX_UPLOAD_BYTES } from '../../../../shared/domain/prompts.js';
import { RpcError } from '../../../../shared/rpc/errors.js';
import type { MessageKey } from '../../../i18n/messages.en.js';
import type { TranslationVars } from '../../../i18n/translate.js';
import { formatBytes } from './byte-size.js';

/**
 * Why a file did not become a recording: a sentence in the user's language, and the engine's
 * own (English, technical) words as a detail for whoever looks into it.
 */
export interface UploadProblem {
  message: MessageKey;
  vars: TranslationVars;
  detail?: string;
}

/** The engine's AudioFileError codes, each said in plain words. */
const fileProblems: Readonly<Record<string, MessageKey>> = {
  'not-wav': 'inspector.upload.notAudio',
  'unsupported-container': 'inspector.upload.notAudio',
  'unsupported-format': 'inspector.upload.unsupportedFormat',
  'bad-header': 'inspector.upload.damaged',
  truncated: 'inspector.upload.truncated',
  'no-audio': 'inspector.upload.noAudio',
  'too-long': 'inspector.upload.tooLong',
  undecodable: 'inspector.upload.undecodable',
};

/** What can be told before sending a byte: an empty file, or one over the API's limit. */
export function problemBeforeUpload(file: { name: string; size: number }): UploadProblem | undefined {
  if (file.size === 0) return { message: 'inspector.upload.empty', vars: { file: file.name } };
  if (file.size > MAX_UPLOAD_BYTES) {
    return {
      message: 'inspector.upload.tooBig',
      vars: { file: file.name, size: formatBytes(file.size), max: formatBytes(MAX_UPLOAD_BYTES) },
    };
  }
  return undefined;
}

/** An upload's failure as the user should read it; the engine's message is kept as the detail. */
export function problemOfError(error: unknown, fileName: string): UploadProblem {
  const vars = { file: fileName };
  if (!(error instanceof RpcError)) {
    const detail = error instanceof Error ? error.message : String(error);
    return { message: 'inspector.upload.failed', vars, detail };
  }
  const code = error.issues.find((issue) => issue.path[0] === 'file')?.code;
  // The engine starts its message with the file's name, which the sentence already says.
  const prefix = `${fileName}: `;
  const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { message: (code && fileProblems[code]) || 'inspector.upload.failed', vars, detail };
}
