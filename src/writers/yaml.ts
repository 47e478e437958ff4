/**
 * YAML writer. Output is YAML 1.2, but users load it with YAML 1.1 parsers too (PyYAML, Ruby's
 * Psych), which read `yes`, `no`, `on`, `y`, `~`, `2020-11-01`, `1:20` … as booleans, null,
 * dates or numbers. `compat: 'yaml-1.1'` makes the library quote every string either schema would
 * read as something else.
 */
import { Document, isScalar, visit } from 'yaml';
import type { ExtractionDocument } from '../schema/index.ts';

/** YAML 1.1 implicit types the yaml package's 1.1 schema does not know: `=` (value) and `<<` (merge). PyYAML rejects a plain `=`. */
const YAML11_SPECIAL = /^(?:=|<<)$/u;

export function toYaml(doc: ExtractionDocument): string {
  // aliasDuplicateObjects: false — no anchors/aliases, each record is spelled out where it is.
  const yaml = new Document(doc, { aliasDuplicateObjects: false, compat: 'yaml-1.1' });
  visit(yaml, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && YAML11_SPECIAL.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  // lineWidth: 0 — never fold long lines, so article text stays one line per paragraph.
  return yaml.toString({ lineWidth: 0 });
}
