// Copies GOV.UK Frontend from node_modules into the web app's wwwroot at build time.
// The GDS Transport typeface is licensed for GOV.UK services only, so councils' pages
// use Arial: the stylesheet is rewritten without the font and its @font-face rules.
import { cpSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk');
const target = join(root, 'src', 'Trellis.Web', 'wwwroot', 'lib', 'govuk-frontend');

if (!existsSync(source)) {
  console.error(`govuk-frontend is not installed at ${source}; run npm ci`);
  process.exit(1);
}

mkdirSync(target, { recursive: true });
const css = readFileSync(join(source, 'govuk-frontend.min.css'), 'utf8')
  .replace(/@font-face\{[^}]*\}/g, '')
  .replaceAll('"GDS Transport",arial,sans-serif', 'arial,sans-serif')
  .replaceAll('GDS Transport,arial,sans-serif', 'arial,sans-serif')
  .replaceAll('font-family:GDS Transport', 'font-family:arial,sans-serif')
  .replace(/\/\*# sourceMappingURL=[^*]*\*\//, '');
writeFileSync(join(target, 'govuk-frontend.min.css'), css);
cpSync(join(source, 'govuk-frontend.min.js'), join(target, 'govuk-frontend.min.js'));
console.log(`GOV.UK Frontend copied to ${target}`);
