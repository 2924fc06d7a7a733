/**
 * GeoReport v2's XML: a list of objects under a plural root (`<services><service>…`), each field an element, a nested
 * list (a definition's `attributes`, an attribute's `values`) as elements of its singular name.
 */
const ELEMENT: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
};

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function element(name: string, value: unknown): string {
  if (value === undefined || value === null) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(ELEMENT[name] ?? name, v)).join('')}</${name}>`;
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escape(String(value))}</${name}>`;
}

/** The answer as XML, e.g. toXml('services', [...]) or toXml('service_definition', {...}). */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`;
}
