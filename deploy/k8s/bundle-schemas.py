#!/usr/bin/env python3
"""kubernetes-validate's JSON schemas refer to one shared `/api/_definitions.json`, which kubeconform cannot follow:
this writes standalone copies (the definitions inlined as `$defs`) of the kinds named, for kubeconform's
-schema-location. Usage: bundle-schemas.py <kubernetes-validate schema dir>/v1.33.0-local-strict <out dir> kind-suffix…"""
import json, os, sys

src, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
defs = json.load(open(os.path.join(src, '_definitions.json'), encoding='utf-8'))['$defs']
os.makedirs(out, exist_ok=True)
for name in names:
    text = open(os.path.join(src, f'{name}.json'), encoding='utf-8').read().replace('"/api/_definitions.json#/$defs/', '"#/$defs/')
    schema = json.loads(text)
    schema['$defs'] = defs
    with open(os.path.join(out, f'{name}.json'), 'w', encoding='utf-8') as f:
        json.dump(schema, f)
