import { useAppStore } from '../../store';

/**
 * A team's name in the UI language, from the directory (teams carry a Chinese and an English
 * name); falls back to the name the row or detail carried until the directory has loaded.
 */
export function useTeamName(teamId: string, fallback: string): string {
  return useAppStore((s) => {
    const team = s.directory?.teams.find((candidate) => candidate.id === teamId);
    if (!team) return fallback;
    return s.language === 'en' ? team.nameEn || team.name : team.name;
  });
}
