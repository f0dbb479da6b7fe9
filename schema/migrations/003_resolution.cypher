// Entity resolution: an ingested mention joins an existing entity when one of its normalized names
// equals one of the entity's (resolutionKeys, derived on every write). The keyword analyzer keeps
// each key whole, so this is an index-backed exact lookup of list elements, not a scan.
CREATE FULLTEXT INDEX entity_resolution_keys IF NOT EXISTS
FOR (n:Entity) ON EACH [n.resolutionKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } };
