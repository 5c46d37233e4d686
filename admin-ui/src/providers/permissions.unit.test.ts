/**
 * The back-office hides exactly what the server would refuse: its canAccess, fed with what GET /api/ra/me
 * sends (grantsOf), answers like the server's matrix (isAllowed) for every profile × resource × action.
 */
import { describe, expect, test } from '@jest/globals';
import { canAccess } from './permissions';
import { PROFILES } from '../../../plugins/bridge/server/src/domain/access';
import { CRUD_ACTIONS, MATRIX, grantsOf, isAllowed } from '../../../plugins/bridge/server/src/domain/permissions';

const resources = [...Object.keys(MATRIX), 'inconnue'];
const actions = [...new Set([...CRUD_ACTIONS, ...Object.values(MATRIX).flatMap((byProfile) => Object.values(byProfile).flat()), 'inconnue'])];

describe.each(PROFILES)('%s', (profile) => {
  const me = { permissions: grantsOf(profile) };
  test('canAccess = isAllowed on every resource and action', () => {
    const mismatches = resources.flatMap((resource) =>
      actions.filter((action) => canAccess(me, resource, action) !== isAllowed(profile, resource, action)).map((action) => `${resource}.${action}`),
    );
    expect(mismatches).toEqual([]);
  });
});

test('no session, no access', () => {
  expect(canAccess(null, 'centres', 'list')).toBe(false);
});

test('the dashboard is open to every profile', () => {
  expect(canAccess({ permissions: {} }, 'dashboard', 'list')).toBe(true);
});
