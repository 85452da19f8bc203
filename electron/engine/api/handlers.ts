import type { Line } from '../../../shared/domain/line.js';
import type { Handlers } from '../../../shared/rpc/contract.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import type { EngineStatusBoard } from '../engine-status.js';
import {
  LineNotFoundError,
  LinePasswordRequiredError,
  type LineRepository,
  type StoredLine,
} from '../store/line-repository.js';
import type { SettingsRepository } from '../store/settings-repository.js';

export interface HandlerDeps {
  version: string;
  dataDir: string;
  startedAt: Date;
  settings: SettingsRepository;
  lines: LineRepository;
  status: EngineStatusBoard;
  /** After a line was saved or removed: refresh the status and the running SIP agents. */
  linesChanged(): void;
}

type OfficeMethods = Pick<
  Handlers,
  'system.status' | 'settings.get' | 'settings.update' | 'lines.list' | 'lines.save' | 'lines.remove'
>;

/**
 * The API's system, settings and lines methods: params arrive validated, results leave as the
 * contract says. (Workflows and their kin are in workflow-handlers.ts.)
 */
export function createHandlers(deps: HandlerDeps): OfficeMethods {
  const { settings, lines, status } = deps;
  const toApiLine = (line: StoredLine): Line => ({
    id: line.id,
    displayName: line.displayName,
    registrar: line.registrar,
    username: line.username,
    authUsername: line.authUsername,
    transport: line.transport,
    handoff: line.handoff,
    numbers: line.numbers,
    enabled: line.enabled,
    hasPassword: line.hasPassword,
    registration: status.registrationOf(line),
    createdAt: line.createdAt,
    updatedAt: line.updatedAt,
  });

  return {
    'system.status': async () => ({
      version: deps.version,
      startedAt: deps.startedAt.toISOString(),
      uptimeMs: Date.now() - deps.startedAt.getTime(),
      dataDir: deps.dataDir,
      engine: status.snapshot(),
    }),
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),
    'lines.list': async () => lines.list().map(toApiLine),
    'lines.save': async (input) => {
      try {
        const saved = lines.save(input);
        deps.linesChanged();
        return toApiLine(saved);
      } catch (error) {
        if (error instanceof LineNotFoundError) throw new RpcError('NOT_FOUND', error.message);
        if (error instanceof LinePasswordRequiredError) {
          throw new RpcError('INVALID_PARAMS', error.message, {
            issues: [{ path: ['password'], code: 'required', message: error.message }],
          });
        }
        throw error;
      }
    },
    'lines.remove': async ({ id }) => {
      const removed = lines.remove(id);
      if (removed) deps.linesChanged();
      return { removed };
    },
  };
}
