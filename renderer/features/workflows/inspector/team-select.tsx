import { useT } from '../../../i18n/use-t.js';
import { SelectInput } from './controls.js';
import { useInspector } from './inspector-context.js';

/**
 * A team, or null with `noneLabel` saying what null means ("Choose a team", "Everyone's inbox").
 * A team since removed stays shown by its id; the problems list says it is gone.
 */
export function TeamSelect({
  label,
  value,
  noneLabel,
  hint,
  onChange,
}: {
  label: string;
  value: string | null;
  noneLabel: string;
  hint?: string;
  onChange(teamId: string | null): void;
}) {
  const t = useT();
  const { teams } = useInspector();
  const known = value === null || teams.some((team) => team.id === value);
  return (
    <SelectInput<string>
      label={label}
      value={value ?? ''}
      options={[
        { value: '', label: noneLabel },
        ...teams.map((team) => ({ value: team.id, label: team.name })),
        ...(known ? [] : [{ value: value, label: t('inspector.unknownTeam') }]),
      ]}
      hint={hint ?? (teams.length === 0 ? t('inspector.noTeams') : '')}
      onChange={(picked) => onChange(picked === '' ? null : picked)}
    />
  );
}
