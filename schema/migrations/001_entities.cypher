// Entities: one node per thing the articles name, label :Entity plus exactly one kind label.
// The id is the public, stable handle: unique, and the key every lookup starts from.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Keyset pagination sorts by name (then id) and filters by name: a range index serves both.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_name_ko IF NOT EXISTS FOR (n:Entity) ON (n.nameKo);

// Search by name and alias in Korean or English. The CJK analyzer indexes Hangul as bigrams
// (카이스트 -> 카이 이스 스트), so partial Korean names match; Latin text is lower-cased words.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.nameKo, n.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
