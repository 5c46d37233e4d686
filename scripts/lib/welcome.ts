import { DEMO_PASSWORD, DEMO_USERS } from '../../strapi/src/seed/demo-users';

export function printWelcome(port: number) {
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `CERES est prêt : ${url}`,
    `  back-office          ${url}/`,
    `  administration Strapi ${url}/admin`,
    `  API                  ${url}/api/ra`,
    '',
    `Comptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`,
    ...DEMO_USERS.map((u) => `  ${u.username.padEnd(24)} ${u.label}`),
    '',
  ];
  console.log(lines.join('\n'));
}
