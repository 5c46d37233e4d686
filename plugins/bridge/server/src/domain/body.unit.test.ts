import { checkBody, type AttributeDescription } from './body';
import type { ResourceDefinition } from './resource';

const attributes: Record<string, AttributeDescription> = {
  nom: { type: 'string', required: true, maxLength: 10 },
  dateNaissance: { type: 'date' },
  rang: { type: 'integer', min: 1 },
  statut: { type: 'enumeration', enum: ['ACTIF', 'CLOS'] },
  motDePasse: { type: 'password', private: true },
  titres: { type: 'relation', relation: 'manyToMany', target: 'api::titre.titre' },
  calcule: { type: 'string' },
};
const resource: ResourceDefinition = { name: 'x', uid: 'api::x.x', label: "l'objet", readOnly: ['calcule'] };

const errorOf = (body: unknown, mode: 'create' | 'update' = 'create') => {
  try {
    checkBody(body, attributes, resource, mode);
  } catch (error) {
    return { field: (error as { field: string }).field, message: (error as Error).message };
  }
  return null;
};

test('valid bodies pass, system fields echoed by react-admin are ignored', () => {
  expect(checkBody({ id: 'abc', createdAt: 'x', nom: ' Dupont ', rang: 2, titres: ['abcdefghij12'] }, attributes, resource, 'create')).toEqual({
    nom: 'Dupont',
    rang: 2,
    titres: ['abcdefghij12'],
  });
});

test('impossible dates are refused, real ones accepted', () => {
  expect(errorOf({ nom: 'A', dateNaissance: '2023-02-29' })).toEqual({ field: 'dateNaissance', message: expect.stringMatching(/date impossible/) });
  expect(errorOf({ nom: 'A', dateNaissance: '2024-02-29' })).toBeNull();
  expect(errorOf({ nom: 'A', dateNaissance: '31/02/2020' })?.field).toBe('dateNaissance');
});

test('types, bounds, enums and unknown or private fields', () => {
  expect(errorOf({ nom: 'A', rang: 0 })?.message).toMatch(/supérieur ou égal à 1/);
  expect(errorOf({ nom: 'A', rang: '2' })?.message).toMatch(/nombre entier/);
  expect(errorOf({ nom: 'A', statut: 'X' })?.message).toMatch(/ACTIF, CLOS/);
  expect(errorOf({ nom: 'A', motDePasse: 'x' })?.message).toMatch(/Champ inconnu/);
  expect(errorOf({ nom: 'A', zz: 1 })?.field).toBe('zz');
  expect(errorOf({ nom: 'A'.repeat(11) })?.message).toMatch(/trop long/);
});

test('required fields on create only; read-only fields refused on create, ignored on update', () => {
  expect(errorOf({ rang: 1 })?.field).toBe('nom');
  expect(errorOf({ rang: 1 }, 'update')).toBeNull();
  expect(errorOf({ nom: 'A', calcule: 'x' })?.field).toBe('calcule');
  expect(checkBody({ calcule: 'x', rang: 3 }, attributes, resource, 'update')).toEqual({ rang: 3 });
  expect(errorOf({ nom: null }, 'update')?.message).toMatch(/obligatoire/);
});
