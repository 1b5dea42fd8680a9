/**
 * Who may see and change a canned response. The server enforces these on every mutation; the core
 * and the UI use the same rule to hide what would be refused.
 */
import type { Viewer } from '../domain/visibility';
import type { CannedResponse } from './model';

type Ownership = Pick<CannedResponse, 'scope' | 'teamId' | 'ownerId'>;

export function canSeeCanned(viewer: Viewer, response: Ownership): boolean {
  if (response.scope === 'personal') return response.ownerId === viewer.id;
  if (viewer.role === 'admin') return true;
  return response.teamId !== null && viewer.teamIds.includes(response.teamId);
}

/** Personal: only the owner. Team: the team's leads and any admin. Reviewers never edit. */
export function canEditCanned(viewer: Viewer, response: Ownership): boolean {
  if (viewer.role === 'reviewer') return false;
  if (response.scope === 'personal') return response.ownerId === viewer.id;
  if (viewer.role === 'admin') return true;
  return viewer.role === 'lead' && response.teamId !== null && viewer.teamIds.includes(response.teamId);
}
