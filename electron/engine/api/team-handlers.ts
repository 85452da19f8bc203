import type { Handlers } from '../../../shared/rpc/contract.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import { TeamNameTakenError, type TeamRepository } from '../store/team-repository.js';

type TeamMethods = Pick<Handlers, 'teams.list' | 'teams.save' | 'teams.remove'>;

/** Teams over the API. */
export function createTeamHandlers(teams: TeamRepository): TeamMethods {
  return {
    'teams.list': async () => teams.list(),
    'teams.save': async (input) => {
      try {
        const saved = teams.save(input);
        if (!saved) throw new RpcError('NOT_FOUND', `No team ${input.id ?? ''}`);
        return saved;
      } catch (error) {
        if (error instanceof TeamNameTakenError) {
          throw new RpcError('INVALID_PARAMS', error.message, {
            issues: [{ path: ['name'], code: 'taken', message: error.message }],
          });
        }
        throw error;
      }
    },
    'teams.remove': async ({ id }) => ({ removed: teams.remove(id) }),
  };
}
