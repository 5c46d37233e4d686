/**
 * Issue 7 §2: a session names a site of its centre and the agrément (or temporary authorisation) of that
 * centre covering its title / CCS over the whole date range.
 */
import { couvertureErrors, type CouvertureFacts } from './couverture';

const base: CouvertureFacts = {
  session: { type: 'TITRE', centre: 'c1', titre: 't1', ccs: null, dateDebut: '2026-06-01', dateFin: '2026-06-03' },
  site: { id: 's1', nom: 'Plateau de Gerland', centre: 'c1', actif: true },
  agrement: { id: 'a1', centre: 'c1', site: null, titre: 't1', ccs: null, statut: 'ACCORDE', dateDebut: '2026-06-01', dateFin: '2026-06-03' },
  autorisation: null,
};
const errors = (patch: Partial<CouvertureFacts>, requis = true) => couvertureErrors({ ...base, ...patch }, requis);
const fields = (patch: Partial<CouvertureFacts>, requis = true) => errors(patch, requis).map((e) => e.field);

test('an agrément ACCORDE of the centre on the title, valid from the first to the last day (bounds included), covers the session', () => {
  expect(errors({})).toEqual([]);
});

test('before declaration only what is chosen is checked; at declaration the site and one authorisation are required', () => {
  expect(errors({ site: null, agrement: null }, false)).toEqual([]);
  expect(fields({ site: null, agrement: null })).toEqual(['site', 'agrement']);
});

test('the site belongs to the organising centre and is active', () => {
  expect(errors({ site: { ...base.site!, centre: 'c2' } })[0].message).toBe("Le site « Plateau de Gerland » n'appartient pas au centre organisateur de la session.");
  expect(errors({ site: { ...base.site!, actif: false } })[0].message).toMatch(/est inactif/);
});

test('the agrément: the centre, the title (or the CCS of a session CCS), ACCORDE, the dates, its site', () => {
  const a = base.agrement!;
  expect(errors({ agrement: { ...a, centre: 'c2' } })[0].message).toMatch(/n'est pas un agrément du centre organisateur/);
  expect(errors({ agrement: { ...a, titre: 't2' } })[0].message).toBe('Cet agrément ne porte pas sur le titre de la session.');
  expect(errors({ agrement: { ...a, statut: 'DEMANDE' } })[0].message).toBe("Cet agrément n'est pas accordé (statut : demandé).");
  expect(errors({ agrement: { ...a, dateDebut: '2026-06-02' } })[0].message).toMatch(/ne couvre pas toute la session \(du 01\/06\/2026 au 03\/06\/2026\)/);
  expect(errors({ agrement: { ...a, site: 's9' } })[0].message).toMatch(/autre site du centre/);
  const ccs: Partial<CouvertureFacts> = { session: { ...base.session, type: 'CCS', ccs: 'k1' }, agrement: { ...a, titre: null, ccs: 'k1' } };
  expect(errors(ccs)).toEqual([]);
  expect(errors({ ...ccs, agrement: { ...a, titre: null, ccs: 'k2' } })[0].message).toBe('Cet agrément ne porte pas sur le CCS de la session.');
});

test('a temporary authorisation of the centre covers a session titre or CCP, never a session CCS; not both with an agrément', () => {
  const autorisation = { id: 'at1', centre: 'c1', titre: 't1', dateDebut: '2026-05-01', dateFin: '2026-06-03' };
  expect(errors({ agrement: null, autorisation })).toEqual([]);
  expect(errors({ agrement: null, autorisation, session: { ...base.session, type: 'CCP' } })).toEqual([]);
  expect(fields({ agrement: null, autorisation: { ...autorisation, dateFin: '2026-06-02' } })).toEqual(['autorisationTemporaire']);
  expect(errors({ agrement: null, autorisation, session: { ...base.session, type: 'CCS', ccs: 'k1' } })[0].message).toMatch(/ne couvre pas une session CCS/);
  expect(fields({ autorisation })).toEqual(['agrement']);
});
