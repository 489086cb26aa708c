// The index template, derived from the field registry: one mapping per field, keyword or text as
// the registry says, `stored` fields kept in _source but neither indexed nor given doc values.
// `dynamic: false`: a field the registry does not know is kept in the document but not indexed,
// so an unexpected field never creates a mapping that later conflicts.
import type { estypes } from '@elastic/elasticsearch';
import { FIELDS, FIELD_NAMES, type FieldSpec } from '../../core/index.js';

function propertyOf(spec: FieldSpec): estypes.MappingProperty {
  switch (spec.type) {
    case 'date':
      return { type: 'date' };
    case 'text':
      return { type: 'text' };
    case 'keyword':
      // Longer values are kept in _source but not indexed, instead of rejecting the event.
      return { type: 'keyword', ignore_above: 8191 };
    case 'integer':
      return { type: 'integer' };
    case 'long':
      return { type: 'long' };
    case 'stored':
      return { type: 'keyword', index: false, doc_values: false };
  }
}

export function eventMappings(): estypes.MappingTypeMapping {
  const properties: Record<string, estypes.MappingProperty> = {};
  for (const name of FIELD_NAMES) properties[name] = propertyOf(FIELDS[name]);
  return { dynamic: false, properties };
}

/** The dead-letter index: what was refused, why, and the original document as a string. */
export function deadLetterMappings(): estypes.MappingTypeMapping {
  return {
    dynamic: false,
    properties: {
      '@timestamp': { type: 'date' },
      'event.id': { type: 'keyword' },
      'error.type': { type: 'keyword' },
      'error.message': { type: 'text' },
      'brokerwatch.target_index': { type: 'keyword' },
      'brokerwatch.status': { type: 'integer' },
      'event.original': { type: 'keyword', index: false, doc_values: false },
    },
  };
}
